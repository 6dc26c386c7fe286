/**
 * One function per question the dashboard asks. Every value that comes from outside the SQL text is a bound
 * parameter; the only names spliced into SQL are column names derived from the template (`dbColumn`).
 */
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { run } from './run';
import { ALL_CELL_IDS, cellId, dbColumn } from '$lib/template';
import { HEADLINE_CELLS, HEADLINE_KEYS, type HeadlineKey } from '$lib/store/summary';
import { UPLOAD_ORIGIN } from './merge';

/** A column name from the template, quoted as an SQL identifier. */
function col(table: 't2' | 't3' | 't4', row: string, column: string): string {
	const name = dbColumn(cellId(table, row, column));
	if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unexpected column name ${name}`);
	return `"${name}"`;
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
	/** Only these bodies (null or absent: all), e.g. the bodies a capped chart draws. */
	bodies?: readonly string[] | null;
	/** Only these report years (null, empty or absent: all). */
	years?: readonly number[] | null;
}

/**
 * Requests received in the year (表三 本年新收·总计) per body and year: by county, then body (both by pinyin),
 * then year and report id. Ask only for what is drawn: at 100k reports, all rows to JS and their pinyin sort took seconds.
 */
export async function requestsByBodyYear(conn: AsyncDuckDBConnection, filter: RequestsFilter = {}): Promise<RequestsRow[]> {
	const county = filter.county ?? null;
	const where = ['(CAST(? AS VARCHAR) IS NULL OR county = CAST(? AS VARCHAR))'];
	const params: unknown[] = [county, county];
	if (filter.bodies) {
		if (!filter.bodies.length) return [];
		where.push(`body IN (${filter.bodies.map(() => 'CAST(? AS VARCHAR)').join(', ')})`);
		params.push(...filter.bodies);
	}
	if (filter.years?.length) {
		where.push(`year IN (${filter.years.map(() => 'CAST(? AS INTEGER)').join(', ')})`);
		params.push(...filter.years);
	}
	const sql = `
		SELECT report_id AS "reportId", body,
		       COALESCE(NULLIF(township, ''), body) AS label,
		       county, township, year,
		       CAST(${col('t3', 'new', 'total')} AS DOUBLE) AS value,
		       origin, demo
		FROM reports
		WHERE ${where.join(' AND ')}
		ORDER BY county NULLS LAST, body, year NULLS LAST, report_id`;
	const rows = await run<RequestsRow>(conn, sql, params);
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
	/** Reports the user added in this browser (origin 用户上传). */
	uploadedReports: number;
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
		       CAST(COUNT(*) FILTER (WHERE origin = ?) AS INTEGER) AS "uploadedReports",
		       CAST(COUNT(DISTINCT body) AS INTEGER) AS bodies,
		       MIN(year) AS "firstYear", MAX(year) AS "lastYear",
		       CAST(SUM(${col('t3', 'new', 'total')}) AS DOUBLE) AS "requestsTotal",
		       CAST((SELECT COUNT(*) FROM findings) AS INTEGER) AS findings,
		       CAST((SELECT COUNT(*) FROM findings WHERE severity = ?) AS INTEGER) AS errors
		FROM reports`;
	const [row] = await run<DatasetSummary>(conn, sql, [UPLOAD_ORIGIN, 'error']);
	return row;
}

/* ---------------------------------------------------------------------------------------------------------
 * The dashboard pages' questions. A scope (region, bodies, years) becomes a WHERE clause of placeholders;
 * its values are bound, never spliced into the SQL text.
 * ------------------------------------------------------------------------------------------------------- */

export interface Scope {
	/** County name (null or absent: every region). */
	region?: string | null;
	/** Full body names (empty or absent: every body). */
	bodies?: readonly string[];
	/** Report years (empty or absent: every year). */
	years?: readonly number[];
}

