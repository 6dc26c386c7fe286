/**
 * Ruling lines of a PDF page from pdfjs's operator list: every visible axis-aligned stroke, the
 * edges of stroked rectangles, and hair-thin filled rectangles (how many generators draw borders),
 * in PDF user space (y up), with the transformation matrix tracked through save/restore/cm and
 * form XObjects. Curves, clip paths and cell backgrounds are ignored.
 */

/** A horizontal (y fixed, from a to b) or vertical (x fixed) ruling line. */
export interface Segment {
	dir: 'h' | 'v';
	/** The fixed coordinate: y of a horizontal line, x of a vertical one. */
	at: number;
	a: number;
	b: number;
}

type Matrix = [number, number, number, number, number, number];

/** The operator codes used here (a subset of pdfjs's OPS, passed in to keep this module pdfjs-free). */
export interface OpCodes {
	save: number;
	restore: number;
	transform: number;
	constructPath: number;
	stroke: number;
	closeStroke: number;
	fill: number;
	eoFill: number;
	fillStroke: number;
	eoFillStroke: number;
	closeFillStroke: number;
	closeEOFillStroke: number;
	paintFormXObjectBegin: number;
	paintFormXObjectEnd: number;
	setStrokeRGBColor: number;
	setFillRGBColor: number;
	showText: number;
	showSpacedText: number;
}

/** pdfjs DrawOPS codes inside a constructPath's path data. */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/** Filled rectangles thinner than this (pt) are lines. */
const THIN = 2.5;
/** Shorter lines are ignored (tick marks, underlines of single characters). */
const MIN_LEN = 3;

