/**
 * The oracle: after a mutation, every number the parser reports is either the right one or the
 * parser says which cell (or row) it doubts. "Right" is the expected value of the unmutated file,
 * or, for a cell whose printed text the mutation changed, the value that new text means.
 *
 * "Says": a parse problem (→ PARSE / MISSING / FORMAT finding) whose cells include the id, or a
 * problem about the id's row (table + row). Sum-rule findings (R1–R4, N1 …) do not count: the
 * generated reports' random numbers break those rules everywhere, so they would excuse anything.
 * A silent wrong number is a cell that is neither.
 */
import type { IngestResult } from '../../src/lib/store/ingest';
import { checkReport, type Finding } from '../../src/lib/check';
import type { Report } from '../../src/lib/parse';
import { ANY, NO_NUMBER, type Touched, type Want } from './mutate';

export interface Violation {
	kind: 'wrong-number' | 'crash' | 'slow' | 'bad-value';
	id?: string;
	got?: number | null;
	want?: Want | 'absent';
	raw?: string;
	message: string;
}

const same = (a: number | null, b: number | null) => a === b || (a !== null && b !== null && Math.abs(a - b) < 1e-9 * Math.max(1, Math.abs(b)));

/** The table.row key of a canonical id (t3.denied.state_secret.natural → t3 / denied.state_secret). */
function rowOf(id: string): { table: string; row: string } {
	const dot = id.indexOf('.');
	return { table: id.slice(0, dot), row: id.slice(dot + 1, id.lastIndexOf('.')) };
}

/** Ids (and rows) the parser flags: the problems' cells and rows, and parse findings' cells. */
export function flagged(report: Report, findings: Finding[]): (id: string) => boolean {
	const ids = new Set<string>();
	const rows = new Set<string>();
	for (const p of report.problems) {
		for (const id of p.cells ?? []) ids.add(id);
		if (p.table && p.row) rows.add(`${p.table}.${p.row}`);
	}
	for (const f of findings) if (f.rule === 'PARSE' || f.rule === 'MISSING' || f.rule === 'FORMAT') for (const id of f.cells) ids.add(id);
	return (id) => {
		if (ids.has(id)) return true;
		const r = rowOf(id);
		return rows.has(`${r.table}.${r.row}`);
	};
}

export function judge(
	res: IngestResult,
	expected: Record<string, number | null>,
	touched: Touched,
	ms: number,
	limitMs: number
): Violation[] {
	const out: Violation[] = [];
	if (ms > limitMs) out.push({ kind: 'slow', message: `took ${Math.round(ms)} ms (limit ${limitMs} ms)` });
	if (!res.ok) {
		if (/^解析出错/.test(res.reason)) out.push({ kind: 'crash', message: `crashed: ${res.reason}` });
		return out;
	}
	const report = res.report;
	let findings: Finding[];
	try {
		findings = checkReport(report);
	} catch (e) {
		out.push({ kind: 'crash', message: `checkReport threw: ${(e as Error)?.stack ?? e}` });
		return out;
	}
	const isFlagged = flagged(report, findings);
	for (const [id, got] of Object.entries(report.cells)) {
		if (got !== null && (typeof got !== 'number' || !Number.isFinite(got))) {
			out.push({ kind: 'bad-value', id, got, message: `${id} = ${got} is not a finite number` });
			continue;
		}
		const want: Want | 'absent' = touched.has(id) ? touched.get(id)! : id in expected ? expected[id] : 'absent';
		if (want === ANY) continue;
		if (want !== NO_NUMBER && want !== 'absent' && same(got, want)) continue;
		if (isFlagged(id)) continue;
		const raw = report.detail[id]?.raw;
		out.push({
			kind: 'wrong-number',
			id,
			got,
			want,
			raw,
			message: `${id} = ${got} (raw “${raw}”), expected ${want === 'absent' ? 'no such cell' : want === NO_NUMBER ? 'no number (unreadable)' : want}, and no problem names it`
		});
	}
	return out;
}
