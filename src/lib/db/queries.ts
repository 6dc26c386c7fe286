/**
 * One function per question the dashboard asks. Every value that comes from outside the SQL text is a bound
 * parameter; the only names spliced into SQL are column names derived from the template (`dbColumn`).
 */
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { cellId, dbColumn } from '$lib/template';

/** A column name from the template, quoted as an SQL identifier. */
function col(table: 't2' | 't3' | 't4', row: string, column: string): string {
	const name = dbColumn(cellId(table, row, column));
	if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unexpected column name ${name}`);
	return `"${name}"`;
}

async function run<T>(conn: AsyncDuckDBConnection, sql: string, params: unknown[]): Promise<T[]> {
	const stmt = await conn.prepare(sql);
	try {
		const table = await stmt.query(...params);
		return table.toArray().map((r) => r.toJSON() as T);
	} finally {
		await stmt.close();
	}
}

export interface RequestsRow {
	reportId: string;
	body: string;
	/** Township if the report has one, else the body name. */
	label: string;
	county: string | null;
	township: string | null;
	year: number | null;
	/** 本年新收政府信息公开申请数量·总计; null = blank in the report. */
	value: number | null;
	origin: string;
	demo: boolean;
}

export interface RequestsFilter {
	/** Only reports of this county (null or absent: all). */
	county?: string | null;
}

/** Requests received in the year (表三 本年新收·总计) per body and year. */
export async function requestsByBodyYear(conn: AsyncDuckDBConnection, filter: RequestsFilter = {}): Promise<RequestsRow[]> {
	const county = filter.county ?? null;
	const sql = `
		SELECT report_id AS "reportId", body,
		       COALESCE(NULLIF(township, ''), body) AS label,
		       county, township, year,
		       CAST(${col('t3', 'new', 'total')} AS DOUBLE) AS value,
		       origin, demo
		FROM reports
		WHERE CAST(? AS VARCHAR) IS NULL OR county = CAST(? AS VARCHAR)
		ORDER BY county NULLS LAST, body, year NULLS LAST, report_id`;
	const rows = await run<RequestsRow>(conn, sql, [county, county]);
	// DuckDB-wasm has no ICU collation: order Chinese names by pinyin here (stable, so year order is kept).
	const zh = new Intl.Collator('zh-CN');
	return rows
		.map((r) => ({ ...r, year: r.year === null ? null : Number(r.year), demo: Boolean(r.demo) }))
		.sort(
			(a, b) =>
				Number(a.county === null) - Number(b.county === null) ||
				zh.compare(a.county ?? '', b.county ?? '') ||
				zh.compare(a.body, b.body)
		);
}

export interface DatasetSummary {
	reports: number;
	realReports: number;
	demoReports: number;
	bodies: number;
	firstYear: number | null;
	lastYear: number | null;
	/** Sum of 本年新收 over reports where it is not blank. */
	requestsTotal: number | null;
	findings: number;
	errors: number;
}

/** Counts for the notice area: how many reports are real and how many are demo data. */
export async function datasetSummary(conn: AsyncDuckDBConnection): Promise<DatasetSummary> {
	const sql = `
		SELECT CAST(COUNT(*) AS INTEGER) AS reports,
		       CAST(COUNT(*) FILTER (WHERE NOT COALESCE(demo, false)) AS INTEGER) AS "realReports",
		       CAST(COUNT(*) FILTER (WHERE COALESCE(demo, false)) AS INTEGER) AS "demoReports",
		       CAST(COUNT(DISTINCT body) AS INTEGER) AS bodies,
		       MIN(year) AS "firstYear", MAX(year) AS "lastYear",
		       CAST(SUM(${col('t3', 'new', 'total')}) AS DOUBLE) AS "requestsTotal",
		       CAST((SELECT COUNT(*) FROM findings) AS INTEGER) AS findings,
		       CAST((SELECT COUNT(*) FROM findings WHERE severity = ?) AS INTEGER) AS errors
		FROM reports`;
	const [row] = await run<DatasetSummary>(conn, sql, ['error']);
	return row;
}
