/** Cells of the data tables that sit under every chart. */
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
