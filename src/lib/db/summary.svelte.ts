/**
 * summary.json, loaded once per page (before DuckDB): the overview's figures and the filter options of every page.
 * A failure leaves `rows` null; the pages then wait for DuckDB. The overview's default view (overview.json,
 * precomputed from the same rows) comes with the overview's HTML (+page.server.ts): `first` holds it while
 * summary.json is not in yet, unless a report was added in this browser (its figures would not count them). Until
 * the browser storage has been read that is not known: the view is shown, and hidden by the page's boot script
 * (src/app.html) when the storage hint says there are uploads (uploads-hint.ts).
 */
import type { FirstView } from '$lib/charts/firstview';
import { parseSummary, type SummaryRow } from '$lib/store/summary';
import { SUMMARY_URL } from './assets';
import { mergeSummary, type SummaryPatch } from './merge';

export interface SummaryState {
	rows: SummaryRow[] | null;
	/** The overview's default view until `rows` is loaded; null once it is, and when this browser has uploads. */
	first: FirstView | null;
	/** ms from navigation start to the summary being parsed (for the first-paint measurement). */
	loadedAt: number | null;
	error: string | null;
}

class State implements SummaryState {
	/** Raw (not deeply proxied): the rows are replaced as a whole, never mutated; at 100k reports a deep proxy cost seconds. */
	rows: SummaryRow[] | null = $state.raw(null);
	first: FirstView | null = $state.raw(null);
	loadedAt: number | null = $state(null);
	error: string | null = $state(null);
}

export const summaryState: SummaryState = new State();

let loading: Promise<SummaryRow[] | null> | undefined;
/** summary.json's rows as fetched, and the uploads' rows and patches merged into them (see uploads.ts). */
let base: SummaryRow[] | null = null;
let extra: { rows: SummaryRow[]; patches: SummaryPatch[] } = { rows: [], patches: [] };
/** Resolved once the browser storage was read (setUploadRows). */
let uploadsRead: () => void = () => {};
const uploadsReadP = new Promise<void>((ok) => (uploadsRead = ok));
let firstLoaded: FirstView | null = null;

function showFirst() {
	summaryState.first = !base && !extra.rows.length && !extra.patches.length ? firstLoaded : null;
}

/** Set the uploads' rows (and the bundled rows whose cross-year findings they change). */
export function setUploadRows(rows: SummaryRow[], patches: SummaryPatch[]): void {
	extra = { rows, patches };
	uploadsRead();
	if (base) summaryState.rows = mergeSummary(base, rows, patches);
	showFirst();
}

async function load(): Promise<SummaryRow[] | null> {
	try {
		const res = await fetch(SUMMARY_URL);
		if (!res.ok) throw new Error(`HTTP ${res.status}`);
		// the body is decoded (10 MB at 100k reports) and parsed after the small first view is drawn
		await firstViewDrawn();
		const s = parseSummary(await res.text());
		if (!s) throw new Error('格式不符');
		// the reports added in this browser are merged in before the rows are shown (never figures without them)
		await uploadsReadP;
		base = s.reports;
		summaryState.rows = mergeSummary(base, extra.rows, extra.patches);
		showFirst();
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

/** The overview's default view, as prerendered into its HTML (once, when the page is loaded on the overview). */
export function setFirstView(v: FirstView | null): void {
	firstLoaded = v;
	showFirst();
}

/**
 * Resolves once the first view (if there is one to show) had a frame to be drawn in: parsing a large summary.json
 * (10 MB at 100k reports) blocks the page for a while, and the small first view is what should be seen meanwhile.
 */
async function firstViewDrawn(): Promise<void> {
	if (!summaryState.first) return;
	// (a background tab runs no animation frames: then after 100 ms)
	await new Promise<void>((ok) => {
		requestAnimationFrame(() => setTimeout(ok, 0));
		setTimeout(ok, 100);
	});
}
