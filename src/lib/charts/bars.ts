/**
 * Where GroupedBars draws each bar and its value label, computed once per data/scale change. Everything a bar's
 * SVG needs (position, colour, label placement) is in its record, so the component's per-bar markup reads only
 * its own record: at 420 bars, per-bar reads of the shared scales and colours made every filter change walk
 * thousands of reactions.
 */
import { BLANK, formatNumber, textWidth } from './format';
import type { BarDatum } from './types';

export interface BarScales {
	/** Left edge of a group's band (band scale), its width, the value → y map and the plot height (the baseline). */
	x(group: string): number | undefined;
	bandwidth: number;
	y(value: number): number;
	height: number;
	color(series: string): string;
	/** The top of the value axis when it is cut (axiscap.ts): a taller bar reaches the plot's top with a break mark. */
	max?: number;
}

/**
 * The break mark of a cut bar: a white band slanted across it just below its top, wider than the bar by a pixel
 * each side (the axis convention for “this bar does not end here”).
 */
export function breakPath(x: number, w: number, top: number): string {
	const y = top + 12;
	return `M${x - 1},${y + 3}L${x + w + 1},${y - 3}L${x + w + 1},${y + 2}L${x - 1},${y + 8}Z`;
}

/** Height of the strip that marks a zero on the baseline, px. */
export const ZERO_MARK = 3;

export interface BarLayout extends BarDatum {
	x: number;
	w: number;
	/** Top of the bar (the baseline for a blank). */
	top: number;
	h: number;
	/** The plot height: the baseline the bar stands on. */
	base: number;
	fill: string;
	/**
	 * The one rect drawn for a filled value: the bar, or for a zero a 3 px strip on the baseline in the series
	 * colour (a zero is a real value, its place is marked). One element per bar, not a bar plus a mark.
	 */
	rectY: number;
	rectH: number;
	/** Demo bars are hatched: the index of the series' hatch pattern (its colour with white stripes), else -1. */
	hatch: number;
	/** The value label and where it is drawn: upright when wider than the bar's slot, so neighbours never overlap. */
	text: string;
	vertical: boolean;
	/** The label's transform: translate to the point above the bar (cx, top − 4), then rotate when upright. */
	labelAt: string;
	key: string;
	/** Taller than the cut axis: drawn to the top with `breakPath`, its label the full value. */
	cut: boolean;
	breakPath: string;
}

/**
 * Bars grouped by `group`, ordered by `series` inside a group; a group only reserves room for the series it has.
 * Blank values get the label 空白 (or the datum's nullText) at the baseline and no bar.
 */
export function layoutBars(data: readonly BarDatum[], series: readonly string[], s: BarScales, maxBarWidth: number, labelSize: number): BarLayout[] {
	const order = new Map(series.map((k, i) => [k, i]));
	const byGroup = new Map<string, BarDatum[]>();
	for (const d of data) {
		const list = byGroup.get(d.group);
		if (list) list.push(d);
		else byGroup.set(d.group, [d]);
	}
	// each series' hatch pattern: its place in `series`, then one more per series not listed (it has its own colour)
	const patterns = new Map(order);
	const patternOf = (k: string) => {
		let i = patterns.get(k);
		if (i === undefined) patterns.set(k, (i = patterns.size));
		return i;
	};
	const band = s.bandwidth;
	const out: BarLayout[] = [];
	for (const [group, list] of byGroup) {
		list.sort((a, b) => (order.get(a.series) ?? 0) - (order.get(b.series) ?? 0));
		const slot = band / list.length;
		const w = Math.min(maxBarWidth, slot * 0.86);
		const x0 = (s.x(group) ?? 0) + (band - slot * list.length) / 2;
		for (const [i, d] of list.entries()) {
			const x = x0 + i * slot + (slot - w) / 2;
			const cut = s.max !== undefined && d.value !== null && d.value > s.max;
			const top = d.value === null ? s.height : s.y(cut ? (s.max as number) : Math.max(0, d.value));
			const text = d.value === null ? (d.nullText ?? BLANK) : formatNumber(d.value);
			const vertical = textWidth(text, labelSize) > slot - 2;
			const labelAt = `translate(${x + w / 2},${top - 4})${vertical ? ' rotate(-90)' : ''}`;
			const h = s.height - top;
			const zero = d.value === 0;
			const rectY = zero ? s.height - ZERO_MARK : top;
			const rectH = zero ? ZERO_MARK : h;
			const hatch = d.demo && !zero && d.value !== null && h >= 1 ? patternOf(d.series) : -1;
			out.push({ ...d, x, w, top, h, base: s.height, fill: s.color(d.series), rectY, rectH, hatch, text, vertical, labelAt, key: `${group}|${d.series}|${i}`, cut, breakPath: cut ? breakPath(x, w, top) : '' });
		}
	}
	return out;
}