function mul(m: Matrix, n: Matrix): Matrix {
	return [
		m[0] * n[0] + m[1] * n[2],
		m[0] * n[1] + m[1] * n[3],
		m[2] * n[0] + m[3] * n[2],
		m[2] * n[1] + m[3] * n[3],
		m[4] * n[0] + m[5] * n[2] + n[4],
		m[4] * n[1] + m[5] * n[3] + n[5]
	];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
	return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

function isWhite(color: unknown): boolean {
	return typeof color === 'string' && /^#f[a-f0-9]f[a-f0-9]f[a-f0-9]$/i.test(color);
}

/** A segment if p→q is axis-aligned (within 0.5 pt) and long enough. */
function segmentOf(p: [number, number], q: [number, number]): Segment | undefined {
	const dx = Math.abs(p[0] - q[0]);
	const dy = Math.abs(p[1] - q[1]);
	if (dy <= 0.5 && dx >= MIN_LEN) return { dir: 'h', at: (p[1] + q[1]) / 2, a: Math.min(p[0], q[0]), b: Math.max(p[0], q[0]) };
	if (dx <= 0.5 && dy >= MIN_LEN) return { dir: 'v', at: (p[0] + q[0]) / 2, a: Math.min(p[1], q[1]), b: Math.max(p[1], q[1]) };
	return undefined;
}

/** Subpaths of a pdfjs path buffer as point lists (in page space); curved subpaths are dropped. */
function subpaths(data: ArrayLike<number>, m: Matrix): { pts: [number, number][]; closed: boolean }[] {
	const out: { pts: [number, number][]; closed: boolean; curved: boolean }[] = [];
	let cur: { pts: [number, number][]; closed: boolean; curved: boolean } | undefined;
	for (let i = 0; i < data.length; ) {
		const op = data[i++];
		if (op === MOVE) {
			cur = { pts: [apply(m, data[i], data[i + 1])], closed: false, curved: false };
			out.push(cur);
			i += 2;
		} else if (op === LINE) {
			cur?.pts.push(apply(m, data[i], data[i + 1]));
			i += 2;
		} else if (op === CURVE) {
			if (cur) cur.curved = true;
			i += 6;
		} else if (op === QUAD) {
			if (cur) cur.curved = true;
			i += 4;
		} else if (op === CLOSE) {
			if (cur) cur.closed = true;
		} else break; // unknown code: stop rather than misread coordinates
	}
	return out.filter((s) => !s.curved);
}

/**
 * How many text-drawing operations on a page drew no glyph at all: pdfjs leaves the glyph list empty
 * when the font cannot be loaded (it substitutes its error font) or none of the string's codes maps to
 * a glyph, i.e. when the font or the content stream is damaged. The corpus PDFs have none.
 */
export function lostTextOps(fnArray: number[], argsArray: unknown[], OPS: OpCodes): number {
	let lost = 0;
	fnArray.forEach((fn, i) => {
		if (fn !== OPS.showText && fn !== OPS.showSpacedText) return;
		const glyphs = (argsArray[i] as unknown[] | null)?.[0];
		if (Array.isArray(glyphs) && glyphs.length === 0) lost++;
	});
	return lost;
}

/** Ruling lines drawn on a page. */
export function rulingLines(fnArray: number[], argsArray: unknown[], OPS: OpCodes): Segment[] {
	const out: Segment[] = [];
	const stack: { m: Matrix; stroke: unknown; fill: unknown }[] = [];
	let m: Matrix = [1, 0, 0, 1, 0, 0];
	let stroke: unknown = '#000000';
	let fill: unknown = '#000000';
	const strokeOps = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
	const fillOps = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);

	for (let k = 0; k < fnArray.length; k++) {
		const fn = fnArray[k];
		const args = argsArray[k] as unknown[] | null;
		if (fn === OPS.save) stack.push({ m, stroke, fill });
		else if (fn === OPS.restore) {
			const s = stack.pop();
			if (s) ({ m, stroke, fill } = s);
		} else if (fn === OPS.transform && args) m = mul(args as Matrix, m);
		else if (fn === OPS.paintFormXObjectBegin && args) {
			stack.push({ m, stroke, fill });
			if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) m = mul(Array.from(args[0] as ArrayLike<number>) as Matrix, m);
		} else if (fn === OPS.paintFormXObjectEnd) {
			const s = stack.pop();
			if (s) ({ m, stroke, fill } = s);
		} else if (fn === OPS.setStrokeRGBColor && args) stroke = args[0];
		else if (fn === OPS.setFillRGBColor && args) fill = args[0];
		else if (fn === OPS.constructPath && args) {
			const paint = args[0] as number;
			const data = (args[1] as unknown[] | undefined)?.[0] as ArrayLike<number> | undefined;
			if (!data || typeof data.length !== 'number') continue;
			const stroked = strokeOps.has(paint) && !isWhite(stroke);
			const filled = fillOps.has(paint) && !isWhite(fill);
			if (!stroked && !filled) continue;
			for (const sp of subpaths(data, m)) {
				const pts = sp.closed && sp.pts.length > 1 ? [...sp.pts, sp.pts[0]] : sp.pts;
				if (stroked)
					for (let i = 1; i < pts.length; i++) {
						const s = segmentOf(pts[i - 1], pts[i]);
						if (s) out.push(s);
					}
				if (filled && !stroked) {
					const s = thinRect(sp.pts);
					if (s) out.push(s);
				}
			}
		}
	}
	return out;
}

/** A filled axis-aligned rectangle (or degenerate 2-point path) thin enough to be a line. */
function thinRect(pts: [number, number][]): Segment | undefined {
	if (pts.length < 2 || pts.length > 5) return undefined;
	const xs = pts.map((p) => p[0]);
	const ys = pts.map((p) => p[1]);
	const x0 = Math.min(...xs);
	const x1 = Math.max(...xs);
	const y0 = Math.min(...ys);
	const y1 = Math.max(...ys);
	// only rectangles: every point on the bounding box's corners
	const corner = (p: [number, number]) => (Math.abs(p[0] - x0) < 0.5 || Math.abs(p[0] - x1) < 0.5) && (Math.abs(p[1] - y0) < 0.5 || Math.abs(p[1] - y1) < 0.5);
	if (!pts.every(corner)) return undefined;
	const w = x1 - x0;
	const h = y1 - y0;
	if (h <= THIN && w >= MIN_LEN && w > 2 * h) return { dir: 'h', at: (y0 + y1) / 2, a: x0, b: x1 };
	if (w <= THIN && h >= MIN_LEN && h > 2 * w) return { dir: 'v', at: (x0 + x1) / 2, a: y0, b: y1 };
	return undefined;
}
