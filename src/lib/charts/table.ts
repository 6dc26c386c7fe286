/** Cells of the data tables that sit under every chart. */
import type { SheetCell, SheetData } from '$lib/export/sheet';
import { BLANK, formatNumber } from './format';

export type TableCell =
	| string
	| number
	| null
	| {
			text: string;
			href?: string;
			/** Hover text / extra words for screen readers. */
			title?: string;
			/** Muted (空白, 无此项, 样本过少). */
			muted?: boolean;
			/** Small badge after the text (演示 / 真实). */
			badge?: 'demo' | 'real';
			/** The number behind the text (data-value, for tests and copying). */
			value?: number | null;
	  };

export interface TableColumn {
	key: string;
	label: string;
	/** Right-aligned number column. */
	num?: boolean;
	/** Excel number format when exported (e.g. 0.0% for rates kept as fractions). */
	format?: string;
}

export interface TableRow {
	key: string;
	cells: Record<string, TableCell>;
	/** data-* attributes of the row. */
	data?: Record<string, string>;
}

export interface ShownCell {
	text: string;
	href?: string;
	title?: string;
	muted: boolean;
	badge?: 'demo' | 'real';
	value: string;
}

/** How a cell is shown: numbers in zh-CN style, null as 空白 (never 0). */
export function showCell(c: TableCell | undefined): ShownCell {
	if (c === null || c === undefined) return { text: BLANK, muted: true, value: '' };
	if (typeof c === 'number') return { text: formatNumber(c), muted: false, value: String(c) };
	if (typeof c === 'string') return { text: c, muted: false, value: '' };
	return {
		text: c.text,
		href: c.href,
		title: c.title,
		muted: !!c.muted,
		badge: c.badge,
		value: c.value === null || c.value === undefined ? '' : String(c.value)
	};
}

/**
 * The data behind a data table, for CSV/Excel: the same columns and numbers (a cell's number when it has one,
 * blanks as blank, words such as 无此项 or 样本过少 as text), and a 数据性质 column (演示数据 / 真实报告) after the
 * first column when the rows carry demo/real badges.
 */
export function tableSheet(columns: TableColumn[], rows: TableRow[]): SheetData {
	const badged = rows.some((r) => columns.some((c) => isBadged(r.cells[c.key])));
	const out: SheetData = { columns: [], rows: [] };
	for (const [i, c] of columns.entries()) {
		out.columns.push({ label: c.label, num: c.num, format: c.format });
		if (i === 0 && badged) out.columns.push({ label: '数据性质' });
	}
	for (const r of rows) {
		const line: SheetCell[] = [];
		for (const [i, c] of columns.entries()) {
			line.push(sheetCell(r.cells[c.key]));
			if (i === 0 && badged) {
				const badge = columns.map((k) => r.cells[k.key]).find(isBadged);
				line.push(badge ? (badge.badge === 'demo' ? '演示数据' : '真实报告') : null);
			}
		}
		out.rows.push(line);
	}
	return out;
}

function isBadged(c: TableCell | undefined): c is { text: string; badge: 'demo' | 'real' } {
	return !!c && typeof c === 'object' && !!c.badge;
}

/** One table cell as a sheet cell: the number behind it, null for a blank, else its words. */
export function sheetCell(c: TableCell | undefined): SheetCell {
	if (c === null || c === undefined) return null;
	if (typeof c === 'number') return Number.isFinite(c) ? c : null;
	if (typeof c === 'string') return c === BLANK ? null : c;
	if (typeof c.value === 'number' && Number.isFinite(c.value)) return c.value;
	return c.text === BLANK ? null : c.text;
}