function scopeWhere(s: Scope, alias = ''): { sql: string; params: unknown[] } {
	const a = alias ? `${alias}.` : '';
	const parts: string[] = [];
	const params: unknown[] = [];
	if (s.region) {
		parts.push(`${a}county = CAST(? AS VARCHAR)`);
		params.push(s.region);
	}
	if (s.bodies?.length) {
		parts.push(`${a}body IN (${s.bodies.map(() => 'CAST(? AS VARCHAR)').join(', ')})`);
		params.push(...s.bodies);
	}
	if (s.years?.length) {
		parts.push(`${a}year IN (${s.years.map(() => 'CAST(? AS INTEGER)').join(', ')})`);
		params.push(...s.years);
	}
	return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** A template cell id as a quoted column name (only ids of the template are accepted). */
function cellColumn(id: string): string {
	if (!ALL_CELL_IDS.includes(id)) throw new Error(`unknown cell id ${id}`);
	return `"${dbColumn(id)}"`;
}

/** Who and when: the columns every page row carries. */
export interface ReportRef {
	reportId: string;
	body: string;
	city: string | null;
	county: string | null;
	township: string | null;
	year: number | null;
	format: string | null;
	origin: string;
	demo: boolean;
	errors: number;
	warnings: number;
}

const REF_SQL = `r.report_id AS "reportId", COALESCE(r.body, r.report_id) AS body, r.city, r.county, r.township, r.year,
	r.format, r.origin, COALESCE(r.demo, false) AS demo, r.n_errors AS errors, r.n_warnings AS warnings`;

function toRef(o: Record<string, unknown>): ReportRef {
	return {
		reportId: String(o.reportId),
		body: String(o.body),
		city: (o.city as string | null) ?? null,
		county: (o.county as string | null) ?? null,
		township: (o.township as string | null) ?? null,
		year: o.year === null || o.year === undefined ? null : Number(o.year),
		format: (o.format as string | null) ?? null,
		origin: String(o.origin),
		demo: Boolean(o.demo),
		errors: Number(o.errors ?? 0),
		warnings: Number(o.warnings ?? 0)
	};
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export interface FactRow extends ReportRef {
	/** The headline cells (same keys as summary.json). */
	v: Record<HeadlineKey, number | null>;
	zero: boolean;
	errorRules: string[];
}

/** Per report: the headline cells and the finding counts (the shape of summary.json's rows; the pages use them only when summary.json cannot be loaded). */
export async function overviewFacts(conn: AsyncDuckDBConnection, scope: Scope = {}): Promise<FactRow[]> {
	const w = scopeWhere(scope, 'r');
	const cells = HEADLINE_KEYS.map((k) => `CAST(r.${cellColumn(HEADLINE_CELLS[k])} AS DOUBLE) AS "v_${k}"`).join(',\n\t\t');
	const sql = `
		WITH f AS (
			SELECT report_id, bool_or(rule = ?) AS zero,
			       string_agg(DISTINCT rule, ',' ORDER BY rule) FILTER (WHERE severity = ?) AS rules
			FROM findings GROUP BY report_id)
		SELECT ${REF_SQL}, COALESCE(f.zero, false) AS zero, f.rules AS "errorRules",
		       ${cells}
		FROM reports r LEFT JOIN f ON f.report_id = r.report_id
		${w.sql}
		ORDER BY r.report_id`;
	const rows = await run<Record<string, unknown>>(conn, sql, ['ZERO', 'error', ...w.params]);
	// toRef's object with the three fields added: every row gets the same shape (the overview loops over them)
	return rows.map((o) =>
		Object.assign(toRef(o), {
			v: {
				new: num(o.v_new),
				carried: num(o.v_carried),
				granted: num(o.v_granted),
				partial: num(o.v_partial),
				processed: num(o.v_processed),
				review: num(o.v_review),
				suitDirect: num(o.v_suitDirect),
				suitAfter: num(o.v_suitAfter),
				licensing: num(o.v_licensing),
				penalty: num(o.v_penalty),
				coercion: num(o.v_coercion)
			} satisfies Record<HeadlineKey, number | null>,
			zero: Boolean(o.zero),
			errorRules: o.errorRules ? String(o.errorRules).split(',') : []
		})
	);
}

/** A sum over reports, and how many reports left the cell(s) blank (blanks are not counted as 0). */
export interface Total {
	value: number;
	/** Reports in scope whose cell is blank (or, for sums of cells, any of them is blank). */
	blanks: number;
}

export interface HeadlineTotals {
	reports: number;
	/** Distinct body × year pairs with a report. */
	covered: number;
	bodies: number;
	requests: Total;
	granted: Total;
	reviews: Total;
	lawsuits: Total;
	decisions: Total;
	withFindings: number;
	withErrors: number;
}

/** The overview's headline figures over a scope, summed in SQL. */
export async function headlineTotals(conn: AsyncDuckDBConnection, scope: Scope = {}): Promise<HeadlineTotals> {
	const w = scopeWhere(scope);
	const c = (k: HeadlineKey) => cellColumn(HEADLINE_CELLS[k]);
	const total = (name: string, keys: HeadlineKey[]) =>
		`CAST(COALESCE(${keys.map((k) => `SUM(${c(k)})`).join(' + ')}, 0) AS DOUBLE) AS "${name}_value",
		 CAST(COUNT(*) FILTER (WHERE ${keys.map((k) => `${c(k)} IS NULL`).join(' OR ')}) AS INTEGER) AS "${name}_blanks"`;
	const sql = `
		SELECT CAST(COUNT(*) AS INTEGER) AS reports,
		       CAST(COUNT(DISTINCT (body, year)) AS INTEGER) AS covered,
		       CAST(COUNT(DISTINCT body) AS INTEGER) AS bodies,
		       ${total('requests', ['new'])},
		       ${total('granted', ['granted', 'partial'])},
		       ${total('reviews', ['review'])},
		       ${total('lawsuits', ['suitDirect', 'suitAfter'])},
		       ${total('decisions', ['licensing', 'penalty', 'coercion'])},
		       CAST(COUNT(*) FILTER (WHERE n_errors > 0 OR n_warnings > 0) AS INTEGER) AS "withFindings",
		       CAST(COUNT(*) FILTER (WHERE n_errors > 0) AS INTEGER) AS "withErrors"
		FROM reports ${w.sql}`;
	const [o] = await run<Record<string, unknown>>(conn, sql, w.params);
	const t = (name: string): Total => ({ value: Number(o[`${name}_value`] ?? 0), blanks: Number(o[`${name}_blanks`] ?? 0) });
	return {
		reports: Number(o.reports),
		covered: Number(o.covered),
		bodies: Number(o.bodies),
		requests: t('requests'),
		granted: t('granted'),
		reviews: t('reviews'),
		lawsuits: t('lawsuits'),
		decisions: t('decisions'),
		withFindings: Number(o.withFindings),
		withErrors: Number(o.withErrors)
	};
}

export interface CellRow extends ReportRef {
	/** Canonical id → value; null = blank or not printed (see the report's format). */
	cells: Record<string, number | null>;
}

/** Per report in scope: the given template cells (tables 2–4 pages, compare). */
export async function cellRows(conn: AsyncDuckDBConnection, scope: Scope, ids: readonly string[]): Promise<CellRow[]> {
	const w = scopeWhere(scope, 'r');
	const cols = ids.map((id, i) => `CAST(r.${cellColumn(id)} AS DOUBLE) AS "c${i}"`);
	const sql = `SELECT ${REF_SQL}${cols.length ? ',\n\t\t' + cols.join(',\n\t\t') : ''}
		FROM reports r ${w.sql} ORDER BY r.report_id`;
	const rows = await run<Record<string, unknown>>(conn, sql, w.params);
	return rows.map((o) => ({ ...toRef(o), cells: Object.fromEntries(ids.map((id, i) => [id, num(o[`c${i}`])])) }));
}
