/**
 * Write a report in the layout of text extracted from .docx (the layout the txt adapter reads):
 * one cell per tab-indented line, a blank line after each row, an empty tab line for a cell covered
 * by a vertical merge from above, two blank lines after a table.
 */
import { SECTION_HEADINGS, filledLayout, paragraphsAfterTitle, type ReportSpec } from './document';
import type { LayoutRow } from '../template';

function tableLines(rows: LayoutRow[]): string[] {
	const lines: string[] = [];
	// columns still covered by a rowspan from a row above: [until row, width]
	const covered: { col: number; until: number; width: number }[] = [];
	rows.forEach((row, ri) => {
		const out: string[] = [];
		let col = 0;
		let ci = 0;
		const width = rows[0].reduce((a, c) => a + (c.colspan ?? 1), 0);
		while (col < width && (ci < row.length || covered.some((c) => c.col === col && c.until > ri))) {
			const cover = covered.find((c) => c.col === col && c.until > ri);
			if (cover) {
				out.push('\t');
				col += cover.width;
				continue;
			}
			const cell = row[ci++];
			if (!cell) break;
			out.push(`\t${cell.text}`);
			if ((cell.rowspan ?? 1) > 1) covered.push({ col, until: ri + (cell.rowspan ?? 1), width: cell.colspan ?? 1 });
			col += cell.colspan ?? 1;
		}
		lines.push(...out, '');
	});
	lines.push('');
	return lines;
}

export function writeTxt(spec: ReportSpec): string {
	const lines = [spec.title, ...paragraphsAfterTitle(spec), ''];
	for (const [key, heading, table] of SECTION_HEADINGS) {
		lines.push(heading);
		for (const p of spec.prose[key] ?? []) lines.push(p);
		if (table) lines.push(...tableLines(filledLayout(spec, table)));
	}
	return lines.join('\n') + '\n';
}
