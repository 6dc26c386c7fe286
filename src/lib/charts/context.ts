/**
 * Chart context in the LayerCake spirit: the frame computes dimensions and scales once and shares them
 * with the small parts (axes, bars) through Svelte context. Read the properties lazily (they are getters),
 * so the parts follow resizes.
 */
import { getContext, setContext } from 'svelte';
import type { ScaleBand, ScaleLinear } from 'd3';
import type { BarDatum } from './types';


export interface Padding {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

export interface ChartContext {
	/** Drawing area inside the padding, in px. */
	readonly width: number;
	readonly height: number;
	readonly padding: Padding;
	/** Band scale of the groups (x). */
	readonly x: ScaleBand<string>;
	/** Linear value scale (y), 0 at the bottom. */
	readonly y: ScaleLinear<number, number>;
	/** The top of the value axis when it is cut (one or two bars dwarf the rest, see axiscap.ts), else undefined. */
	readonly cutAbove: number | undefined;
	/** Colour of a series key (e.g. a year). */
	color(series: string): string;
	/** Unique prefix for ids inside this chart's SVG (patterns, clip paths). */
	readonly uid: string;
	/** Show the tooltip text near the pointer; `untip` hides it. */
	tip(e: PointerEvent, text: string): void;
	untip(): void;
	/** A bar was clicked (drill-down or open its report); undefined when the chart has no click action. */
	readonly activate?: (d: BarDatum) => void;
}

const KEY = Symbol('chart');

export function setChartContext(ctx: ChartContext): void {
	setContext(KEY, ctx);
}

export function getChartContext(): ChartContext {
	const ctx = getContext<ChartContext | undefined>(KEY);
	if (!ctx) throw new Error('chart parts must be placed inside <ChartFrame>');
	return ctx;
}

/** Ticks of a count axis: whole numbers only (no 0.5 件). */
export function integerTicks(y: ScaleLinear<number, number>, count: number): number[] {
	return y.ticks(count).filter((v) => Number.isInteger(v));
}
