/**
 * Reports the user added in the browser (导入报告), put into the same DuckDB tables as the bundled data.
 *
 * `syncUploads` is idempotent: it first undoes what the previous call did, then applies the given set.
 * - An upload is inserted with origin 用户上传; it replaces a bundled report of the same id (re-upload replaces,
 *   never duplicates). The bundled rows it replaces are kept aside in shadow tables and put back when the
 *   upload is removed.
 * - The cross-year rules (X1, X2) are recomputed over the uploads together with the bundled reports of the same
 *   bodies: an upload's findings name its bundled neighbours, and a bundled report whose previous year was
 *   uploaded gets its X1/X2 findings (its rows are kept aside too, and restored on removal).
 * Every value is bound or inserted as Arrow; no SQL is built from data.
 */
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { run } from './run';
import { bodyKey, type CheckedReport, type Finding } from '$lib/check';
import { REPORT_SCHEMA, type Report } from '$lib/parse/report';
import { findingsTable, reportsTable, toIpc } from '$lib/store/arrow';
import { CROSS_CELL, CROSS_RULES, crossByReport, slim, withCross } from '$lib/store/dataset';
import { summaryRow, type SummaryRow } from '$lib/store/summary';
import { UPLOAD_ORIGIN, type SummaryPatch } from './merge';
import { ALL_CELL_IDS, dbColumn } from '$lib/template';

export { mergeSummary, UPLOAD_ORIGIN, type SummaryPatch } from './merge';

const SHADOW_REPORTS = 'upload_shadow_reports';
const SHADOW_FINDINGS = 'upload_shadow_findings';
const STAGE = 'upload_stage';

/** Loads a bundled report's stored record (exact cells: blank and not-printed differ), undefined if it cannot. */
export type RecordLoader = (id: string) => Promise<CheckedReport | undefined>;

export interface SyncResult {
	/** The uploads as inserted: origin 用户上传, cross-year findings over uploads and bundled reports. */
	uploads: CheckedReport[];
	/** Summary rows of the uploads. */
	rows: SummaryRow[];
	/** Bundled reports whose cross-year findings changed: their new finding counts (summary rows to patch). */
	patches: SummaryPatch[];
}

const marks = (n: number) => Array.from({ length: n }, () => 'CAST(? AS VARCHAR)').join(', ');

/** DuckDB's names of the cell column types (store/arrow.ts), narrowest first. */
const WIDTH = ['TINYINT', 'SMALLINT', 'INTEGER', 'DOUBLE'];

/**
 * Cell columns are stored in the narrowest type their values need (store/arrow.ts): an upload holding a value
 * wider than the bundled column's type (an 800 where the bundled reports never passed 127) widens that column of
 * `target` first, so the insert neither fails nor clips it.
 */
