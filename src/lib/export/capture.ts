/**
 * Reads a chart off the page for export: every visible <svg> inside the chart area, cloned with the computed
 * styles that matter inlined (the page's CSS does not travel with the file), placed where it sits on screen
 * (a plot that scrolls sideways is taken whole), plus the HTML texts marked data-export-text, and the legend.
 */
import { FONT_STACK, type ChartContent, type LegendItem, type PlacedSvg, type PlacedText } from './svg';

const STYLE_PROPS = [
	'fill',
	'fill-opacity',
	'stroke',
	'stroke-width',
	'stroke-dasharray',
	'stroke-opacity',
	'opacity',
	'font-size',
	'font-weight',
	'text-anchor',
	'dominant-baseline',
	'visibility',
	'display',
	'shape-rendering'
];

/**
 * The computed styles are written as SVG presentation attributes (fill="…", font-size="…"), not as a style
 * attribute: setting style="…" is an inline style, which the page's Content-Security-Policy blocks.
 */
function inlineStyles(src: Element, dst: Element): void {
	const cs = getComputedStyle(src);
	for (const p of STYLE_PROPS) {
		const v = cs.getPropertyValue(p);
		if (v && v !== 'normal' && v !== 'auto') dst.setAttribute(p, v);
	}
	if (src.tagName.toLowerCase() === 'text' || src.tagName.toLowerCase() === 'tspan') dst.setAttribute('font-family', FONT_STACK);
	dst.removeAttribute('style');
	dst.removeAttribute('class');
	const a = src.children;
	const b = dst.children;
	for (let i = 0; i < a.length && i < b.length; i++) inlineStyles(a[i], b[i]);
}

function serialize(svg: SVGSVGElement, width: number, height: number): string {
	const clone = svg.cloneNode(true) as SVGSVGElement;
	inlineStyles(svg, clone);
	clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	clone.setAttribute('width', String(width));
	clone.setAttribute('height', String(height));
	if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
	for (const a of ['role', 'aria-labelledby', 'aria-hidden', 'tabindex']) clone.removeAttribute(a);
	// hover texts and accessible names are not drawn
	clone.querySelectorAll('title, desc').forEach((e) => e.remove());
	return new XMLSerializer().serializeToString(clone);
}

/** The horizontal scroll of the nearest scrolling ancestor inside `root` (0 when none). */
function scrollOf(el: Element, root: Element): number {
	for (let p = el.parentElement; p && p !== root; p = p.parentElement) if (p.scrollLeft) return p.scrollLeft;
	return 0;
}

/**
 * Small multiples (elements marked data-export-group) are captured one by one and laid out again in the same
 * columns, each column as wide as its widest chart: a plot that scrolls sideways on screen is taken whole and must
 * not run into its neighbour.
 */
export function captureChart(area: HTMLElement): ChartContent {
	const groups = [...area.querySelectorAll<HTMLElement>('[data-export-group]')].filter((g) => g.getBoundingClientRect().width > 0);
	if (!groups.length) return captureFlat(area);
	const boxes = groups.map((g) => g.getBoundingClientRect());
	const lefts = [...new Set(boxes.map((b) => Math.round(b.left)))].sort((a, b) => a - b);
	const tops = [...new Set(boxes.map((b) => Math.round(b.top)))].sort((a, b) => a - b);
	const cells = groups.map((g, i) => ({ col: lefts.indexOf(Math.round(boxes[i].left)), row: tops.indexOf(Math.round(boxes[i].top)), c: captureFlat(g) }));
	const GAP = 24;
	const colW = lefts.map((_, k) => Math.max(0, ...cells.filter((x) => x.col === k).map((x) => x.c.width)));
	const rowH = tops.map((_, k) => Math.max(0, ...cells.filter((x) => x.row === k).map((x) => x.c.height)));
	const colX = colW.map((_, k) => colW.slice(0, k).reduce((a, w) => a + w + GAP, 0));
	const rowY = rowH.map((_, k) => rowH.slice(0, k).reduce((a, h) => a + h + GAP, 0));
	const out: ChartContent = { parts: [], texts: [], width: 0, height: 0 };
	for (const { col, row, c } of cells) {
		const dx = colX[col];
		const dy = rowY[row];
		out.parts.push(...c.parts.map((p) => ({ ...p, x: p.x + dx, y: p.y + dy })));
		out.texts.push(...c.texts.map((t) => ({ ...t, x: t.x + dx, y: t.y + dy })));
	}
	out.width = colX[colX.length - 1] + colW[colW.length - 1];
	out.height = rowY[rowY.length - 1] + rowH[rowH.length - 1];
	return out;
}

function captureFlat(area: HTMLElement): ChartContent {
	const box = area.getBoundingClientRect();
	const parts: PlacedSvg[] = [];
	let width = 0;
	let height = 0;
	for (const svg of area.querySelectorAll('svg')) {
		if (svg.parentElement?.closest('svg')) continue; // nested: travels with its parent
		const r = svg.getBoundingClientRect();
		const w = Number(svg.getAttribute('width')) || r.width;
		const h = Number(svg.getAttribute('height')) || r.height;
		if (!w || !h || !svg.childElementCount) continue;
		const x = r.left - box.left + scrollOf(svg, area);
		const y = r.top - box.top;
		parts.push({ x, y, width: w, height: h, markup: serialize(svg, w, h) });
		width = Math.max(width, x + w);
		height = Math.max(height, y + h);
	}
	const texts: PlacedText[] = [];
	for (const el of area.querySelectorAll<HTMLElement>('[data-export-text]')) {
		const r = el.getBoundingClientRect();
		if (!r.width) continue;
		const cs = getComputedStyle(el);
		const t = el.dataset.exportText || el.textContent?.trim() || '';
		if (!t) continue;
		const size = parseFloat(cs.fontSize) || 13;
		texts.push({ x: r.left - box.left, y: r.top - box.top, text: t, size, bold: Number(cs.fontWeight) >= 600, color: cs.color });
		height = Math.max(height, r.bottom - box.top);
		width = Math.max(width, r.left - box.left + Math.min(r.width, 400));
	}
	// start at the top-left of what was captured (HTML above the chart, e.g. a heading, is not drawn)
	const x0 = Math.min(...parts.map((p) => p.x), ...texts.map((t) => t.x));
	const y0 = Math.min(...parts.map((p) => p.y), ...texts.map((t) => t.y));
	if (!parts.length || !(x0 > 0 || y0 > 0)) return { parts, texts, width, height };
	const dx = Math.max(0, x0);
	const dy = Math.max(0, y0);
	return {
		parts: parts.map((p) => ({ ...p, x: p.x - dx, y: p.y - dy })),
		texts: texts.map((t) => ({ ...t, x: t.x - dx, y: t.y - dy })),
		width: width - dx,
		height: height - dy
	};
}

/** The legend items of an HTML legend (ul > li with a .swatch or a .blank-key). */
export function captureLegend(legend: HTMLElement | null): LegendItem[] {
	if (!legend) return [];
	return [...legend.querySelectorAll('li')].map((li) => {
		const swatch = li.querySelector<HTMLElement>('.swatch');
		const key = li.querySelector<HTMLElement>('.blank-key');
		const label = [...li.childNodes]
			.filter((n) => n !== swatch && n !== key)
			.map((n) => n.textContent ?? '')
			.join('')
			.trim();
		if (key) return { label, key: key.textContent?.trim() ?? '' };
		if (swatch?.classList.contains('hatch')) return { label, hatch: true };
		return { label, color: swatch ? getComputedStyle(swatch).backgroundColor : undefined };
	});
}
