/**
 * Text items → lines: horizontal items grouped by baseline and joined left to right (a visible gap
 * becomes one space); vertical or rotated items are lines of their own, never joined to others.
 */
import type { PdfText } from './pdf-grid';

export interface Line {
	text: string;
	x0: number;
	x1: number;
	base: number;
	top: number;
	size: number;
	/** Rotated or vertical text: never joined to a paragraph. */
	odd: boolean;
}

/**
 * Join the items of one line, left to right; a visible gap becomes one space. An item drawn again
 * over itself (a "fake bold" that prints the same text twice, slightly shifted) is read once, so
 * that a 1 printed twice never reads as 11.
 */
function joinLine(items: PdfText[]): string {
	const s = [...items].sort((a, b) => a.x0 - b.x0);
	let text = '';
	let prev: PdfText | undefined;
	for (const it of s) {
		const str = it.str.trim();
		if (prev && prev.str.trim() === str && Math.abs(it.x0 - prev.x0) < 0.15 * it.size && Math.abs(it.base - prev.base) < 0.15 * it.size) continue;
		if (prev && it.x0 - prev.x1 > 0.3 * Math.min(it.size, prev.size)) text += ' ';
		text += str;
		prev = it;
	}
	return text;
}

/** Horizontal items grouped into lines by baseline, top to bottom; vertical/rotated items one line each. */
export function textLines(items: PdfText[]): Line[] {
	const flat = items.filter((t) => !t.vertical && !t.rotated).sort((a, b) => b.base - a.base || a.x0 - b.x0);
	const groups: PdfText[][] = [];
	for (const t of flat) {
		const g = groups[groups.length - 1];
		const ref = g?.[0];
		if (ref && Math.abs(ref.base - t.base) <= 0.5 * Math.min(ref.size, t.size)) g.push(t);
		else groups.push([t]);
	}
	const lines: Line[] = groups.map((g) => ({
		text: joinLine(g),
		x0: Math.min(...g.map((t) => t.x0)),
		x1: Math.max(...g.map((t) => t.x1)),
		base: g[0].base,
		top: Math.max(...g.map((t) => t.y1)),
		size: Math.max(...g.map((t) => t.size)),
		odd: false
	}));
	for (const t of items.filter((x) => x.vertical || x.rotated))
		lines.push({ text: t.str.trim(), x0: t.x0, x1: t.x1, base: t.y1, top: t.y1, size: t.size, odd: true });
	return lines.sort((a, b) => b.top - a.top || a.x0 - b.x0);
}
