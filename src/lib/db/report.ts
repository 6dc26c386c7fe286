/**
 * Queries of the report page and the data-quality page. Every value from outside the SQL text (report ids,
 * filter values from the URL) is a bound parameter; no SQL is built from data.
 */
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { run } from './run';
import type { InboundFinding } from '$lib/report/model';

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const zh = new Intl.Collator('zh-CN');

/* ---------------- report page ---------------- */

export interface ReportListRow {
	reportId: string;
	body: string | null;
	county: string | null;
	township: string | null;
	year: number | null;
	origin: string;
	demo: boolean;
	errors: number;
	warnings: number;
	findings: number;
}

/** Every report, for the report index (the report page without an id). */
export async function reportList(conn: AsyncDuckDBConnection): Promise<ReportListRow[]> {
	const rows = await run<ReportListRow>(
		conn,
		`SELECT report_id AS "reportId", body, county, township, year, origin, demo,
		        n_errors AS errors, n_warnings AS warnings, n_findings AS findings
		 FROM reports
		 ORDER BY year NULLS LAST, report_id`,
		[]
	);
	return rows
		.map((r) => ({
			...r,
			year: num(r.year),
			demo: Boolean(r.demo),
			errors: Number(r.errors),
			warnings: Number(r.warnings),
			findings: Number(r.findings)
		}))
		.sort(
			(a, b) =>
				zh.compare(a.county ?? '', b.county ?? '') ||
				zh.compare(a.body ?? '', b.body ?? '') ||
				(a.year ?? 0) - (b.year ?? 0)
		);
}

export interface YearLink {
	reportId: string;
	year: number | null;
}

/**
 * The reports of the same body (province, city, county and name: 精河县托里镇 and 托里县托里镇 are different
 * bodies), this one included, by year.
 */
export async function bodyYears(conn: AsyncDuckDBConnection, reportId: string): Promise<YearLink[]> {
	const rows = await run<YearLink>(
		conn,
		`SELECT o.report_id AS "reportId", o.year
		 FROM reports AS r
		 JOIN reports AS o
		   ON o.body IS NOT DISTINCT FROM r.body
		  AND o.county IS NOT DISTINCT FROM r.county
		  AND o.city IS NOT DISTINCT FROM r.city
		  AND o.province IS NOT DISTINCT FROM r.province
		 WHERE r.report_id = ? AND r.body IS NOT NULL
		 ORDER BY o.year NULLS LAST, o.report_id`,
		[reportId]
	);
	return rows.map((r) => ({ reportId: r.reportId, year: num(r.year) }));
}

/** Years of the given reports (to name the other year of a cross-year finding). */
export async function reportYears(conn: AsyncDuckDBConnection, ids: string[]): Promise<Map<string, number | null>> {
	const out = new Map<string, number | null>();
	for (const id of new Set(ids)) {
		const [row] = await run<{ year: number | null }>(conn, 'SELECT year FROM reports WHERE report_id = ?', [id]);
		if (row) out.set(id, num(row.year));
	}
	return out;
}

/** Findings of other reports (cross-year rules) that name this report as the other year. */
export async function inboundFindings(conn: AsyncDuckDBConnection, reportId: string): Promise<InboundFinding[]> {
	const rows = await run<InboundFinding>(
		conn,
		`SELECT f.report_id AS "reportId", r.year, f.rule, f.severity, f.status, f.cells,
		        f.expected, f.actual, f.message
		 FROM findings AS f
		 LEFT JOIN reports AS r ON r.report_id = f.report_id
		 WHERE f.other_report = ?
		 ORDER BY r.year NULLS LAST, f.report_id`,
		[reportId]
	);
	return rows.map((r) => ({ ...r, year: num(r.year), expected: num(r.expected), actual: num(r.actual) }));
}

/* ---------------- data-quality page ---------------- */

export interface QualityFilter {
	rule?: string | null;
	severity?: string | null;
	body?: string | null;
	year?: number | null;
}

