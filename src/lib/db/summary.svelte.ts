/**
 * summary.json, loaded once per page (before DuckDB): the first paint of the overview and the filter options of every
 * page. A failure leaves `rows` null; the pages then wait for DuckDB. overview.json (the overview's default view,
 * precomputed from the same rows) is loaded beside it: `first` holds it while summary.json is not in yet, and only
 * when no report was added in this browser (its figures would not count them).
 */
import { parseFirstView, type FirstView } from '$lib/charts/firstview';
import { parseSummary, type SummaryRow } from '$lib/store/summary';
import { FIRST_VIEW_URL, SUMMARY_URL } from './assets';
import { mergeSummary, type SummaryPatch } from './merge';

export interface SummaryState {
	rows: SummaryRow[] | null;
	/** overview.json until `rows` is loaded; null once it is, when it failed, or when uploads (or their state) are not known to be none. */
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
/** Set once the browser storage was read (setUploadRows): until then the uploads are not known to be none. */
let uploadsKnown = false;
let uploadsRead: () => void = () => {};
const uploadsReadP = new Promise<void>((ok) => (uploadsRead = ok));
let firstLoaded: FirstView | null = null;

function showFirst() {
	summaryState.first = !base && uploadsKnown && !extra.rows.length && !extra.patches.length ? firstLoaded : null;
}

/** Set the uploads' rows (and the bundled rows whose cross-year findings they change). */
export function setUploadRows(rows: SummaryRow[], patches: SummaryPatch[]): void {
	extra = { rows, patches };
	uploadsKnown = true;
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

let loadingFirst: Promise<void> | undefined;

/** Load overview.json (a failure only means the overview waits for summary.json). */
export function ensureFirstView(): Promise<void> {
	loadingFirst ??= (async () => {
		try {
			const res = await fetch(FIRST_VIEW_URL);
			if (!res.ok || base) return;
			firstLoaded = parseFirstView(await res.text()) ?? null;
			showFirst();
		} catch {
			/* the overview waits for summary.json */
		}
	})();
	return loadingFirst;
}

/**
 * Resolves once the first view (if there is one to show) had a frame to be drawn in: parsing a large summary.json
 * (10 MB at 100k reports) blocks the page for a while, and the small first view is what should be seen meanwhile.
 */
async function firstViewDrawn(): Promise<void> {
	if (!loadingFirst) return;
	await loadingFirst;
	if (firstLoaded && !uploadsKnown) await uploadsReadP;
	if (!summaryState.first) return;
	// (a background tab runs no animation frames: then after 100 ms)
	await new Promise<void>((ok) => {
		requestAnimationFrame(() => setTimeout(ok, 0));
		setTimeout(ok, 100);
	});
}
