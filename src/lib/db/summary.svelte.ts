/**
 * summary.json, loaded once per page (a few kB, before DuckDB): the first paint of the overview and the filter
 * options of every page. A failure leaves `rows` null; the pages then wait for DuckDB.
 */
import { parseSummary, type SummaryRow } from '$lib/store/summary';
import { SUMMARY_URL } from './assets';
import { mergeSummary, type SummaryPatch } from './merge';

export interface SummaryState {
	rows: SummaryRow[] | null;
	/** ms from navigation start to the summary being parsed (for the first-paint measurement). */
	loadedAt: number | null;
	error: string | null;
}

class State implements SummaryState {
	/** Raw (not deeply proxied): the rows are replaced as a whole, never mutated; at 100k reports a deep proxy cost seconds. */
	rows: SummaryRow[] | null = $state.raw(null);
	loadedAt: number | null = $state(null);
	error: string | null = $state(null);
}

export const summaryState: SummaryState = new State();

let loading: Promise<SummaryRow[] | null> | undefined;
/** summary.json's rows as fetched, and the uploads' rows and patches merged into them (see uploads.ts). */
let base: SummaryRow[] | null = null;
let extra: { rows: SummaryRow[]; patches: SummaryPatch[] } = { rows: [], patches: [] };

/** Set the uploads' rows (and the bundled rows whose cross-year findings they change). */
export function setUploadRows(rows: SummaryRow[], patches: SummaryPatch[]): void {
	extra = { rows, patches };
	if (base) summaryState.rows = mergeSummary(base, rows, patches);
}

async function load(): Promise<SummaryRow[] | null> {
	try {
		const res = await fetch(SUMMARY_URL);
		if (!res.ok) throw new Error(`HTTP ${res.status}`);
		const s = parseSummary(await res.text());
		if (!s) throw new Error('格式不符');
		base = s.reports;
		summaryState.rows = mergeSummary(base, extra.rows, extra.patches);
		summaryState.loadedAt = performance.now();
		return summaryState.rows;
	} catch (e) {
		summaryState.error = `摘要数据未能载入（${e instanceof Error ? e.message : String(e)}），等待分析引擎`;
		return null;
	}
}

export function ensureSummary(): Promise<SummaryRow[] | null> {
	loading ??= load();
	return loading;
}
