/**
 * The pure part of the ingest command's output folder, shared by the command (fs.ts, which streams it to
 * disk) and the browser (the 导入报告 page's 导出数据集, which builds it in memory): the cross-year findings
 * over a set of reports, the record files, the Arrow files, summary.json and failures.json.
 * No Node imports: runs in the browser.
 */
import { RecordBatchStreamWriter, type Table } from 'apache-arrow';
import { crossYearFindings, type CheckedReport, type Finding } from '../check';
import type { Report } from '../parse';
import { findingsTable, reportsTable, cellKinds } from './arrow';
import { recordJson } from './record';
import { SUMMARY_FILE, summaryJson, summaryRow } from './summary';
import { FIRST_VIEW_FILE, firstView, firstViewJson } from '../charts/firstview';

export interface Failure {
	file: string;
	reason: string;
}

export const FAILURES_FILE = 'failures.json';
export const REPORTS_FILE = 'reports.arrow';
/**
 * Layout of the files finalize writes, raised when it changes (1: row summary.json and Float64 cells; 2: columnar
 * summary.json; 3: cells in the narrowest integer type; 4: overview.json). Cached benchmark outputs of another layout are
 * rewritten.
 */
export const DATA_LAYOUT = '4';
export const FINDINGS_FILE = 'findings.arrow';
/** Rules computed over a set of reports (the other years of a body), not over one report. */
export const CROSS_RULES: ReadonlySet<string> = new Set(['X1', 'X2', 'DUP']);
/** Reports per Arrow record batch. */
export const ARROW_CHUNK = 2000;

/** The cells the cross-year rules read. */
export const CROSS_CELL = /^t3\.(carried|forward)\.|^t2\.normative\./;

/** A report reduced to what the cross-year rules read, so a whole folder fits in memory at once. */
export function slim(r: Report): Report {
	const cells: Record<string, number | null> = {};
	for (const [k, v] of Object.entries(r.cells)) if (CROSS_CELL.test(k)) cells[k] = v;
	return { ...r, cells, detail: {}, sections: {}, prose: [], problems: [] };
}

/** Cross-year findings over a set of reports, by the report they are about. */
export function crossByReport(reports: Report[]): Map<string, Finding[]> {
	const cross = new Map<string, Finding[]>();
	for (const f of crossYearFindings(reports)) cross.set(f.report, [...(cross.get(f.report) ?? []), f]);
	return cross;
}

/** A report's findings with its cross-year ones replaced by `cross` (its own findings first, in their order). */
export function withCross(findings: Finding[], cross: Finding[] | undefined): Finding[] {
	return [...findings.filter((x) => !CROSS_RULES.has(x.rule)), ...(cross ?? [])];
}

export function sameFindings(a: Finding[], b: Finding[]): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

/** A stored record without prose was written with --no-prose: the command rewrites it the same way. */
export function proseDropped(r: CheckedReport): boolean {
	return Object.keys(r.sections).length === 0;
}

export function recordFileName(id: string): string {
	return `${id}.json`;
}

/** failures.json: sorted by file name. */
export function failuresJson(failures: Failure[]): string {
	const fs = [...failures].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
	return JSON.stringify(fs, null, '\t') + '\n';
}

/** Arrow IPC stream bytes of the reports (or findings) table, one record batch per ARROW_CHUNK reports. */
export function arrowStream(records: CheckedReport[], table: (rs: CheckedReport[]) => Table, chunk = ARROW_CHUNK): Uint8Array {
	const writer = new RecordBatchStreamWriter();
	let wrote = false;
	for (let i = 0; i < records.length; i += chunk) {
		const t = table(records.slice(i, i + chunk));
		if (t.numRows === 0) continue;
		// batch by batch: writing a Table finishes the stream (apache-arrow's writeAll), so a second chunk failed
		for (const b of t.batches) writer.write(b);
		wrote = true;
	}
	// an empty set still carries the schema
	if (!wrote) writer.write(table([]));
	writer.finish();
	return writer.toUint8Array(true);
}

/**
 * Everything the ingest command writes for a set of checked reports (their own findings; cross-year findings
 * are recomputed over the set), as file name → bytes: `<id>.json` per report, reports.arrow, findings.arrow,
 * summary.json, overview.json, failures.json; what `npm run ingest -- --out DIR` (with `--no-prose` when `dropProse`) writes
 * into an empty DIR for the same files.
 */
export function datasetFiles(records: CheckedReport[], failures: Failure[], opts: { dropProse?: boolean } = {}): Map<string, Uint8Array> {
	const enc = new TextEncoder();
	const sorted = [...records].sort((a, b) => (recordFileName(a.id) < recordFileName(b.id) ? -1 : recordFileName(a.id) > recordFileName(b.id) ? 1 : 0));
	const cross = crossByReport(sorted.map(slim));
	const final = sorted.map((r) => ({ ...r, findings: withCross(r.findings, cross.get(r.id)) }));
	const files = new Map<string, Uint8Array>();
	for (const r of final) files.set(recordFileName(r.id), enc.encode(recordJson(r, { dropProse: opts.dropProse })));
	const kinds = cellKinds(final);
	files.set(REPORTS_FILE, arrowStream(final, (rs) => reportsTable(rs, kinds)));
	files.set(FINDINGS_FILE, arrowStream(final, findingsTable));
	const summary = final.map(summaryRow);
	files.set(SUMMARY_FILE, enc.encode(summaryJson(summary)));
	files.set(FIRST_VIEW_FILE, enc.encode(firstViewJson(firstView(summary))));
	files.set(FAILURES_FILE, enc.encode(failuresJson(failures)));
	return files;
}
