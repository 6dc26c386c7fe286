/**
 * Page layout → document blocks: text items outside ruled tables are grouped into lines by
 * baseline and the lines into paragraphs (a paragraph goes on across a page break; it ends at an
 * indented line, after a short line, at a change of font size or a gap); each ruled table becomes a
 * Table block whose rows hold the cells that start in that row, with their spans, empty cells
 * included, so the column count of every row stays right.
 */
import type { Block } from './model';
import { findGrids, place, type Grid, type PdfText } from './pdf-grid';
import { textLines, type Line } from './pdf-lines';
import { tableOf } from './pdf-table';
import type { Segment } from './pdf-ops';

export interface PageInput {
	/** 1-based page number. */
	page: number;
	/** The page's lowest and highest y (its media box). */
	bottom: number;
	top: number;
	items: PdfText[];
	lines: Segment[];
}

type Element = { kind: 'line'; line: Line; page: number; top: number } | { kind: 'table'; grid: Grid; page: number; top: number };

const ASCII_END = /[A-Za-z0-9.,%)]$/;
const ASCII_START = /^[A-Za-z0-9(]/;
const PAGE_NUMBER = /^(?:[-－—–~\s]*\d{1,4}[-－—–~\s]*|第\s*\d+\s*页(?:\s*[，,]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/;

/** The most common font size of running text (by characters), and its left and right margins. */
function bodyMetrics(lines: Line[]): { size: number; left: number; right: number } {
	const bySize = new Map<number, number>();
	for (const l of lines) if (!l.odd) bySize.set(Math.round(l.size), (bySize.get(Math.round(l.size)) ?? 0) + l.text.length);
	const size = [...bySize.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 12;
	const body = lines.filter((l) => !l.odd && Math.abs(l.size - size) <= 1);
	const left = body.length ? Math.min(...body.map((l) => l.x0)) : 0;
	const right = body.length ? Math.max(...body.map((l) => l.x1)) : 0;
	return { size, left, right };
}

/** Whether `cur` goes on with the paragraph that `prev` ends. */
function continues(prev: Line, cur: Line, samePage: boolean, m: { size: number; left: number; right: number }): boolean {
	if (prev.odd || cur.odd) return false;
	if (Math.abs(prev.size - cur.size) > 1) return false;
	// a title in large type wrapped over several (centred) lines is one paragraph
	const large = cur.size >= m.size * 1.15;
	if (samePage && prev.base - cur.base > (large ? 2.2 : 2) * cur.size) return false;
	if (large) return true;
	if (cur.x0 > m.left + 1.2 * cur.size) return false; // indented: a new paragraph
	if (prev.x1 < m.right - 1.5 * prev.size) return false; // the previous line stops short
	return true;
}

/** All pages → blocks in reading order. */
export function layoutPages(pages: PageInput[]): Block[] {
	const elements: Element[] = [];
	for (const p of pages) {
		const grids = findGrids(p.lines);
		const flow = p.items.filter((t) => !grids.some((g) => place(g, t)));
		// page numbers in the top or bottom margin
		const margin = 0.12 * (p.top - p.bottom);
		const lines = textLines(flow).filter((l) => !(PAGE_NUMBER.test(l.text) && (l.top < p.bottom + margin || l.base > p.top - margin)));
		const pageEls: Element[] = [
			...lines.map((line) => ({ kind: 'line' as const, line, page: p.page, top: line.top })),
			...grids.map((grid) => ({ kind: 'table' as const, grid, page: p.page, top: grid.ys[0] }))
		];
		elements.push(...pageEls.sort((a, b) => b.top - a.top));
	}
	const m = bodyMetrics(elements.flatMap((e) => (e.kind === 'line' ? [e.line] : [])));

	const blocks: Block[] = [];
	let para: { text: string; last: Line; page: number } | undefined;
	let lastPage = 0;
	let tables = 0;
	const flush = () => {
		if (para?.text) blocks.push({ kind: 'p', text: para.text, where: { page: para.page } });
		para = undefined;
	};
	for (const e of elements) {
		if (e.kind === 'table') {
			flush();
			blocks.push(tableOf(e.grid, e.page, tables++));
		} else {
			const l = e.line;
			if (para && continues(para.last, l, e.page === lastPage, m)) {
				para.text += (ASCII_END.test(para.text) && ASCII_START.test(l.text) ? ' ' : '') + l.text;
				para.last = l;
			} else {
				flush();
				para = { text: l.text, last: l, page: e.page };
			}
		}
		lastPage = e.page;
	}
	flush();
	return blocks;
}
