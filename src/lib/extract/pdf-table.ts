/**
 * A ruled grid → a Table block: one row per grid row, holding the cells that start in that row with
 * their spans; empty cells stay (so every row keeps its column count). An empty cell that is only
 * the other half of a row label (the form draws a line inside the label) is joined to the label.
 */
import type { Cell, Row, Table } from './model';
import type { Grid, Region } from './pdf-grid';
import { textLines } from './pdf-lines';

function cellText(reg: Region): string {
	const lines = textLines(reg.items).map((l) => l.text);
	return [...lines, ...reg.marks].filter(Boolean).join('\n');
}

/** A cell holding one value as printed: a number (separators, decimals, a unit word) or a placeholder. */
function isValue(text: string): boolean {
	const s = text.replace(/\s/g, '');
	return /^[+-]?\d[\d,，.]*(?:万元|元|件|个|项|条)?$/.test(s) || /^(?:[-—–－―~～/／\\]+|无|空|暂无)$/.test(s);
}

function columnsOf(reg: Region): number[] {
	return Array.from({ length: reg.c1 - reg.c0 + 1 }, (_, k) => reg.c0 + k);
}

/**
 * Grid columns that hold row labels: columns with text that is not a value in a row that has a
 * value further right, and never a value in any row.
 */
function labelColumns(g: Grid, texts: Map<Region, string>): Set<number> {
	const labels = new Set<number>();
	const values = new Set<number>();
	for (let r = 0; r + 1 < g.ys.length; r++) {
		const regs = g.regions.filter((x) => x.r0 === r).sort((a, b) => a.c0 - b.c0);
		regs.forEach((reg, i) => {
			const t = texts.get(reg)!;
			if (!t || reg.marks.length) return;
			if (isValue(t)) columnsOf(reg).forEach((c) => values.add(c));
			else if (regs.slice(i + 1).some((x) => texts.get(x) && isValue(texts.get(x)!))) columnsOf(reg).forEach((c) => labels.add(c));
		});
	}
	for (const c of values) labels.delete(c);
	return labels;
}

export function tableOf(g: Grid, page: number, index: number): Table {
	const texts = new Map(g.regions.map((reg) => [reg, cellText(reg)]));
	const labelCols = labelColumns(g, texts);
	const rows: Row[] = [];
	const last = g.ys.length - 2;
	for (let r = 0; r <= last; r++) {
		const regs = g.regions.filter((x) => x.r0 === r).sort((a, b) => a.c0 - b.c0);
		// an empty row (a spacer between double lines) is dropped, unless it is the table's last row
		if (!regs.length || (r < last && regs.every((x) => texts.get(x) === ''))) continue;
		const row: Cell[] = [];
		let prev: Region | undefined;
		for (const reg of regs) {
			const text = texts.get(reg)!;
			const left = row[row.length - 1];
			const labelPart =
				text === '' &&
				prev !== undefined &&
				left?.text &&
				!isValue(left.text) &&
				prev.c1 + 1 === reg.c0 &&
				prev.r1 === reg.r1 &&
				columnsOf(reg).every((c) => labelCols.has(c));
			if (labelPart) left.colspan += reg.c1 - reg.c0 + 1;
			else
				row.push({
					text,
					colspan: reg.c1 - reg.c0 + 1,
					rowspan: reg.r1 - reg.r0 + 1,
					where: { page, table: index, row: rows.length, cell: row.length }
				});
			prev = reg;
		}
		rows.push(row);
	}
	return { kind: 'table', rows, where: { page, table: index } };
}
