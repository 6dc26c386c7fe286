/**
 * CSV for Excel/WPS users: UTF-8 with a BOM (so Chinese opens right), CRLF, quoted per RFC 4180, and text cells
 * that a spreadsheet would run as a formula (starting with = + - @ tab or CR) prefixed with '. Numbers are
 * written as plain numbers (a real −3 stays −3); blanks stay empty cells (never 0). With a stamp, the file opens
 * with what it is — 标题, 单位, the filters, 数据来源, 演示数据, 生成日期, one label/value pair a line — then an empty line,
 * then the table, so the numbers never travel without their title, filters, source and date.
 */
import type { SheetCell, SheetData } from './sheet';
import { stampInfo, type Stamp } from './stamp';

export const BOM = '\uFEFF';
const FORMULA = /^[=+\-@\t\r]/;

/** One cell as CSV text. */
export function csvCell(c: SheetCell): string {
	if (c === null) return '';
	if (typeof c === 'number') return Number.isFinite(c) ? String(c) : '';
	const text = FORMULA.test(c) ? `'${c}` : c;
	return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole CSV file text, BOM first; the stamp lines and an empty line before the table when given. */
export function toCsv(data: SheetData, stamp?: Stamp): string {
	const head = stamp ? [...stampInfo(stamp).map((pair) => pair.map(csvCell)), []] : [];
	const lines = [...head, data.columns.map((c) => csvCell(c.label)), ...data.rows.map((r) => r.map(csvCell))];
	return BOM + lines.map((l) => l.join(',')).join('\r\n') + '\r\n';
}