export interface QualityRow {
	reportId: string;
	rule: string;
	kind: string | null;
	severity: string;
	status: string;
	cells: string | null;
	expected: number | null;
	actual: number | null;
	otherReport: string | null;
	message: string;
	body: string | null;
	county: string | null;
	township: string | null;
	year: number | null;
	origin: string | null;
	demo: boolean;
	sourceFile: string | null;
}

/** Filter values as bound parameters, each given twice: `(? IS NULL OR col = ?)`. */
function filterParams(f: QualityFilter, keys: (keyof QualityFilter)[]): unknown[] {
	return keys.flatMap((k) => {
		const v = f[k] ?? null;
		return [v, v];
	});
}

/** Findings joined with their reports, filtered by rule, severity, body and year. */
export async function qualityFindings(conn: AsyncDuckDBConnection, filter: QualityFilter): Promise<QualityRow[]> {
	const rows = await run<QualityRow>(
		conn,
		`SELECT f.report_id AS "reportId", f.rule, f.kind, f.severity, f.status, f.cells,
		        f.expected, f.actual, f.other_report AS "otherReport", f.message,
		        r.body, r.county, r.township, r.year, r.origin, r.demo, r.source_file AS "sourceFile"
		 FROM findings AS f
		 LEFT JOIN reports AS r ON r.report_id = f.report_id
		 WHERE (CAST(? AS VARCHAR) IS NULL OR f.rule = CAST(? AS VARCHAR))
		   AND (CAST(? AS VARCHAR) IS NULL OR f.severity = CAST(? AS VARCHAR))
		   AND (CAST(? AS VARCHAR) IS NULL OR r.body = CAST(? AS VARCHAR))
		   AND (CAST(? AS INTEGER) IS NULL OR r.year = CAST(? AS INTEGER))`,
		filterParams(filter, ['rule', 'severity', 'body', 'year'])
	);
	return rows.map((r) => ({
		...r,
		year: num(r.year),
		expected: num(r.expected),
		actual: num(r.actual),
		demo: Boolean(r.demo)
	}));
}

export interface QualityCount {
	rule: string;
	severity: string;
	n: number;
}

/** Findings per rule and severity, within the body and year filters (not the rule and severity ones). */
export async function qualityCounts(conn: AsyncDuckDBConnection, filter: QualityFilter): Promise<QualityCount[]> {
	const rows = await run<QualityCount>(
		conn,
		`SELECT f.rule, f.severity, CAST(COUNT(*) AS INTEGER) AS n
		 FROM findings AS f
		 LEFT JOIN reports AS r ON r.report_id = f.report_id
		 WHERE (CAST(? AS VARCHAR) IS NULL OR r.body = CAST(? AS VARCHAR))
		   AND (CAST(? AS INTEGER) IS NULL OR r.year = CAST(? AS INTEGER))
		 GROUP BY f.rule, f.severity`,
		filterParams(filter, ['body', 'year'])
	);
	return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

export interface QualityOptions {
	rules: string[];
	bodies: { body: string; county: string | null }[];
	years: number[];
	total: number;
}

/** The values the filters offer: rules met in the data, every body and year of the reports. */
export async function qualityOptions(conn: AsyncDuckDBConnection): Promise<QualityOptions> {
	const rules = await run<{ rule: string }>(conn, 'SELECT DISTINCT rule FROM findings WHERE rule IS NOT NULL', []);
	const bodies = await run<{ body: string; county: string | null }>(
		conn,
		'SELECT body, MIN(county) AS county FROM reports WHERE body IS NOT NULL GROUP BY body',
		[]
	);
	const years = await run<{ year: number }>(conn, 'SELECT DISTINCT year FROM reports WHERE year IS NOT NULL ORDER BY year', []);
	const [total] = await run<{ n: number }>(conn, 'SELECT CAST(COUNT(*) AS INTEGER) AS n FROM findings', []);
	return {
		rules: rules.map((r) => r.rule),
		bodies: bodies.sort((a, b) => zh.compare(a.county ?? '', b.county ?? '') || zh.compare(a.body, b.body)),
		years: years.map((r) => Number(r.year)),
		total: Number(total?.n ?? 0)
	};
}
