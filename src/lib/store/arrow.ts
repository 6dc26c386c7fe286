/**
 * The columnar files the dashboard loads (Arrow IPC stream, the fastest load into duckdb-wasm, see
 * STACK.md): one row per report with one column per canonical cell id (named by dbColumn), and one row
 * per finding. The template's id list is the single source of the columns.
 *
 * Cell columns hold counts, so each is stored in the narrowest integer type that holds every value of the set
 * (Int8, Int16 or Int32) instead of Float64: at 100k reports reports.arrow goes from 197 to ~40 MB and DuckDB's
 * table of it from ~250 to ~135 MB, which is most of the browser's memory. A column is Float64 when the template
 * allows decimals in it (amounts in 万元/元) or when a value is not an Int32 (a number beyond ±2^31, which the RANGE
 * check flags, is still stored as printed, never clipped). `cellKinds` decides over the whole set, so every batch
 * of one file has the same schema; queries read cells through CAST(… AS DOUBLE) or SUM, whatever the type.
 */
import { Table, tableToIPC, type Vector } from 'apache-arrow';
import { boolColumn, float64Column, int8Column, int16Column, int32Column, utf8Column } from './columns';
import type { CheckedReport } from '../check';
import { ALL_CELL_IDS, cellDef, dbColumn } from '../template';

export const REPORT_META_COLUMNS = [
	'report_id',
	'source_file',
	'body',
	'province',
	'city',
	'county',
	'township',
	'year',
	'format',
	'origin',
	'demo',
	'n_findings',
	'n_errors',
	'n_warnings'
] as const;

function strings(rs: CheckedReport[], f: (r: CheckedReport) => string | null | undefined) {
	return utf8Column(rs.map(f));
}

/** Arrow type of a cell column, narrowest first. */
export type CellKind = 'int8' | 'int16' | 'int32' | 'float64';
const KINDS: CellKind[] = ['int8', 'int16', 'int32', 'float64'];

function kindOf(v: number): CellKind {
	if (!Number.isInteger(v)) return 'float64';
	if (v >= -128 && v <= 127) return 'int8';
	if (v >= -32768 && v <= 32767) return 'int16';
	if (v >= -(2 ** 31) && v <= 2 ** 31 - 1) return 'int32';
	return 'float64';
}

/** Cell ids stored as Float64 whatever the data: the template's decimal columns. */
export const DECIMAL_CELLS: ReadonlySet<string> = new Set(ALL_CELL_IDS.filter((id) => cellDef(id)?.column.allowDecimal));

/**
 * The type of each cell column that holds these reports (ids absent from the map are Int8, decimal columns
 * Float64). Pass `into` to accumulate over reports read one by one.
 */
export function cellKinds(rs: Iterable<{ cells: Record<string, number | null> }>, into: Map<string, CellKind> = new Map()): Map<string, CellKind> {
	for (const id of DECIMAL_CELLS) into.set(id, 'float64');
	for (const r of rs)
		for (const [id, v] of Object.entries(r.cells)) {
			if (typeof v !== 'number') continue;
			const k = kindOf(v);
			const was = into.get(id);
			if (!was || KINDS.indexOf(k) > KINDS.indexOf(was)) into.set(id, k);
		}
	return into;
}

const COLUMN: Record<CellKind, (values: (number | null)[]) => Vector> = {
	int8: int8Column,
	int16: int16Column,
	int32: int32Column,
	float64: float64Column
};

/** The reports table; `kinds` (default: computed from `rs`) must be the same for every batch of one file. */
export function reportsTable(rs: CheckedReport[], kinds: ReadonlyMap<string, CellKind> = cellKinds(rs)): Table {
	const cols: Record<string, Vector> = {
		report_id: strings(rs, (r) => r.id),
		source_file: strings(rs, (r) => r.source.file),
		body: strings(rs, (r) => r.meta.body),
		province: strings(rs, (r) => r.meta.province),
		city: strings(rs, (r) => r.meta.city),
		county: strings(rs, (r) => r.meta.county),
		township: strings(rs, (r) => r.meta.township),
		year: int32Column(rs.map((r) => r.meta.year)),
		format: strings(rs, (r) => r.format),
		origin: strings(rs, (r) => r.meta.origin),
		demo: boolColumn(rs.map((r) => r.meta.demo)),
		n_findings: int32Column(rs.map((r) => r.findings.length)),
		n_errors: int32Column(rs.map((r) => r.findings.filter((f) => f.severity === 'error').length)),
		n_warnings: int32Column(rs.map((r) => r.findings.filter((f) => f.severity === 'warning').length))
	};
	for (const id of ALL_CELL_IDS) {
		const values = rs.map((r) => (id in r.cells ? r.cells[id] : null));
		cols[dbColumn(id)] = COLUMN[kinds.get(id) ?? 'int8'](values);
	}
	return new Table(cols);
}

export function findingsTable(rs: CheckedReport[]): Table {
	const fs = rs.flatMap((r) => r.findings);
	const s = (f: (x: (typeof fs)[number]) => string | null | undefined) => utf8Column(fs.map(f));
	return new Table({
		report_id: s((f) => f.report),
		rule: s((f) => f.rule),
		kind: s((f) => f.kind),
		severity: s((f) => f.severity),
		status: s((f) => f.status),
		cells: s((f) => f.cells.join(',')),
		expected: float64Column(fs.map((f) => f.expected)),
		actual: float64Column(fs.map((f) => f.actual)),
		other_report: s((f) => f.other),
		message: s((f) => f.message)
	});
}

export function toIpc(t: Table): Uint8Array {
	return tableToIPC(t, 'stream');
}
