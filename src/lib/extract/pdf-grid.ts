/**
 * Tables of a PDF page from its ruling lines (a "lattice" reading): lines are merged, grouped into
 * tables by where they cross, and each table becomes a grid whose cells are joined wherever the line
 * between them is missing (merged cells). Text items are then placed into the cell that holds their
 * centre; an item with digits that reaches into a neighbouring cell is not moved: the neighbour gets
 * a visible marker so the row is reported, never silently read.
 */
import type { Segment } from './pdf-ops';

/** One text item in PDF user space (y up). */
export interface PdfText {
	str: string;
	x0: number;
	x1: number;
	y0: number;
	y1: number;
	/** Baseline y (for horizontal text) or top (for vertical text). */
	base: number;
	size: number;
	/** Written top to bottom (a vertical font), e.g. a rotated group label. */
	vertical: boolean;
	/** Drawn with a rotation (not horizontal). */
	rotated: boolean;
}

export interface Region {
	r0: number;
	r1: number;
	c0: number;
	c1: number;
	items: PdfText[];
	/** Markers for numbers that reach into this cell from a neighbour. */
	marks: string[];
}

export interface Grid {
	/** Column boundaries, left to right. */
	xs: number[];
	/** Row boundaries, top to bottom (descending y). */
	ys: number[];
	regions: Region[];
	/** Region index per grid cell (row-major). */
	cellRegion: number[];
}

/** Two lines closer than this (pt) are one line. */
const SNAP = 1.5;
/** Grid boundaries closer than this (pt) are one boundary: no real cell is this thin. */
const MIN_CELL = 3;
/** A line ends this close to another and still meets it. */
const REACH = 2.5;
/** Lines that run on this far past the outermost crossing line close an open-sided column or row. */
const OPEN_SIDE = 8;

function cluster(values: number[], tol: number): number[] {
	const v = [...values].sort((a, b) => a - b);
	const out: number[][] = [];
	for (const x of v) {
		const last = out[out.length - 1];
		if (last && x - last[last.length - 1] <= tol) last.push(x);
		else out.push([x]);
	}
	return out.map((c) => c.reduce((s, x) => s + x, 0) / c.length);
}

/** Collinear pieces of one line joined. */
export function mergeSegments(segs: Segment[]): Segment[] {
	const out: Segment[] = [];
	for (const dir of ['h', 'v'] as const) {
		const s = segs.filter((x) => x.dir === dir).sort((p, q) => p.at - q.at);
		const groups: Segment[][] = [];
		for (const x of s) {
			const g = groups[groups.length - 1];
			if (g && x.at - g[g.length - 1].at <= SNAP) g.push(x);
			else groups.push([x]);
		}
		for (const g of groups) {
			const at = g.reduce((t, x) => t + x.at, 0) / g.length;
			const spans = g.map((x) => [x.a, x.b]).sort((p, q) => p[0] - q[0]);
			let [a, b] = spans[0];
			for (const [c, d] of spans.slice(1)) {
				if (c <= b + REACH) b = Math.max(b, d);
				else {
					out.push({ dir, at, a, b });
					[a, b] = [c, d];
				}
			}
			out.push({ dir, at, a, b });
		}
	}
	return out;
}

function meets(h: Segment, v: Segment): boolean {
	return v.at >= h.a - REACH && v.at <= h.b + REACH && h.at >= v.a - REACH && h.at <= v.b + REACH;
}

/** Groups of lines that cross one another: one group per table. */
function components(segs: Segment[]): Segment[][] {
	const parent = segs.map((_, i) => i);
	const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
	const hs = segs.map((s, i) => [s, i] as const).filter(([s]) => s.dir === 'h');
	const vs = segs.map((s, i) => [s, i] as const).filter(([s]) => s.dir === 'v');
	for (const [h, i] of hs) for (const [v, j] of vs) if (meets(h, v)) parent[find(i)] = find(j);
	const groups = new Map<number, Segment[]>();
	segs.forEach((s, i) => {
		const r = find(i);
		if (!groups.has(r)) groups.set(r, []);
		groups.get(r)!.push(s);
	});
	return [...groups.values()];
}

/** Coverage (0..1) of the span [a, b] by the lines of one direction at `at`. */
function coverage(lines: Segment[], at: number, a: number, b: number): number {
	let covered = 0;
	for (const l of lines) {
		if (Math.abs(l.at - at) > MIN_CELL) continue;
		covered += Math.max(0, Math.min(b, l.b) - Math.max(a, l.a));
	}
	return b > a ? covered / (b - a) : 1;
}

