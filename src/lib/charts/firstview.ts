/**
 * overview.json: the overview's default view (全部地区, every year) precomputed from summary.json's rows, written
 * beside it by the ingest's finalize. At 100k reports summary.json is ~10 MB; the overview draws its first paint from
 * this small file (the headline figures and the first FIRST_VIEW_BODIES bodies' coverage rows, with those bodies'
 * own summary rows) and switches to the full summary once it is loaded. The figures are computed by the same
 * functions the page uses on the full rows, so the first paint shows exactly what the full summary gives.
 * Pure (no Node imports): the ingest writes it, the browser reads it.
 */
import type { HeadlineTotals } from '$lib/db/queries';
import { readSummary, summaryJson, type SummaryRow } from '$lib/store/summary';
import { catalogOf } from './bodies';
import { bodyOrder, coverageOf, factsFromSummary, headlineOf, proseOf, worstOf, type CellStatus, type Coverage } from './overview';

export const FIRST_VIEW_FILE = 'overview.json';
export const FIRST_VIEW_KIND = 'gov-disclosure-first-view';
/**
 * How many bodies the overview draws before 全部显示: for 全部地区 (bodies of several counties, in catalog order: a
 * sample, so a screen and a half of rows), and for one county (all of a typical county's townships and
 * departments). Drawing the 全部地区 rows is what a filter change back to it costs: 60 rows took ~155 ms at 100k
 * reports (BENCHMARKS item 14), and the headline figures always count every body.
 */
export const LIMIT_ALL = 30;
export const LIMIT_COUNTY = 60;
/** Bodies with their rows in the file (the default view is 全部地区). */
export const FIRST_VIEW_BODIES = LIMIT_ALL;

export interface FirstView {
	kind: typeof FIRST_VIEW_KIND;
	schema: 1;
	/** Reports in summary.json (the view is of exactly these). */
	reports: number;
	/** The filter options: counties by pinyin, years ascending. */
	regions: string[];
	years: number[];
	headline: HeadlineTotals;
	prose: { value: number; reports: number } | null;
	/** The coverage of every body (counts), of which `rows` has the first bodies' reports. */
	coverage: Pick<Coverage, 'expected' | 'received' | 'missing' | 'counts'> & { bodies: number; worst: { label: string; n: number } | null };
	/** The first bodies in display order. */
	order: string[];
	/** Demo and real reports (the header's notice). */
	demo: number;
	real: number;
	/** summary.json's rows of the first bodies (all their years). */
	rows: SummaryRow[];
}

export function firstView(rows: SummaryRow[], limit = FIRST_VIEW_BODIES): FirstView {
	const facts = factsFromSummary(rows);
	const catalog = catalogOf(facts);
	const years = catalog.years;
	const coverage = coverageOf(facts, years, bodyOrder(catalog.bodies));
	const first = coverage.rows.slice(0, limit);
	const order = first.map((r) => r.body);
	const shown = new Set(order);
	const demo = rows.filter((r) => r.demo).length;
	return {
		kind: FIRST_VIEW_KIND,
		schema: 1,
		reports: rows.length,
		regions: catalog.regions,
		years,
		headline: headlineOf(facts, years),
		prose: proseOf(rows, null, years),
		coverage: {
			bodies: coverage.rows.length,
			expected: coverage.expected,
			received: coverage.received,
			missing: coverage.missing,
			counts: coverage.counts,
			worst: worstOf(coverage.rows)
		},
		order,
		demo,
		real: rows.length - demo,
		// factsFromSummary names a row without a body by its id
		rows: rows.filter((r) => shown.has(r.body ?? r.id))
	};
}

/** The file's text: the figures on one line each, the rows as summary.json's columns. */
export function firstViewJson(v: FirstView): string {
	const { rows, ...head } = v;
	const lines = Object.entries(head).map(([k, x]) => `\t${JSON.stringify(k)}: ${JSON.stringify(x)}`);
	lines.push(`\t"rows": ${summaryJson(rows).trim().replace(/\n/g, '\n\t')}`);
	return `{\n${lines.join(',\n')}\n}\n`;
}

/** Read overview.json; undefined when the text is not one. */
export function parseFirstView(text: string): FirstView | undefined {
	try {
		const o = JSON.parse(text);
		if (!o || o.kind !== FIRST_VIEW_KIND || o.schema !== 1) return undefined;
		const rows = readSummary(o.rows)?.reports;
		if (!rows || !Array.isArray(o.regions) || !Array.isArray(o.years) || !Array.isArray(o.order) || !o.headline || !o.coverage) return undefined;
		return { ...o, rows } as FirstView;
	} catch {
		return undefined;
	}
}

/** The coverage the page draws from a first view: the first bodies' rows, the counts of every body. */
export function firstCoverage(v: FirstView): Coverage {
	const c = coverageOf(factsFromSummary(v.rows), v.years, bodyOrder(v.order.map((body) => ({ body }))));
	const { bodies, worst, expected, received, missing, counts } = v.coverage;
	return { years: c.years, rows: c.rows, bodies, worst, expected, received, missing, counts: counts as Record<CellStatus, number> };
}
