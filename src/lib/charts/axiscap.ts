import { stackTotals } from './chartdata';
import type { BarDatum, ChartGroup, ChartSeries } from './types';

/**
 * A value axis cut above the rest when one or two bars dwarf every other (淮安市人民政府 3,153 件 beside townships
 * of 0–30 件: drawn to one scale, every other bar is a sliver). The cut bars reach the top of the plot with a
 * break mark and their full value as label, the others keep one true scale, and the chart says so in a note.
 */

/** A bar is cut when it is at least this many times the tallest bar left standing. */
export const CAP_RATIO = 4;
/** At most this many bars are cut (more than that is a distribution, not an outlier). */
export const CAP_MAX_CUT = 2;
/** Bars that must stay whole: with fewer, there is nothing to compare the outlier against but itself. */
export const CAP_MIN_KEPT = 3;

export interface AxisCap {
	/** The tallest bar drawn to scale: the axis runs to just above it. */
	cap: number;
	/** How many bars are taller than the axis (drawn cut). */
	cut: number;
}

/**
 * The cap for these bar heights (grouped: each value; stacked: each stack's total), or null when one scale
 * shows every bar well: the cut bars must each be ≥ CAP_RATIO × the tallest bar left, which must be above 0.
 */
export function axisCap(heights: readonly number[]): AxisCap | null {
	const h = heights.filter((v) => Number.isFinite(v) && v > 0).sort((a, b) => b - a);
	for (let k = 1; k <= CAP_MAX_CUT; k++) {
		const kept = h.length - k;
		if (kept < CAP_MIN_KEPT) break;
		if (h[k - 1] >= CAP_RATIO * h[k]) return { cap: h[k], cut: k };
	}
	return null;
}

/** A cut bar as the chart's note names it: its group's label (and series, for grouped bars) and its height. */
export interface CutBar {
	label: string;
	value: number;
}

type Datum = Pick<BarDatum, 'group' | 'series' | 'value'>;
type Labelled = Pick<ChartGroup | ChartSeries, 'key' | 'label'>;

/** Each bar's height: a stack's total of its filled segments, or each grouped bar's value. */
function heightsOf(data: readonly Datum[], stacked: boolean): { group: string; series: string | null; value: number }[] {
	if (!stacked) return data.filter((d) => d.value !== null).map((d) => ({ group: d.group, series: d.series, value: d.value as number }));
	return [...stackTotals(data)].map(([group, value]) => ({ group, series: null, value }));
}

/**
 * The cap of a bar chart's data and the bars it cuts, tallest first, named by their group's label (and series'
 * label when a group has several bars), or null when one scale shows every bar.
 */
export function chartCap(
	data: readonly Datum[],
	stacked: boolean,
	groups: readonly Labelled[],
	series: readonly Labelled[]
): (AxisCap & { bars: CutBar[] }) | null {
	const hs = heightsOf(data, stacked);
	const c = axisCap(hs.map((h) => h.value));
	if (!c) return null;
	const label = (list: readonly Labelled[], key: string) => list.find((x) => x.key === key)?.label ?? key;
	const several = new Set(hs.map((h) => h.series)).size > 1;
	const bars = hs
		.filter((h) => h.value > c.cap)
		.sort((a, b) => b.value - a.value)
		.map((h) => ({ label: label(groups, h.group) + (several && h.series !== null ? ` ${label(series, h.series)}` : ''), value: h.value }));
	return { ...c, bars };
}
