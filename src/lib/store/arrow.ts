/**
 * The columnar files the dashboard loads (Arrow IPC stream, the fastest load into duckdb-wasm, see
 * STACK.md): one row per report with one Float64 column per canonical cell id (named by dbColumn),
 * and one row per finding. The template's id list is the single source of the columns.
 */
import { Table, tableToIPC, type Vector } from 'apache-arrow';
import { boolColumn, float64Column, int32Column, utf8Column } from './columns';
import type { CheckedReport } from '../check';
import { ALL_CELL_IDS, dbColumn } from '../template';

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

export function reportsTable(rs: CheckedReport[]): Table {
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
		cols[dbColumn(id)] = float64Column(rs.map((r) => (id in r.cells ? r.cells[id] : null)));
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
