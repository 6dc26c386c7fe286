/**
 * .xlsx with native numbers (blanks as empty cells, never 0), a bold header row, and a second sheet 筛选条件
 * listing the title, filters, source and date. Uses write-excel-file (small, its only dependency is fflate,
 * which the app already has), loaded with import() so it is only fetched when someone exports.
 */
import type { SheetData as Rows, Cell } from 'write-excel-file/universal';
import type { SheetData } from './sheet';
import { stampInfo, type Stamp } from './stamp';

export const DATA_SHEET = '数据';
export const FILTER_SHEET = '筛选条件';

/** The rows of both sheets (pure, for tests). */
export function xlsxSheets(data: SheetData, s: Stamp): { data: Rows; filters: Rows } {
	const header: Cell[] = data.columns.map((c) => ({ value: c.label, fontWeight: 'bold' as const }));
	const body: Rows = data.rows.map((r) =>
		r.map((c, i): Cell => {
			if (c === null) return null;
			if (typeof c === 'string') return { value: c, type: String };
			if (!Number.isFinite(c)) return null;
			const format = data.columns[i]?.format;
			return format ? { value: c, type: Number, format } : { value: c, type: Number };
		})
	);
	const info = stampInfo(s);
	const filters: Rows = [
		[
			{ value: '项目', fontWeight: 'bold' },
			{ value: '内容', fontWeight: 'bold' }
		],
		...info.map(([k, v]) => [
			{ value: k, type: String },
			{ value: v, type: String }
		])
	];
	return { data: [header, ...body], filters };
}

/** Column widths in characters: CJK counts double. */
function widths(rows: Rows): { width: number }[] {
	const n = Math.max(0, ...rows.map((r) => r.length));
	return Array.from({ length: n }, (_, i) => {
		let w = 6;
		for (const r of rows) {
			const c = r[i];
			const v = c && typeof c === 'object' && 'value' in c ? c.value : c;
			if (v === null || v === undefined) continue;
			const s = String(v);
			w = Math.max(w, [...s].reduce((a, ch) => a + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0) + 2);
		}
		return { width: Math.min(w, 60) };
	});
}

/** The .xlsx file as a Blob. */
export async function toXlsx(data: SheetData, s: Stamp): Promise<Blob> {
	const { default: writeXlsxFile } = await import('write-excel-file/universal');
	const sheets = xlsxSheets(data, s);
	return writeXlsxFile([
		{ data: sheets.data, sheet: DATA_SHEET, columns: widths(sheets.data), stickyRowsCount: 1 },
		{ data: sheets.filters, sheet: FILTER_SHEET, columns: widths(sheets.filters) }
	]).toBlob();
}
