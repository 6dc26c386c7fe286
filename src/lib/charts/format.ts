/** Number and label formatting with Chinese conventions. */

const integer = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** Shown wherever a report left a cell blank (blank is not 0). */
export const BLANK = '空白';

export function formatNumber(v: number | null | undefined): string {
	if (v === null || v === undefined || Number.isNaN(v)) return BLANK;
	return Number.isInteger(v) ? integer.format(v) : decimal.format(v);
}

/** Years are never grouped (2024, not 2,024). */
export function formatYear(year: number | null | undefined): string {
	return year === null || year === undefined ? '年份不详' : `${year}年`;
}

/** Estimated rendered width of a label in px (CJK glyphs ≈ 1 em, Latin digits ≈ 0.6 em). */
export function textWidth(text: string, fontSize: number): number {
	let w = 0;
	for (const ch of text) w += /[\u2e80-\uffff]/.test(ch) ? fontSize : fontSize * 0.6;
	return w;
}

/**
 * Break a Chinese label into at most `maxLines` lines no wider than `width` px;
 * the last line ends in … when the label does not fit.
 */
export function wrapLabel(text: string, width: number, fontSize: number, maxLines = 3): string[] {
	const lines: string[] = [];
	let line = '';
	for (const ch of text) {
		if (line && textWidth(line + ch, fontSize) > width) {
			lines.push(line);
			line = '';
		}
		line += ch;
	}
	if (line) lines.push(line);
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, maxLines);
	let last = kept[maxLines - 1];
	while (last.length > 1 && textWidth(last + '…', fontSize) > width) last = last.slice(0, -1);
	kept[maxLines - 1] = last + '…';
	return kept;
}
