/**
 * Report rows → bar chart input. A segment is one measure of a report (a cell or a sum of cells); the two views
 * every page offers are built from the same segments:
 *  - one year, bodies side by side (`compareData`: one group per report);
 *  - per body across years (`panelData`: one small chart per body, years along x).
 * A segment that does not apply to a report's format is left out of that report's group (never drawn as 0);
 * a blank value is kept as null (drawn as 空白).
 */
import type { ReportRef } from '$lib/db/queries';
import { bodyLabel, sortRows } from './bodies';
import { formatNumber, formatYear } from './format';
import type { BarChartData, BarDatum, ChartSeries } from './types';

export interface Segment<R> {
	key: string;
	label: string;
	value(r: R): number | null;
	/** False when the report's format has no such cell (default: always applies). */
	applies?(r: R): boolean;
}

export interface DatumOptions<R> {
	unit: string;
	href?(r: R): string;
	/** Extra words in the tooltip after the value. */
	note?(r: R, s: Segment<R>): string;
}

export function datumOf<R extends ReportRef>(r: R, s: Segment<R>, group: string, o: DatumOptions<R>): BarDatum {
	const v = s.value(r);
	const note = o.note?.(r, s) ?? '';
	return {
		group,
		series: s.key,
		value: v,
		demo: r.demo,
		tooltip: `${bodyLabel(r)} · ${formatYear(r.year)} · ${s.label}：${v === null ? '空白（报告未填写）' : `${formatNumber(v)} ${o.unit}`}${note}${r.demo ? '（演示数据）' : '（真实报告）'}`,
		data: { report: r.reportId, body: r.body, year: r.year === null ? '' : String(r.year), series: s.key },
		href: o.href?.(r)
	};
}

const applies = <R>(s: Segment<R>, r: R) => (s.applies ? s.applies(r) : true);

/** Segments used by at least one of the rows (the legend shows only these). */
export function usedSegments<R>(rows: R[], segs: Segment<R>[]): Segment<R>[] {
	return segs.filter((s) => rows.some((r) => applies(s, r)));
}

export function seriesOf<R>(segs: Segment<R>[]): ChartSeries[] {
	return segs.map((s) => ({ key: s.key, label: s.label }));
}

/** One group per report (one year, bodies side by side), in body order. */
export function compareData<R extends ReportRef>(rows: R[], segs: Segment<R>[], o: DatumOptions<R>): BarChartData {
	const rs = sortRows(rows);
	const used = usedSegments(rs, segs);
	return {
		groups: rs.map((r) => ({ key: r.reportId, label: bodyLabel(r), sub: r.demo ? '演示' : '真实', title: r.body })),
		series: seriesOf(used),
		data: rs.flatMap((r) => used.filter((s) => applies(s, r)).map((s) => datumOf(r, s, r.reportId, o)))
	};
}

export interface Panel extends BarChartData {
	body: string;
	label: string;
	county: string | null;
	demo: boolean;
}

/**
 * One small chart per body, one group per year. With `years`, every year is a group: a year without a report
 * says 未报 (so a missing report is seen, not silently skipped).
 */
export function panelData<R extends ReportRef>(
	rows: R[],
	segs: Segment<R>[],
	o: DatumOptions<R>,
	years: number[] = []
): { panels: Panel[]; series: ChartSeries[] } {
	const rs = sortRows(rows);
	const used = usedSegments(rs, segs);
	const byBody = new Map<string, R[]>();
	for (const r of rs) byBody.set(r.body, [...(byBody.get(r.body) ?? []), r]);
	const panels = [...byBody.values()].map<Panel>((list) => ({
		body: list[0].body,
		label: bodyLabel(list[0]),
		county: list[0].county,
		demo: list.every((r) => r.demo),
		groups: groupsByYear(list, years),
		series: seriesOf(used),
		data: list.flatMap((r) => used.filter((s) => applies(s, r)).map((s) => datumOf(r, s, r.reportId, o)))
	}));
	return { panels, series: seriesOf(used) };
}

/** Each group's stacked total: the sum of its filled values (blanks and negatives count 0), by group. */
export function stackTotals(data: readonly Pick<BarDatum, 'group' | 'value'>[]): Map<string, number> {
	const sums = new Map<string, number>();
	for (const d of data) sums.set(d.group, (sums.get(d.group) ?? 0) + Math.max(0, d.value ?? 0));
	return sums;
}

/** Largest stacked total (sum of the filled values of a group). */
export function stackMax(data: BarDatum[]): number {
	return Math.max(0, ...stackTotals(data).values());
}

function groupsByYear<R extends ReportRef>(list: R[], years: number[]) {
	const own = list.map((r) => ({
		key: r.reportId,
		label: formatYear(r.year),
		sub: r.format === '2019' ? '试行格式' : null,
		title: `${r.body} ${formatYear(r.year)}`,
		year: r.year ?? 0
	}));
	const missing = years
		.filter((y) => !list.some((r) => r.year === y))
		.map((y) => ({ key: `missing:${list[0].body}:${y}`, label: formatYear(y), sub: null, title: `${list[0].body} ${formatYear(y)}：未见报告`, year: y, emptyText: '未报' }));
	return [...own, ...missing].sort((a, b) => a.year - b.year).map(({ year: _y, ...g }) => g);
}
