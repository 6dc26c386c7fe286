/**
 * N1 (soft): numbers the prose quotes against the table. The table side is the sum of the rows'
 * 总计 cells; where a 总计 cell is blank, the row's applicant columns are added instead (and said so).
 */
import type { Report } from '../parse';
import { PROSE_COUNTS } from '../template';
import { EPS, fmt, type Finding } from './finding';

const APPLICANTS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org'];

function rowTotal(r: Report, row: string): { value: number | null; cells: string[]; fromColumns: boolean } | undefined {
	const totalId = `${row}.total`;
	if (!(totalId in r.cells)) return undefined;
	const v = r.cells[totalId];
	if (v !== null) return { value: v, cells: [totalId], fromColumns: false };
	if (!row.startsWith('t3.')) return { value: null, cells: [totalId], fromColumns: false };
	const ids = APPLICANTS.map((c) => `${row}.${c}`).filter((id) => id in r.cells);
	const vals = ids.map((id) => r.cells[id]);
	if (vals.every((x) => x === null)) return { value: null, cells: [totalId, ...ids], fromColumns: true };
	return { value: vals.reduce<number>((a, x) => a + (x ?? 0), 0), cells: ids, fromColumns: true };
}

export function proseRule(r: Report): Finding[] {
	const out: Finding[] = [];
	const seen = new Set<string>();
	for (const p of r.prose) {
		if (seen.has(p.key)) continue; // the first mention of each count is the one compared
		const def = PROSE_COUNTS.find((d) => d.key === p.key);
		if (!def || !def.rows.length) continue;
		seen.add(p.key);
		const parts = def.rows.map((row) => rowTotal(r, row)).filter((x) => x !== undefined);
		if (!parts.length) continue;
		const cells = parts.flatMap((x) => x.cells);
		const fromColumns = parts.some((x) => x.fromColumns);
		const blanks = parts.some((x) => x.value === null);
		const table = parts.reduce((a, x) => a + (x.value ?? 0), 0);
		const note = fromColumns ? '（总计栏空白，按各类申请人之和）' : '';
		if (blanks) {
			out.push({
				rule: 'N1',
				severity: 'info',
				status: 'unverifiable',
				report: r.id,
				cells,
				expected: p.value,
				actual: null,
				blanks: cells.filter((id) => r.cells[id] === null),
				holdsIfBlankZero: Math.abs(table - p.value) < EPS,
				message: `正文称“${p.text}”，表格对应单元格空白，无法核对（若空白按 0 计，表格为 ${fmt(table)} 件，${Math.abs(table - p.value) < EPS ? '相符' : '不符'}）`
			});
		} else if (Math.abs(table - p.value) >= EPS) {
			out.push({
				rule: 'N1',
				severity: 'warning',
				status: 'fail',
				report: r.id,
				cells,
				expected: p.value,
				actual: table,
				message: `正文称“${p.text}”（${def.label} ${fmt(p.value)} 件），表格为 ${fmt(table)} 件${note}`
			});
		}
	}
	return out;
}
