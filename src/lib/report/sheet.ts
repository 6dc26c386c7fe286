/**
 * One official table of a report as export rows: every cell the page shows, in the page's order, with where it
 * stands (row, column), its canonical id, the number read (blank stays empty, never 0), the text as printed, how
 * it was read, and the rules whose findings name it — so a table leaves the tool with its provenance.
 */
import type { SheetData } from '$lib/export/sheet';
import { cellDef, rowText, type CellDef } from '$lib/template';
import type { CheckedReport } from '$lib/check';
import { ruleName, SEVERITY_ZH, type ViewFinding, type ViewTable, type ViewCell } from './model';

/** The row as the export names it: table 2's rows carry their 第二十条 item. */
function rowOf(c: CellDef): string {
	return c.table === 't2' ? `${c.block}·${c.row.label}` : rowText(c);
}

function how(c: ViewCell): string {
	if (c.state === 'blank') return '空白（不是 0）';
	if (c.state === 'absent') return '报告未列出';
	if (c.state === 'unreadable') return c.note ?? '无法读取';
	return c.note ?? '';
}

/** The rows of one table for CSV/Excel; `findings` are the page's (own and inbound). */
export function tableSheet(r: CheckedReport, table: ViewTable, findings: ViewFinding[]): SheetData {
	const byCell = new Map<string, ViewFinding[]>();
	for (const f of findings) for (const id of f.cells) byCell.set(id, [...(byCell.get(id) ?? []), f]);
	const cells: ViewCell[] = [];
	for (const row of table.rows)
		for (const c of row.cells) {
			if (c.id) cells.push(c);
			else if (c.absentRow) for (const id of c.rowIds ?? []) cells.push({ text: '', id, state: 'absent', raw: '' });
		}
	return {
		columns: [{ label: '行' }, { label: '列' }, { label: '单元格编号' }, { label: '数值', num: true }, { label: '报告原文' }, { label: '读取说明' }, { label: '核查' }],
		rows: cells.map((c) => {
			const id = c.id!;
			const def = cellDef(id)!;
			const value = c.state === 'value' ? (r.cells[id] ?? null) : null;
			const marks = (byCell.get(id) ?? []).map((f) => `${ruleName(f.rule)}（${SEVERITY_ZH[f.severity]}）`);
			return [rowOf(def), def.column.label, id, value, c.raw ?? '', how(c), [...new Set(marks)].join('；')];
		})
	};
}
