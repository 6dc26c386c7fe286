/**
 * The shape of bench/latest.json and the printed table. Pure: the runner fills a `BenchResult`, this module
 * checks it against the targets of issue 5 and formats it.
 */
import { round } from './stats';

export const FORMATS = ['txt', 'html', 'docx', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];

/** Browser measurements of one data set (medians over runs, ms / MB). */
export const BROWSER_KEYS = ['first_chart_ms', 'duckdb_ready_ms', 'all_charts_ms', 'filter_update_ms_p50', 'filter_update_ms_p95', 'memory_mb', 'js_heap_mb'] as const;
export type BrowserKey = (typeof BROWSER_KEYS)[number];
export type BrowserResult = Record<BrowserKey, number | null>;

export interface FloorResult {
	/** Reports in the Arrow file. */
	reports: number;
	/** Decoding reports.arrow into columns (ms, median). */
	decode_ms: number | null;
	/** The headline total (Σ 本年新收 for a county and a year range) over plain arrays, per filter (ms, median). */
	aggregate_ms: number | null;
}

export interface BenchResult {
	schema: 1;
	date: string;
	machine: { nproc: number; cpu: string; mem_gb: number; node: string; chromium: string | null };
	runs: number;
	/** reports/s, one core (`--jobs 1` code path), median over runs; null when not measured. */
	ingest_per_s: Record<Format, number | null>;
	/** reports per CPU second of the ingest thread (what an idle core would do; the machine is shared). */
	ingest_per_cpu_s: Record<Format, number | null>;
	/** How many files each ingest sample had. */
	ingest_sample: Record<Format, number>;
	/**
	 * The real corpus's PDFs (published reports: more pages, bigger embedded fonts than the generated ones the
	 * ingest_per_s.pdf sample is drawn from); absent in files from before generated PDFs existed.
	 */
	ingest_real_pdf?: { per_s: number | null; per_cpu_s: number | null; sample: number };
	app_js_gzip_kb: number | null;
	wasm_gzip_kb: number | null;
	/** Keyed by data set: 'bundled' (data/) and the report counts, e.g. '1000'. */
	sizes: Record<
		string,
		BrowserResult & {
			reports: number;
			floor: FloorResult | null;
			tiled_from?: string;
			/** Each filter step (what it selects) and its median time over the runs, in the order run. */
			filter_steps?: { step: string; ms: number | null }[];
		}
	>;
	notes: string[];
}

export interface Target {
	what: string;
	/** Where the value is, e.g. ['ingest_per_s', 'txt'] or ['sizes', '100000', 'first_chart_ms']. */
	path: string[];
	op: '>=' | '<=';
	limit: number;
}

export const TARGETS: Target[] = [
	{ what: 'ingest txt ≥ 500/s', path: ['ingest_per_s', 'txt'], op: '>=', limit: 500 },
	{ what: 'ingest html ≥ 500/s', path: ['ingest_per_s', 'html'], op: '>=', limit: 500 },
	{ what: 'ingest pdf ≥ 20/s', path: ['ingest_per_s', 'pdf'], op: '>=', limit: 20 },
	{ what: 'first chart ≤ 500 ms (bundled data)', path: ['sizes', 'bundled', 'first_chart_ms'], op: '<=', limit: 500 },
	{ what: 'first chart ≤ 1000 ms at 100k', path: ['sizes', '100000', 'first_chart_ms'], op: '<=', limit: 1000 },
	{ what: 'filter update p95 ≤ 100 ms at 100k', path: ['sizes', '100000', 'filter_update_ms_p95'], op: '<=', limit: 100 },
	{ what: 'browser memory ≤ 1024 MB at 100k', path: ['sizes', '100000', 'memory_mb'], op: '<=', limit: 1024 },
	{ what: 'app JS ≤ 200 KB gzip', path: ['app_js_gzip_kb'], op: '<=', limit: 200 }
];

function at(o: unknown, path: string[]): number | null {
	let x: unknown = o;
	for (const p of path) x = x && typeof x === 'object' ? (x as Record<string, unknown>)[p] : undefined;
	return typeof x === 'number' ? x : null;
}

export type Verdict = 'met' | 'missed' | 'not measured';

export function verdicts(r: BenchResult): { target: Target; value: number | null; verdict: Verdict }[] {
	return TARGETS.map((target) => {
		const value = at(r, target.path);
		const verdict: Verdict = value === null ? 'not measured' : (target.op === '>=' ? value >= target.limit : value <= target.limit) ? 'met' : 'missed';
		return { target, value, verdict };
	});
}

const cell = (x: number | null, digits = 0) => (x === null ? '—' : String(round(x, digits)));

/** The printed table: ingest, sizes, one row per data set, then the targets. */
export function formatTable(r: BenchResult): string {
	const lines: string[] = [];
	lines.push(`machine: ${r.machine.nproc} cores, ${r.machine.cpu}, ${r.machine.mem_gb} GB; node ${r.machine.node}; ${r.machine.chromium ?? ''}; medians of ${r.runs} runs`);
	lines.push('');
	lines.push('ingest (reports/s, one core): ' + FORMATS.map((f) => `${f} ${cell(r.ingest_per_s[f], 1)} (n=${r.ingest_sample[f]})`).join(' · '));
	lines.push('ingest (reports per CPU second): ' + FORMATS.map((f) => `${f} ${cell(r.ingest_per_cpu_s?.[f] ?? null, 1)}`).join(' · '));
	if (r.ingest_real_pdf)
		lines.push(`ingest of the real corpus PDFs: ${cell(r.ingest_real_pdf.per_s, 1)}/s, ${cell(r.ingest_real_pdf.per_cpu_s, 1)} per CPU second (n=${r.ingest_real_pdf.sample})`);
	lines.push(`app JS ${cell(r.app_js_gzip_kb, 1)} KB gzip · duckdb wasm ${cell(r.wasm_gzip_kb, 1)} KB gzip`);
	lines.push('');
	const head = ['data', 'reports', 'first chart', 'duckdb ready', 'all charts', 'filter p50', 'filter p95', 'memory MB', 'JS heap MB', 'floor agg ms'];
	// the bundled data first, then by size (integer-like keys come first in a JS object)
	const entries = Object.entries(r.sizes).sort(([a], [b]) => (a === 'bundled' ? -1 : b === 'bundled' ? 1 : Number(a) - Number(b)));
	const rows = entries.map(([k, s]) => [
		s.tiled_from ? `${k}*` : k,
		String(s.reports),
		cell(s.first_chart_ms),
		cell(s.duckdb_ready_ms),
		cell(s.all_charts_ms),
		cell(s.filter_update_ms_p50, 1),
		cell(s.filter_update_ms_p95, 1),
		cell(s.memory_mb),
		cell(s.js_heap_mb),
		cell(s.floor?.aggregate_ms ?? null, 2)
	]);
	const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
	const fmt = (row: string[]) => row.map((c, i) => c.padStart(widths[i])).join('  ');
	lines.push(fmt(head));
	for (const row of rows) lines.push(fmt(row));
	lines.push('');
	for (const v of verdicts(r)) lines.push(`${v.verdict === 'met' ? '✓' : v.verdict === 'missed' ? '✗' : '·'} ${v.target.what}: ${cell(v.value, 1)} (${v.verdict})`);
	if (entries.some(([, s]) => s.tiled_from)) lines.push('* tiled: the ingest output of a smaller set repeated (browser numbers only)');
	for (const n of r.notes) lines.push(`note: ${n}`);
	return lines.join('\n');
}