/** The tables (grids of at least 2×2 cells) drawn with ruling lines on a page. */
export function findGrids(raw: Segment[]): Grid[] {
	const grids: Grid[] = [];
	for (const comp of components(mergeSegments(raw))) {
		const hs = comp.filter((s) => s.dir === 'h');
		const vs = comp.filter((s) => s.dir === 'v');
		if (hs.length < 2 || vs.length < 2) continue;
		// open sides (lines that run on well past the outermost crossing line) are boundaries too;
		// line ends that merely overshoot a border are not
		const outer = (at: number[], ends: number[]) => {
			const lo = Math.min(...ends);
			const hi = Math.max(...ends);
			return [...at, ...(lo < Math.min(...at) - OPEN_SIDE ? [lo] : []), ...(hi > Math.max(...at) + OPEN_SIDE ? [hi] : [])];
		};
		const xs = cluster(outer(vs.map((s) => s.at), hs.flatMap((s) => [s.a, s.b])), MIN_CELL);
		const ys = cluster(outer(hs.map((s) => s.at), vs.flatMap((s) => [s.a, s.b])), MIN_CELL).reverse();
		const nr = ys.length - 1;
		const nc = xs.length - 1;
		if (nr < 1 || nc < 1) continue;
		const parent = Array.from({ length: nr * nc }, (_, i) => i);
		const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
		const join = (i: number, j: number) => (parent[find(i)] = find(j));
		for (let r = 0; r < nr; r++)
			for (let c = 0; c < nc; c++) {
				if (c + 1 < nc && coverage(vs, xs[c + 1], ys[r + 1], ys[r]) < 0.5) join(r * nc + c, r * nc + c + 1);
				if (r + 1 < nr && coverage(hs, ys[r + 1], xs[c], xs[c + 1]) < 0.5) join(r * nc + c, (r + 1) * nc + c);
			}
		const byRoot = new Map<number, number>();
		const cellRegion: number[] = [];
		const regions: Region[] = [];
		for (let r = 0; r < nr; r++)
			for (let c = 0; c < nc; c++) {
				const root = find(r * nc + c);
				let k = byRoot.get(root);
				if (k === undefined) {
					k = regions.push({ r0: r, r1: r, c0: c, c1: c, items: [], marks: [] }) - 1;
					byRoot.set(root, k);
				}
				const reg = regions[k];
				reg.r1 = Math.max(reg.r1, r);
				reg.c0 = Math.min(reg.c0, c);
				reg.c1 = Math.max(reg.c1, c);
				cellRegion.push(k);
			}
		// a single box (a framed paragraph) or a single row/column of boxes is not a table
		const rowsUsed = new Set(regions.map((g) => g.r0)).size;
		const colsUsed = new Set(regions.map((g) => g.c0)).size;
		if (regions.length < 4 || rowsUsed < 2 || colsUsed < 2) continue;
		grids.push({ xs, ys, regions, cellRegion });
	}
	return grids.sort((a, b) => b.ys[0] - a.ys[0]);
}

function indexIn(bounds: number[], v: number, descending: boolean): number {
	for (let i = 0; i + 1 < bounds.length; i++) {
		const [hi, lo] = descending ? [bounds[i], bounds[i + 1]] : [bounds[i + 1], bounds[i]];
		if (v <= hi && v >= lo) return i;
	}
	return -1;
}

/** The grid cell holding a point, or undefined outside the grid. */
export function cellAt(g: Grid, x: number, y: number): { r: number; c: number } | undefined {
	const r = indexIn(g.ys, y, true);
	const c = indexIn(g.xs, x, false);
	return r < 0 || c < 0 ? undefined : { r, c };
}

export function centre(t: PdfText): [number, number] {
	return [(t.x0 + t.x1) / 2, (t.y0 + t.y1) / 2];
}

/**
 * Put an item into its grid cell. Returns false when the item is not inside this grid.
 * A horizontal item with digits that reaches past its cell's left or right line into other cells
 * leaves a marker in each of them.
 */
export function place(g: Grid, t: PdfText): boolean {
	const [cx, cy] = centre(t);
	const at = cellAt(g, cx, cy);
	if (!at) return false;
	const nc = g.xs.length - 1;
	const reg = g.regions[g.cellRegion[at.r * nc + at.c]];
	reg.items.push(t);
	if (!t.vertical && !t.rotated && /\d/.test(t.str)) {
		const slack = Math.max(1.5, 0.2 * t.size);
		const left = g.xs[reg.c0];
		const right = g.xs[reg.c1 + 1];
		if (t.x0 < left - slack || t.x1 > right + slack) {
			const hit = new Set<Region>();
			for (let c = 0; c < nc; c++) {
				const overlap = Math.min(t.x1, g.xs[c + 1]) - Math.max(t.x0, g.xs[c]);
				if (overlap > slack) hit.add(g.regions[g.cellRegion[at.r * nc + c]]);
			}
			hit.delete(reg);
			for (const other of hit) other.marks.push(`〔跨格文字：${t.str.trim()}〕`);
		}
	}
	return true;
}
