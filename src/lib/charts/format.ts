/** Number and label formatting with Chinese conventions. */

// Created when first needed, not when the module loads: a page's first Intl object costs 30–70 ms in Chromium
// (ICU's locale data), on the overview's first-paint path, and the first paint shows integers only (groupDigits).
let integer: Intl.NumberFormat | undefined;
let decimal: Intl.NumberFormat | undefined;
let collator: Intl.Collator | undefined;

/** Chinese (pinyin) order of two strings, Intl.Collator('zh-CN'), the collator made on first use. */
export function zhCompare(a: string, b: string): number {
	return (collator ??= new Intl.Collator('zh-CN')).compare(a, b);
}

/**
 * A safe integer grouped by thousands exactly as Intl.NumberFormat('zh-CN') writes it ("-1,234,567"; tested
 * against it), without creating one: the headline figures and matrix of the first paint need nothing else.
 */
function groupDigits(v: number): string {
	const digits = String(v < 0 ? -v : v);
	let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
	for (let i = out.length; i < digits.length; i += 3) out += ',' + digits.slice(i, i + 3);
	return v < 0 ? '-' + out : out;
}

/** Shown wherever a report left a cell blank (blank is not 0). */
export const BLANK = '空白';

export function formatNumber(v: number | null | undefined): string {
	if (v === null || v === undefined || Number.isNaN(v)) return BLANK;
	if (Number.isSafeInteger(v) && !Object.is(v, -0)) return groupDigits(v);
	if (Number.isInteger(v)) return (integer ??= new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 })).format(v);
	return (decimal ??= new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 })).format(v);
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
