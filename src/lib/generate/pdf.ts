/**
 * Report PDFs for demo data, scale data and tests, written with PDFKit (a devDependency: only
 * scripts and tests use this module, never the app) from a ReportSpec, as an office PDF printer
 * lays a report out: A4, the title centred in larger type, the 演示数据 line, section headings and
 * prose with a two-character first-line indent, the three tables of the official layout
 * (src/lib/template via filledLayout) as ruled grids with real merged cells, and a page number at
 * the foot of every page. A table is never split: it starts on a new page when the rest of the page
 * is too short for it, as report writers arrange them. The text is real text in an embedded,
 * subset CJK font (WenQuanYi Micro Hei or Noto Sans CJK, from the system: a CJK font is megabytes,
 * too big for the repo; CI installs fonts-wqy-microhei), so the PDF adapter reads it from the text
 * layer and the ruling lines exactly as it reads published PDFs.
 *
 * The bytes are deterministic for one font file: fixed document dates and file ID.
 */
import { existsSync } from 'node:fs';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import type { LayoutRow } from '../template';
import { SECTION_HEADINGS, filledLayout, paragraphsAfterTitle, type ReportSpec } from './document';

/** System CJK fonts PDFKit can embed (TrueType outlines), in order of preference: file and face. */
export const CJK_FONTS: { path: string; face: string }[] = [
	{ path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', face: 'WenQuanYiMicroHei' },
	{ path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', face: 'WenQuanYiZenHei' },
	{ path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
	{ path: '/System/Library/Fonts/PingFang.ttc', face: 'PingFangSC-Regular' },
	{ path: 'C:\\Windows\\Fonts\\simsun.ttc', face: 'SimSun' }
];

export const NO_CJK_FONT =
	'找不到可嵌入 PDF 的中文字体：生成 PDF 报告需要文泉驿微米黑（Debian/Ubuntu：apt-get install fonts-wqy-microhei），或用 GD_PDF_FONT=字体文件[#字体名] 指定';

/** The CJK font to embed: GD_PDF_FONT (path, or path#face for a collection) or the first system font found. */
export function cjkFont(): { path: string; face?: string } | undefined {
	const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.GD_PDF_FONT;
	if (env) {
		const [path, face] = env.split('#');
		return existsSync(path) ? { path, face } : undefined;
	}
	return CJK_FONTS.find((f) => existsSync(f.path));
}

export interface PdfBuildOptions {
	/** Author written into the document information (default 'test'). */
	creator?: string;
	/** The font to embed (default cjkFont()). */
	font?: { path: string; face?: string };
}

/**
 * Fonts opened once per process and handed to every document: a CJK collection is megabytes, and
 * fontkit decodes its tables (cmap, metrics) lazily into the font object, which is most of the cost
 * of a document when each one opens the file afresh (160 → 60 ms a report here).
 */
const fontCache = new Map<string, fontkit.Font>();
function openFont(path: string, face?: string): fontkit.Font {
	const key = `${path}#${face ?? ''}`;
	let f = fontCache.get(key);
	if (!f) {
		const opened = fontkit.openSync(path, face);
		if (!('layout' in opened)) throw new Error(`${path}：是字体集合，需要指定字体名（GD_PDF_FONT=文件#字体名）`);
		fontCache.set(key, (f = opened));
	}
	return f;
}

const FIXED_TIME = new Date('2025-01-01T00:00:00Z');
const PAGE = { width: 595.28, height: 841.89, left: 62, right: 62, top: 72, bottom: 72 };
const BODY = 11;
const TITLE = 16;
const CELL = 9;
const PAD = 3;
const MIN_ROW = 18;

/** Grid columns of a table (its first row spans them all). */
const gridWidth = (layout: LayoutRow[]) => layout[0].reduce((a, c) => a + (c.colspan ?? 1), 0);

/**
 * Column widths (pt) of each table, left to right: label columns wide enough for the longest label
 * on two or three lines, value columns share the rest. t3's first column holds 三、本年度办理结果
 * down 22 rows; its second the group labels （三）不予公开 …
 */
function columnWidths(width: number, total: number): number[] {
	const labels = width === 10 ? [44, 70, 150] : width === 15 ? [] : [170];
	const rest = (total - labels.reduce((a, b) => a + b, 0)) / (width - labels.length);
	return [...labels, ...Array.from({ length: width - labels.length }, () => rest)];
}

interface Placed {
	text: string;
	row: number;
	col: number;
	rows: number;
	cols: number;
	value: boolean;
}

/** Every cell with the grid row and column it starts at (columns covered by a rowspan from above are skipped). */
function placeCells(layout: LayoutRow[], width: number): Placed[] {
	const taken = layout.map(() => new Array<boolean>(width).fill(false));
	const out: Placed[] = [];
	layout.forEach((row, ri) => {
		let col = 0;
		for (const cell of row) {
			while (col < width && taken[ri][col]) col++;
			const rows = cell.rowspan ?? 1;
			const cols = cell.colspan ?? 1;
			for (let r = ri; r < ri + rows && r < layout.length; r++) for (let c = col; c < col + cols; c++) taken[r][c] = true;
			out.push({ text: cell.text, row: ri, col, rows, cols, value: !!cell.id });
			col += cols;
		}
	});
	return out;
}

type Doc = InstanceType<typeof PDFDocument>;

/** Row heights: each row as tall as its tallest one-row cell; a merged cell that needs more makes its last row taller. */
function rowHeights(doc: Doc, cells: Placed[], xs: number[], n: number): number[] {
	const h = new Array<number>(n).fill(MIN_ROW);
	const need = (c: Placed) => (c.value ? CELL * 1.2 : doc.heightOfString(c.text || ' ', { width: xs[c.col + c.cols] - xs[c.col] - 2 * PAD })) + 2 * PAD + 2;
	for (const c of cells) if (c.rows === 1) h[c.row] = Math.max(h[c.row], need(c));
	for (const c of cells) {
		if (c.rows === 1) continue;
		const have = h.slice(c.row, c.row + c.rows).reduce((a, b) => a + b, 0);
		const want = need(c);
		if (want > have) h[c.row + c.rows - 1] += want - have;
	}
	return h;
}

/** A table laid out: its cells, column lines (x) and row lines (y from the table's top), measured once, drawn later. */
interface TableGeometry {
	cells: Placed[];
	xs: number[];
	ys: number[];
	height: number;
}

function tableGeometry(doc: Doc, layout: LayoutRow[]): TableGeometry {
	const width = gridWidth(layout);
	const xs = columnWidths(width, PAGE.width - PAGE.left - PAGE.right).reduce((acc, w) => [...acc, acc[acc.length - 1] + w], [PAGE.left]);
	const cells = placeCells(layout, width);
	doc.fontSize(CELL);
	const ys = rowHeights(doc, cells, xs, layout.length).reduce((acc, h) => [...acc, acc[acc.length - 1] + h], [0]);
	return { cells, xs, ys, height: ys[ys.length - 1] };
}

/** Draw a laid-out table with its top at `top`. */
function drawTable(doc: Doc, { cells, xs, ys }: TableGeometry, top: number): void {
	doc.fontSize(CELL).lineWidth(0.5);
	for (const c of cells) {
		const x0 = xs[c.col];
		const x1 = xs[c.col + c.cols];
		const y0 = top + ys[c.row];
		const y1 = top + ys[c.row + c.rows];
		doc.rect(x0, y0, x1 - x0, y1 - y0).stroke();
		if (!c.text) continue;
		const w = x1 - x0 - 2 * PAD;
		// a number is never wrapped: set smaller until it fits on one line, as a clerk would
		if (c.value) {
			let size = CELL;
			while (size > 4 && doc.fontSize(size).widthOfString(c.text) > w) size -= 0.5;
			const tw = doc.widthOfString(c.text);
			doc.text(c.text, x0 + (x1 - x0 - tw) / 2, y0 + (y1 - y0 - doc.currentLineHeight()) / 2, { lineBreak: false });
			doc.fontSize(CELL);
			continue;
		}
		const th = doc.heightOfString(c.text, { width: w });
		doc.text(c.text, x0 + PAD, y0 + (y1 - y0 - th) / 2, { width: w, align: c.cols > 1 || c.rows > 1 ? 'center' : 'left' });
	}
}

/** A report as PDF bytes: title, demo line, the six sections with their prose, the three tables. */
export function buildPdf(spec: ReportSpec, options: PdfBuildOptions = {}): Promise<Uint8Array> {
	const font = options.font ?? cjkFont();
	if (!font) return Promise.reject(new Error(NO_CJK_FONT));
	const doc = new PDFDocument({
		size: 'A4',
		margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
		info: { Title: spec.title, Author: options.creator ?? 'test', Producer: 'gov-disclosure generator', Creator: options.creator ?? 'test', CreationDate: FIXED_TIME, ModDate: FIXED_TIME },
		autoFirstPage: true,
		bufferPages: true
	});
	doc.registerFont('cjk', openFont(font.path, font.face) as never);
	doc.font('cjk');
	const chunks: Uint8Array[] = [];
	const done = new Promise<Uint8Array>((resolve, reject) => {
		doc.on('data', (c: Uint8Array) => chunks.push(c));
		doc.on('end', () => {
			const out = new Uint8Array(chunks.reduce((a, c) => a + c.length, 0));
			let at = 0;
			for (const c of chunks) (out.set(c, at), (at += c.length));
			resolve(out);
		});
		doc.on('error', reject);
	});
	const textWidth = PAGE.width - PAGE.left - PAGE.right;
	const paragraph = (text: string) => {
		doc.fontSize(BODY).text(text, PAGE.left, undefined, { width: textWidth, indent: 2 * BODY, lineGap: 4, paragraphGap: 4 });
	};
	doc.fontSize(TITLE).text(spec.title, PAGE.left, PAGE.top, { width: textWidth, align: 'center', lineGap: 6 });
	doc.moveDown(0.5);
	for (const p of paragraphsAfterTitle(spec)) paragraph(p);
	const foot = PAGE.height - PAGE.bottom;
	for (const [key, heading, table] of SECTION_HEADINGS) {
		const prose = spec.prose[key] ?? [];
		const grid = table && tableGeometry(doc, filledLayout(spec, table));
		// a heading stays with its table when nothing comes between them
		if (grid && !prose.length && doc.y + 2 * BODY + grid.height > foot) doc.addPage();
		paragraph(heading);
		for (const p of prose) paragraph(p);
		if (!grid) continue;
		doc.moveDown(0.3);
		if (doc.y + grid.height > foot) doc.addPage();
		const top = doc.y;
		drawTable(doc, grid, top);
		doc.x = PAGE.left;
		doc.y = top + grid.height + BODY;
	}
	// page numbers in the foot margin, as printed reports have them
	const range = doc.bufferedPageRange();
	for (let i = range.start; i < range.start + range.count; i++) {
		doc.switchToPage(i);
		doc.page.margins.bottom = 0; // else PDFKit starts a new page for text below the margin
		doc.fontSize(10).text(`— ${i + 1} —`, PAGE.left, PAGE.height - PAGE.bottom / 2, { width: textWidth, align: 'center', lineBreak: false });
	}
	doc.end();
	return done;
}
