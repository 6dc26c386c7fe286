/** Data shapes the chart parts take. Kept free of database types so any query can feed a chart. */

export interface ChartGroup {
	/** Unique key of the group on the x axis (e.g. the full body name). */
	key: string;
	/** Label printed under the group (e.g. the township). */
	label: string;
	/** Optional second, grey line under the label (e.g. the county). */
	sub?: string | null;
}

export interface ChartSeries {
	key: string;
	label: string;
}

export interface BarDatum {
	group: string;
	series: string;
	/** null = blank in the source: drawn as the word 空白, never as a 0 bar. */
	value: number | null;
	/** Demo data is hatched. */
	demo?: boolean;
	/** Tooltip text (SVG <title>). */
	tooltip: string;
	/** Extra data-* attributes for tests and tools, e.g. { body, year }. */
	data?: Record<string, string>;
}
