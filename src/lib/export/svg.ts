/**
 * The exported chart as one standalone SVG: a white background, a header (title, unit), the legend, the chart's
 * own SVG parts placed as they are on screen, and a footer (filters, source with 演示数据 marked, date).
 * Pure string building (the DOM capture is in capture.ts), so the layout is tested in Node.
 */
import { stampLines, type Stamp } from './stamp';

export const FONT_STACK = '"Noto Sans CJK SC","WenQuanYi Micro Hei","PingFang SC","Microsoft YaHei",sans-serif';
const SVG_NS = 'http://www.w3.org/2000/svg';

/** A serialized <svg> of the chart placed at x, y (its own width/height). */
export interface PlacedSvg {
	x: number;
	y: number;
	width: number;
	height: number;
	markup: string;
}

/** An HTML text of the chart (e.g. a small-multiple's heading) drawn as SVG text; y is the top of the line. */
export interface PlacedText {
	x: number;
	y: number;
	text: string;
	size: number;
	bold?: boolean;
	color?: string;
}

export interface LegendItem {
	label: string;
	/** Swatch colour (series). */
	color?: string;
	/** Hatched swatch (demo data). */
	hatch?: boolean;
	/** A word as the key (空白, 未报 …). */
	key?: string;
}

export interface ChartContent {
	parts: PlacedSvg[];
	texts: PlacedText[];
	width: number;
	height: number;
}

const MARGIN = 24;
const MIN_WIDTH = 560;

export function escapeXml(s: string): string {
	return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Rough text width: CJK and full-width characters 1 em, others 0.6 em. */
export function textWidth(s: string, size: number): number {
	let w = 0;
	for (const ch of s) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.6;
	return w * size;
}

/** Lines of at most `width` px (breaks anywhere: Chinese has no spaces). */
export function wrapText(s: string, width: number, size: number): string[] {
	const out: string[] = [];
	let line = '';
	for (const ch of s) {
		if (line && textWidth(line + ch, size) > width) {
			out.push(line);
			line = '';
		}
		line += ch;
	}
	if (line) out.push(line);
	return out;
}

const r1 = (n: number) => Math.round(n * 10) / 10;

function text(x: number, y: number, s: string, size: number, fill: string, bold = false): string {
	return `<text x="${r1(x)}" y="${r1(y)}" font-size="${size}"${bold ? ' font-weight="bold"' : ''} fill="${fill}">${escapeXml(s)}</text>`;
}

/** Legend items flowed into lines; returns the markup and its height. */
function legendMarkup(items: LegendItem[], x0: number, y0: number, width: number): { markup: string; height: number } {
	if (!items.length) return { markup: '', height: 0 };
	const size = 12;
	const lineH = 20;
	let x = x0;
	let y = y0;
	const out: string[] = [];
	for (const it of items) {
		const keyW = it.key ? textWidth(it.key, size) + 8 : 14;
		const w = keyW + 6 + textWidth(it.label, size) + 16;
		if (x > x0 && x + w > x0 + width) {
			x = x0;
			y += lineH;
		}
		if (it.key) {
			out.push(`<rect x="${r1(x)}" y="${r1(y + 1)}" width="${r1(keyW)}" height="15" fill="#f5f5f5" stroke="#bdbdbd"/>`);
			out.push(text(x + 4, y + 13, it.key, size, '#595959'));
		} else if (it.hatch) {
			out.push(`<rect x="${r1(x)}" y="${r1(y + 2)}" width="14" height="14" fill="#737373"/>`);
			out.push(`<rect x="${r1(x)}" y="${r1(y + 2)}" width="14" height="14" fill="url(#export-hatch)"/>`);
		} else {
			out.push(`<rect x="${r1(x)}" y="${r1(y + 2)}" width="14" height="14" fill="${escapeXml(it.color ?? '#737373')}"/>`);
		}
		out.push(text(x + keyW + 6, y + 14, it.label, size, '#262626'));
		x += w;
	}
	return { markup: out.join(''), height: y - y0 + lineH + 6 };
}

/** The standalone SVG text and its size in CSS px. */
export function composeSvg(stamp: Stamp, legend: LegendItem[], content: ChartContent): { svg: string; width: number; height: number } {
	const width = Math.ceil(Math.max(MIN_WIDTH, content.width + 2 * MARGIN));
	const inner = width - 2 * MARGIN;
	const lines = stampLines(stamp);
	const out: string[] = [];
	let y = MARGIN;
	// header: the title (bold, wrapped), then the unit
	for (const l of wrapText(lines.header[0], inner, 18)) {
		out.push(text(MARGIN, y + 18, l, 18, '#111111', true));
		y += 26;
	}
	for (const l of lines.header.slice(1)) {
		out.push(text(MARGIN, y + 13, l, 13, '#404040'));
		y += 20;
	}
	y += 6;
	const lg = legendMarkup(legend, MARGIN, y, inner);
	out.push(lg.markup);
	y += lg.height;
	const top = y;
	for (const p of content.parts) {
		// the part's own markup is a complete <svg>; nested, it is placed with x/y
		const placed = p.markup.replace(/^<svg\b/, `<svg x="${r1(MARGIN + p.x)}" y="${r1(top + p.y)}"`);
		out.push(placed);
	}
	for (const t of content.texts) out.push(text(MARGIN + t.x, top + t.y + t.size, t.text, t.size, t.color ?? '#262626', t.bold));
	y = top + content.height + 12;
	out.push(`<line x1="${MARGIN}" x2="${width - MARGIN}" y1="${r1(y)}" y2="${r1(y)}" stroke="#d4d4d4"/>`);
	y += 8;
	for (const f of lines.footer) {
		for (const l of wrapText(f, inner, 12)) {
			out.push(text(MARGIN, y + 12, l, 12, '#404040'));
			y += 18;
		}
	}
	const height = Math.ceil(y + MARGIN - 6);
	const svg =
		`<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT_STACK)}">` +
		`<title>${escapeXml(stamp.title)}</title>` +
		`<defs><pattern id="export-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
		`<line y2="6" stroke="white" stroke-width="2.2" stroke-opacity="0.75"/></pattern></defs>` +
		`<rect width="${width}" height="${height}" fill="white"/>` +
		out.join('') +
		`</svg>`;
	return { svg, width, height };
}