async function widen(conn: AsyncDuckDBConnection, target: 'reports' | 'findings') {
	const cols = await run<{ name: string; type: string; was: string }>(
		conn,
		`SELECT s.column_name AS name, s.data_type AS type, t.data_type AS was FROM information_schema.columns s
		 JOIN information_schema.columns t ON t.column_name = s.column_name AND t.table_name = ?
		 WHERE s.table_name = ? AND s.data_type <> t.data_type`,
		[target, STAGE]
	);
	for (const { name, type, was } of cols) {
		if (!(WIDTH.indexOf(type) > WIDTH.indexOf(was) && WIDTH.includes(was))) continue;
		if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unexpected column name ${name}`);
		await conn.query(`ALTER TABLE ${target} ALTER COLUMN "${name}" TYPE ${type}`);
	}
}

/**
 * Insert Arrow rows into an existing table by column name (through a staging table). The IPC bytes are made here:
 * duckdb-wasm's insertArrowTable serialises with its own copy of apache-arrow, which writes nothing for a table
 * built by this one.
 */
async function insertRows(conn: AsyncDuckDBConnection, target: 'reports' | 'findings', table: ReturnType<typeof reportsTable>) {
	if (table.numRows === 0) return;
	await conn.query(`DROP TABLE IF EXISTS ${STAGE}`);
	await conn.insertArrowFromIPCStream(toIpc(table), { name: STAGE, create: true });
	await widen(conn, target);
	await conn.query(`INSERT INTO ${target} BY NAME SELECT * FROM ${STAGE}`);
	await conn.query(`DROP TABLE ${STAGE}`);
}

/** Undo the previous sync: drop the uploads' rows, put back the bundled rows kept aside. */
async function restore(conn: AsyncDuckDBConnection) {
	await conn.query(`CREATE TABLE IF NOT EXISTS ${SHADOW_REPORTS} AS SELECT * FROM reports LIMIT 0`);
	await conn.query(`CREATE TABLE IF NOT EXISTS ${SHADOW_FINDINGS} AS SELECT * FROM findings LIMIT 0`);
	const gone = `SELECT report_id FROM reports WHERE origin = CAST(? AS VARCHAR) UNION SELECT report_id FROM ${SHADOW_REPORTS}`;
	await run(conn, `DELETE FROM findings WHERE report_id IN (${gone})`, [UPLOAD_ORIGIN]);
	await run(conn, `DELETE FROM reports WHERE report_id IN (${gone})`, [UPLOAD_ORIGIN]);
	await conn.query(`INSERT INTO reports SELECT * FROM ${SHADOW_REPORTS}`);
	await conn.query(`INSERT INTO findings SELECT * FROM ${SHADOW_FINDINGS}`);
	await conn.query(`DELETE FROM ${SHADOW_REPORTS}`);
	await conn.query(`DELETE FROM ${SHADOW_FINDINGS}`);
}

const CROSS_IDS = ALL_CELL_IDS.filter((id) => CROSS_CELL.test(id));

interface BundledRow {
	report_id: string;
	body: string | null;
	province: string | null;
	city: string | null;
	county: string | null;
	year: number | null;
	format: string | null;
	[col: string]: unknown;
}

/** A bundled report's cross-year cells from its DB row (blank and not printed both read as blank). */
function slimFromRow(o: BundledRow): Report {
	const cells: Record<string, number | null> = {};
	for (const id of CROSS_IDS) {
		const v = o[dbColumn(id)];
		cells[id] = v === null || v === undefined ? null : Number(v);
	}
	return {
		schema: REPORT_SCHEMA,
		id: o.report_id,
		source: { file: o.report_id, kind: 'txt', bytes: 0, sha256: '' },
		meta: {
			title: null,
			body: o.body,
			province: o.province,
			city: o.city,
			county: o.county,
			township: null,
			year: o.year === null ? null : Number(o.year),
			origin: '真实报告',
			demo: false,
			from: {}
		},
		format: o.format === '2019' || o.format === '2021' ? o.format : null,
		cells,
		detail: {},
		sections: {},
		prose: [],
		problems: []
	};
}

/** The bundled reports that share an id or a body with the uploads (the uploads' rows are not in the tables now). */
async function neighbours(conn: AsyncDuckDBConnection, uploads: CheckedReport[]): Promise<BundledRow[]> {
	const ids = uploads.map((r) => r.id);
	const bodies = [...new Set(uploads.map((r) => r.meta.body).filter((b): b is string => !!b))];
	const cols = CROSS_IDS.map((id) => `"${dbColumn(id)}"`).join(', ');
	const where = [`report_id IN (${marks(ids.length)})`];
	if (bodies.length) where.push(`body IN (${marks(bodies.length)})`);
	return run<BundledRow>(
		conn,
		`SELECT report_id, body, province, city, county, year, format, ${cols} FROM reports WHERE ${where.join(' OR ')} ORDER BY report_id`,
		[...ids, ...bodies]
	);
}

/** Finding rows only (findingsTable reads nothing but the findings of what it is given). */
function findingRows(findings: Finding[]) {
	return findingsTable([{ findings } as CheckedReport]);
}

export async function syncUploads(conn: AsyncDuckDBConnection, records: CheckedReport[], loadRecord?: RecordLoader): Promise<SyncResult> {
	await restore(conn);
	if (!records.length) return { uploads: [], rows: [], patches: [] };

	const ids = new Set(records.map((r) => r.id));
	const keys = new Set(records.map(bodyKey).filter((k): k is string => !!k));
	const rows = await neighbours(conn, records);
	const replaced = rows.filter((o) => ids.has(o.report_id)).map((o) => o.report_id);
	// same body (county + name), not replaced: the exact record when it can be loaded, else the DB row
	const sameBody: Report[] = [];
	for (const o of rows) {
		if (ids.has(o.report_id)) continue;
		const s = slimFromRow(o);
		if (!keys.has(bodyKey(s) ?? '')) continue;
		const rec = await loadRecord?.(o.report_id).catch(() => undefined);
		sameBody.push(rec && rec.id === o.report_id ? slim(rec) : s);
	}
	const touched = [...replaced, ...sameBody.map((r) => r.id)];
	if (touched.length) {
		const p = marks(touched.length);
		await run(conn, `INSERT INTO ${SHADOW_REPORTS} SELECT * FROM reports WHERE report_id IN (${p})`, touched);
		await run(conn, `INSERT INTO ${SHADOW_FINDINGS} SELECT * FROM findings WHERE report_id IN (${p})`, touched);
	}
	if (replaced.length) {
		const p = marks(replaced.length);
		await run(conn, `DELETE FROM findings WHERE report_id IN (${p})`, replaced);
		await run(conn, `DELETE FROM reports WHERE report_id IN (${p})`, replaced);
	}

	const cross = crossByReport([...sameBody, ...records.map(slim)]);
	const uploads = records.map((r) => ({
		...r,
		meta: { ...r.meta, origin: UPLOAD_ORIGIN },
		findings: withCross(r.findings, cross.get(r.id))
	}));
	await insertRows(conn, 'reports', reportsTable(uploads));
	await insertRows(conn, 'findings', findingsTable(uploads));

	// bundled neighbours: their cross-year findings recomputed, their counts updated
	const patches: SummaryPatch[] = [];
	if (sameBody.length) {
		const bids = sameBody.map((r) => r.id);
		const p = marks(bids.length);
		const rules = [...CROSS_RULES];
		await run(conn, `DELETE FROM findings WHERE report_id IN (${p}) AND rule IN (${marks(rules.length)})`, [...bids, ...rules]);
		await insertRows(conn, 'findings', findingRows(bids.flatMap((id) => cross.get(id) ?? [])));
		await run(
			conn,
			`UPDATE reports SET
				n_findings = (SELECT COUNT(*) FROM findings f WHERE f.report_id = reports.report_id),
				n_errors = (SELECT COUNT(*) FROM findings f WHERE f.report_id = reports.report_id AND f.severity = 'error'),
				n_warnings = (SELECT COUNT(*) FROM findings f WHERE f.report_id = reports.report_id AND f.severity = 'warning')
			 WHERE report_id IN (${p})`,
			bids
		);
		const counts = await run<{ id: string; errors: number; warnings: number; rules: string | null }>(
			conn,
			`SELECT r.report_id AS id, r.n_errors AS errors, r.n_warnings AS warnings,
			        (SELECT string_agg(DISTINCT f.rule, ',' ORDER BY f.rule) FROM findings f
			         WHERE f.report_id = r.report_id AND f.severity = 'error') AS rules
			 FROM reports r WHERE r.report_id IN (${p}) ORDER BY r.report_id`,
			bids
		);
		for (const c of counts)
			patches.push({ id: c.id, errors: Number(c.errors), warnings: Number(c.warnings), errorRules: c.rules ? c.rules.split(',') : [] });
	}
	return { uploads, rows: uploads.map(summaryRow), patches };
}
