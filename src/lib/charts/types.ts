/** Data shapes the chart parts take. Kept free of database types so any query can feed a chart. */

export interface ChartGroup {
	/** Unique key of the group on the x axis (e.g. the full body name). */
	key: string;
	/** Label printed under the group (e.g. the township). */
	label: string;
	/** Optional second, grey line under the label (e.g. the county). */
	sub?: string | null;
	/** Hover text of the label (default: the key). */
	title?: string;
	/** Said in a group that has no bars (default 无此项; 未报 for a year without a report). */
	emptyText?: string;
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
	/** Text shown instead of a null value: 空白 (blank in the report, the default) or e.g. 无此项 (not in this format). */
	nullText?: string;
	/** Where a click on the bar leads (the report page). */
	href?: string;
}

/** A bar chart's input, ready to draw. */
export interface BarChartData {
	groups: ChartGroup[];
	series: ChartSeries[];
	data: BarDatum[];
}
