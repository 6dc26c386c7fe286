/**
 * summary.json: a small precomputed digest of a folder of reports, written by `finalize` beside the Arrow
 * files. The dashboard loads it first (a few kB) and draws the overview from it while DuckDB starts;
 * then it switches to DuckDB. One row per report: who, when, the few headline numbers and the finding counts.
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
	schema: 1;
	reports: SummaryRow[];
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

/** The file's text: one report per line, so a diff of two runs stays readable; rows in id order. */
export function summaryJson(rows: SummaryRow[]): string {
	const sorted = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	const lines = sorted.map((r) => '\t\t' + JSON.stringify(r));
	return `{\n\t"kind": "${SUMMARY_KIND}",\n\t"schema": 1,\n\t"reports": [\n${lines.join(',\n')}\n\t]\n}\n`;
}

/** Read summary.json; undefined when the text is not one. */
export function parseSummary(text: string): Summary | undefined {
	try {
		const o = JSON.parse(text);
		if (o && o.kind === SUMMARY_KIND && Array.isArray(o.reports)) return o as Summary;
	} catch {
		/* not a summary */
	}
	return undefined;
}
