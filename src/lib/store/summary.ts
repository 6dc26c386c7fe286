/**
 * summary.json: a small precomputed digest of a folder of reports, written by `finalize` beside the Arrow
 * files. The dashboard loads it first and draws the overview from it while DuckDB starts; then it switches to
 * DuckDB. One row per report: who, when, the few headline numbers and the finding counts.
 * Stored by column (schema 2): one JSON array per field, names as indexes into a list of distinct strings, so
 * 100k reports are ~8 MB instead of 40 MB of row objects (which took seconds to download and parse before the
 * first chart). `parseSummary` gives rows again, and still reads the row-per-line schema 1.
 * Pure (no Node imports): the browser uses the types and `parseSummary`.
 */
import type { CheckedReport } from '../check';

export const SUMMARY_FILE = 'summary.json';
export const SUMMARY_KIND = 'gov-disclosure-summary';

/** The headline cells of a report, by short key (canonical id in the comment). null = blank or not printed. */
export const HEADLINE_CELLS = {
	new: 't3.new.total', // 本年新收申请·总计
	carried: 't3.carried.total', // 上年结转·总计
	granted: 't3.granted.total', // 予以公开·总计
	partial: 't3.partial.total', // 部分公开·总计
	processed: 't3.total.total', // （七）总计·总计
	review: 't4.review.total', // 行政复议·总计
	suitDirect: 't4.suit_direct.total', // 行政诉讼·未经复议直接起诉·总计
	suitAfter: 't4.suit_after_review.total', // 行政诉讼·复议后起诉·总计
	licensing: 't2.licensing.decisions', // 行政许可·处理决定数量
	penalty: 't2.penalty.decisions', // 行政处罚·处理决定数量
	coercion: 't2.coercion.decisions' // 行政强制·处理决定数量
} as const;

export type HeadlineKey = keyof typeof HEADLINE_CELLS;
export const HEADLINE_KEYS = Object.keys(HEADLINE_CELLS) as HeadlineKey[];

export interface SummaryRow {
	id: string;
	body: string | null;
	city: string | null;
	county: string | null;
	township: string | null;
	year: number | null;
	format: string | null;
	origin: string;
	demo: boolean;
	/** Headline cells; null when blank in the report or when the report does not print the cell. */
	v: Record<HeadlineKey, number | null>;
	/** 主动公开信息 count quoted in the report's prose (一、总体情况), when the prose says one. Not in the Arrow files. */
	proactive: number | null;
	errors: number;
	warnings: number;
	/** The report has a ZERO finding (no request, review or lawsuit in the year). */
	zero: boolean;
	/** Rules of the report's error findings, each once, sorted. */
	errorRules: string[];
}

export interface Summary {
	kind: typeof SUMMARY_KIND;
	/** 1: one object per report (`reports`); 2: by column. Read as rows either way. */
	schema: 1 | 2;
	reports: SummaryRow[];
}

/** Fields stored as indexes into `strings` (null stays null). */
const NAME_FIELDS = ['body', 'city', 'county', 'township', 'format', 'origin'] as const;
/** Fields stored as numbers (null stays null); booleans as 0/1. */
const NUMBER_FIELDS = ['year', 'proactive', 'errors', 'warnings'] as const;
const FLAG_FIELDS = ['demo', 'zero'] as const;

/** The columnar file (schema 2). */
interface SummaryColumns {
	kind: typeof SUMMARY_KIND;
	schema: 2;
	count: number;
	strings: string[];
	id: string[];
	/** Error rules joined with "," as an index into `strings`; null when none. */
	errorRules: (number | null)[];
	v: Record<HeadlineKey, (number | null)[]>;
	[field: string]: unknown;
}

export function summaryRow(r: CheckedReport): SummaryRow {
	const v = {} as Record<HeadlineKey, number | null>;
	for (const k of HEADLINE_KEYS) {
		const x = r.cells[HEADLINE_CELLS[k]];
		v[k] = typeof x === 'number' ? x : null;
	}
	const proactive = r.prose?.find((p) => p.key === 'proactive')?.value;
	const errors = r.findings.filter((f) => f.severity === 'error');
	return {
		id: r.id,
		body: r.meta.body,
		city: r.meta.city,
		county: r.meta.county,
		township: r.meta.township,
		year: r.meta.year,
		format: r.format,
		origin: r.meta.origin,
		demo: r.meta.demo,
		v,
		proactive: typeof proactive === 'number' ? proactive : null,
		errors: errors.length,
		warnings: r.findings.filter((f) => f.severity === 'warning').length,
		zero: r.findings.some((f) => f.rule === 'ZERO'),
		errorRules: [...new Set(errors.map((f) => f.rule))].sort()
	};
}

