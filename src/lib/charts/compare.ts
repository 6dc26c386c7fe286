/** The compare page: a fixed list of measures, the values of two to six bodies side by side, and their differences. */
import type { CellRow } from '$lib/db/queries';
import { sumFilled } from './rates';
import { OUTCOMES, total } from './applications';
import { bodyLabel } from './bodies';
import { formatNumber, formatYear } from './format';
import type { BarChartData, BarDatum } from './types';

export interface CompareMetric {
	key: string;
	label: string;
	unit: string;
	/** Cell ids summed (filled values; null when all are blank). */
	ids: string[];
	/** Only reports of this format print the cells. */
	format?: '2021' | '2019';
}

const outcome = (k: string) => OUTCOMES.find((o) => o.key === k)!.rows.map(total);

export const COMPARE_METRICS: CompareMetric[] = [
	{ key: 'new', label: '本年新收申请', unit: '件', ids: [total('new')] },
	{ key: 'carried', label: '上年结转申请', unit: '件', ids: [total('carried')] },
	{ key: 'open', label: '予以公开和部分公开', unit: '件', ids: [...outcome('granted'), ...outcome('partial')] },
	{ key: 'denied', label: '不予公开', unit: '件', ids: outcome('denied') },
	{ key: 'unable', label: '无法提供', unit: '件', ids: outcome('unable') },
	{ key: 'rejected', label: '不予处理', unit: '件', ids: outcome('rejected') },
	{ key: 'review', label: '行政复议', unit: '件', ids: ['t4.review.total'] },
	{ key: 'suit', label: '行政诉讼', unit: '件', ids: ['t4.suit_direct.total', 't4.suit_after_review.total'] },
	{ key: 'normative', label: '本年制发规范性文件', unit: '件', ids: ['t2.normative.issued'], format: '2021' },
	{ key: 'licensing', label: '行政许可处理决定', unit: '件', ids: ['t2.licensing.decisions'] },
	{ key: 'penalty', label: '行政处罚处理决定', unit: '件', ids: ['t2.penalty.decisions'] },
	{ key: 'fees', label: '行政事业性收费', unit: '万元', ids: ['t2.fees.amount'], format: '2021' }
];

export const COMPARE_METRIC_KEYS = COMPARE_METRICS.map((m) => m.key) as [string, ...string[]];
export const COMPARE_IDS = [...new Set(COMPARE_METRICS.flatMap((m) => m.ids))];

export function compareMetric(key: string): CompareMetric {
	return COMPARE_METRICS.find((m) => m.key === key) ?? COMPARE_METRICS[0];
}

/** The value of a measure in one report; undefined when the report's format has no such cell. */
export function metricValue(r: CellRow, m: CompareMetric): number | null | undefined {
	if (m.format && r.format !== m.format) return undefined;
	return sumFilled(m.ids.map((id) => r.cells[id]));
}

export interface DiffCell {
	reportId: string | null;
	/** undefined: no report, or the format has no such cell; null: blank. */
	value: number | null | undefined;
	/** Difference from the first body; null when either side has no number. */
	diff: number | null;
}

export interface DiffRow {
	metric: CompareMetric;
	year: number;
	cells: DiffCell[];
}

/** Rows metric × year; one cell per body, in the order chosen; differences against the first body. */
export function diffTable(rows: CellRow[], bodies: string[], years: number[], metrics: CompareMetric[]): DiffRow[] {
	const out: DiffRow[] = [];
	for (const m of metrics)
		for (const year of years) {
			const vals = bodies.map((b) => {
				const r = rows.find((x) => x.body === b && x.year === year);
				return { reportId: r?.reportId ?? null, value: r ? metricValue(r, m) : undefined };
			});
			const base = vals[0]?.value;
			out.push({
				metric: m,
				year,
				cells: vals.map((v, i) => ({
					...v,
					diff: i > 0 && typeof base === 'number' && typeof v.value === 'number' ? v.value - base : null
				}))
			});
		}
	return out;
}

/** 演示 / 真实 / 真实+演示 for the reports of one body shown in a chart. */
export function originWord(rs: { demo: boolean }[]): string | null {
	if (!rs.length) return null;
	return rs.every((r) => r.demo) ? '演示' : rs.every((r) => !r.demo) ? '真实' : '真实+演示';
}

/** One measure: bodies along x (in the order chosen), one bar per year; 未报 / 无此项 where there is no number to draw. */
export function compareMetricChart(rows: CellRow[], bodies: string[], years: number[], m: CompareMetric, href: (id: string) => string): BarChartData {
	const groups = bodies.map((b) => {
		const any = rows.find((r) => r.body === b);
		return {
			key: b,
			label: any ? bodyLabel(any) : b,
			sub: originWord(rows.filter((r) => r.body === b)),
			title: b
		};
	});
	const data: BarDatum[] = [];
	for (const b of bodies)
		for (const y of years) {
			const r = rows.find((x) => x.body === b && x.year === y);
			const v = r ? metricValue(r, m) : undefined;
			const name = groups.find((g) => g.key === b)?.label ?? b;
			const shown = !r ? '未见报告' : v === undefined ? `无此项（${r.format}格式）` : v === null ? '空白（报告未填写）' : `${formatNumber(v)} ${m.unit}`;
			data.push({
				group: b,
				series: String(y),
				value: v ?? null,
				nullText: !r ? '未报' : v === undefined ? '无此项' : undefined,
				demo: r?.demo,
				tooltip: `${name} · ${formatYear(y)} · ${m.label}：${shown}`,
				data: { body: b, year: String(y), report: r?.reportId ?? '', metric: m.key },
				href: r ? href(r.reportId) : undefined
			});
		}
	return { groups, series: years.map((y) => ({ key: String(y), label: formatYear(y) })), data };
}

/** “本年新收申请：A 15 件，B 12 件（2024年）” — the measure that differs most between the first body and the others. */
export function compareSummary(diff: DiffRow[], labels: string[]): string {
	if (labels.length < 2) return '请选择 2 至 6 个单位进行对比。';
	const rel = diff
		.flatMap((d) => d.cells.slice(1).map((c, i) => ({ d, c, other: labels[i + 1] })))
		.filter((x) => x.c.diff !== null && x.c.diff !== 0)
		.sort((a, b) => Math.abs(b.c.diff ?? 0) - Math.abs(a.c.diff ?? 0));
	const head = `对比 ${labels.join('、')} 共 ${formatNumber(labels.length)} 个单位`;
	if (!rel.length) return `${head}，所选指标没有可比的差异（数字相同、空白或无报告）。`;
	const x = rel[0];
	const base = x.d.cells[0].value as number;
	return `${head}；差异最大的是${formatYear(x.d.year)}“${x.d.metric.label}”：${x.other} ${formatNumber(base + (x.c.diff ?? 0))} ${x.d.metric.unit}，${labels[0]} ${formatNumber(base)} ${x.d.metric.unit}。`;
}