/** The file's text: columns in a fixed order, one per line; rows in id order. */
export function summaryJson(rows: SummaryRow[]): string {
	const sorted = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	const strings: string[] = [];
	const index = new Map<string, number>();
	const name = (x: string | null) => {
		if (x === null) return null;
		let i = index.get(x);
		if (i === undefined) {
			i = strings.length;
			strings.push(x);
			index.set(x, i);
		}
		return i;
	};
	const cols: [string, unknown][] = [['id', sorted.map((r) => r.id)]];
	for (const f of NAME_FIELDS) cols.push([f, sorted.map((r) => name(r[f]))]);
	for (const f of NUMBER_FIELDS) cols.push([f, sorted.map((r) => r[f])]);
	for (const f of FLAG_FIELDS) cols.push([f, sorted.map((r) => (r[f] ? 1 : 0))]);
	cols.push(['errorRules', sorted.map((r) => (r.errorRules.length ? name(r.errorRules.join(',')) : null))]);
	const v = HEADLINE_KEYS.map((k) => `\t\t${JSON.stringify(k)}: ${JSON.stringify(sorted.map((r) => r.v[k]))}`);
	const lines = [
		`\t"kind": "${SUMMARY_KIND}"`,
		`\t"schema": 2`,
		`\t"count": ${sorted.length}`,
		`\t"strings": ${JSON.stringify(strings)}`,
		...cols.map(([k, a]) => `\t${JSON.stringify(k)}: ${JSON.stringify(a)}`),
		`\t"v": {\n${v.join(',\n')}\n\t}`
	];
	return `{\n${lines.join(',\n')}\n}\n`;
}

function rowsOf(c: SummaryColumns): SummaryRow[] | undefined {
	const n = c.count;
	const arrays = [c.id, c.errorRules, ...NAME_FIELDS.map((f) => c[f]), ...NUMBER_FIELDS.map((f) => c[f]), ...FLAG_FIELDS.map((f) => c[f])];
	if (!Number.isInteger(n) || !Array.isArray(c.strings) || !c.v || arrays.some((a) => !Array.isArray(a) || a.length !== n)) return undefined;
	if (HEADLINE_KEYS.some((k) => !Array.isArray(c.v[k]) || c.v[k].length !== n)) return undefined;
	const str = c.strings;
	const names = NAME_FIELDS.map((f) => c[f] as (number | null)[]);
	const [body, city, county, township, format, origin] = names.map((col) => (i: number) => (col[i] === null ? null : str[col[i]!]));
	const num = (f: (typeof NUMBER_FIELDS)[number]) => c[f] as (number | null)[];
	const [year, proactive, errors, warnings] = NUMBER_FIELDS.map(num);
	const demo = c.demo as number[];
	const zero = c.zero as number[];
	const { new: nw, carried, granted, partial, processed, review, suitDirect, suitAfter, licensing, penalty, coercion } = c.v;
	const out: SummaryRow[] = new Array(n);
	for (let i = 0; i < n; i++) {
		// one object literal per row (same shape for all: fast to build and to read)
		const v: Record<HeadlineKey, number | null> = {
			new: nw[i],
			carried: carried[i],
			granted: granted[i],
			partial: partial[i],
			processed: processed[i],
			review: review[i],
			suitDirect: suitDirect[i],
			suitAfter: suitAfter[i],
			licensing: licensing[i],
			penalty: penalty[i],
			coercion: coercion[i]
		};
		const rules = c.errorRules[i];
		out[i] = {
			id: c.id[i],
			body: body(i),
			city: city(i),
			county: county(i),
			township: township(i),
			year: year[i],
			format: format(i),
			origin: origin(i) ?? '',
			demo: demo[i] === 1,
			v,
			proactive: proactive[i],
			errors: errors[i] ?? 0,
			warnings: warnings[i] ?? 0,
			zero: zero[i] === 1,
			errorRules: rules === null ? [] : str[rules].split(',')
		};
	}
	return out;
}

/** Read summary.json; undefined when the text is not one. */
export function parseSummary(text: string): Summary | undefined {
	try {
		return readSummary(JSON.parse(text));
	} catch {
		return undefined;
	}
}

/** summary.json's object (parsed JSON, e.g. embedded in another file); undefined when it is not one. */
export function readSummary(o: unknown): Summary | undefined {
	try {
		if (!o || typeof o !== 'object' || (o as { kind?: unknown }).kind !== SUMMARY_KIND) return undefined;
		if ((o as Summary).schema === 2) {
			const reports = rowsOf(o as SummaryColumns);
			return reports && { kind: SUMMARY_KIND, schema: 2, reports };
		}
		if (Array.isArray((o as Summary).reports)) return o as Summary;
	} catch {
		/* not a summary */
	}
	return undefined;
}
