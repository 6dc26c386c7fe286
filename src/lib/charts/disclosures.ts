/**
 * 表二 主动公开: what each metric shows in each format. The 2021 format and the 2019 trial format count
 * different things (制发/废止/现行有效 vs 新制作/新公开/对外公开总数), so their columns are separate series with
 * their own labels and are never added together or put in each other's place.
 */
import type { CellRow } from '$lib/db/queries';
import { bodyLabel } from './bodies';
import type { Segment } from './chartdata';
import { formatNumber, formatYear } from './format';

export type FormatKey = '2021' | '2019';

export interface MetricColumn {
	/** Series key, unique within the metric. */
	key: string;
	id: string;
	label: string;
	/** The format whose reports print this column. */
	format: FormatKey | 'both';
}

export interface DisclosureMetric {
	key: string;
	label: string;
	unit: string;
	columns: MetricColumn[];
	/** Said under the chart when a format has no column for the metric. */
	note?: string;
}

const f21 = (row: string, col: string, label: string): MetricColumn => ({ key: `2021:${col}`, id: `t2.${row}.${col}`, label, format: '2021' });
const f19 = (row: string, col: string, label: string): MetricColumn => ({
	key: `2019:${col}`,
	id: `t2.${row}.${col}`,
	label: `${label}（2019试行格式）`,
	format: '2019'
});
const docs = (row: string): MetricColumn[] => [
	f21(row, 'issued', '本年制发'),
	f21(row, 'repealed', '本年废止'),
	f21(row, 'in_force', '现行有效'),
	f19(row, 'made', '本年新制作'),
	f19(row, 'published', '本年新公开'),
	f19(row, 'public_total', '对外公开总数')
];

export const DISCLOSURE_METRICS: DisclosureMetric[] = [
	{
		key: 'decisions',
		label: '许可、处罚、强制处理决定',
		unit: '件',
		columns: [
			{ key: 'licensing', id: 't2.licensing.decisions', label: '行政许可', format: 'both' },
			{ key: 'penalty', id: 't2.penalty.decisions', label: '行政处罚', format: 'both' },
			{ key: 'coercion', id: 't2.coercion.decisions', label: '行政强制', format: 'both' }
		]
	},
	{
		key: 'normative',
		label: '规范性文件',
		unit: '件',
		columns: docs('normative'),
		note: '2019、2020年报告用试行格式，统计“新制作、新公开、对外公开总数”，与新格式的“制发、废止、现行有效”口径不同，分列显示。'
	},
	{ key: 'rules', label: '规章', unit: '件', columns: docs('rules'), note: '规章一般只有设区的市以上政府制定，乡镇和县级部门多为 0。' },
	{
		key: 'fees',
		label: '行政事业性收费金额',
		unit: '万元',
		columns: [{ key: '2021:amount', id: 't2.fees.amount', label: '本年收费金额', format: '2021' }],
		note: '2019年试行格式只填收费项目数，没有收费金额，这些年份显示“无此项”。'
	}
];

export const DISCLOSURE_METRIC_KEYS = DISCLOSURE_METRICS.map((m) => m.key) as [string, ...string[]];

export function disclosureMetric(key: string): DisclosureMetric {
	return DISCLOSURE_METRICS.find((m) => m.key === key) ?? DISCLOSURE_METRICS[0];
}

/** Every cell id the page needs. */
export const DISCLOSURE_IDS = [...new Set(DISCLOSURE_METRICS.flatMap((m) => m.columns.map((c) => c.id)))];

/** Whether a report of this format prints the column at all. */
export function applies(c: MetricColumn, format: string | null): boolean {
	return c.format === 'both' || c.format === format;
}

/** The metric's columns as chart segments: a column is drawn only for reports whose format prints it. */
export function disclosureSegments(m: DisclosureMetric): Segment<CellRow>[] {
	return m.columns.map((c) => ({ key: c.key, label: c.label, value: (r) => r.cells[c.id], applies: (r) => applies(c, r.format) }));
}

/** The columns the given reports use (a column no report prints is left out of the legend). */
export function usedColumns(m: DisclosureMetric, rows: CellRow[]): MetricColumn[] {
	const cols = m.columns.filter((c) => rows.some((r) => applies(c, r.format)));
	return cols.length ? cols : m.columns.filter((c) => c.format !== '2019');
}

export function disclosureSummary(m: DisclosureMetric, rows: CellRow[], scope: string): string {
	if (!rows.length) return `${scope}没有可显示的报告。`;
	const cols = usedColumns(m, rows);
	const main = cols[0];
	const vals = rows.filter((r) => applies(main, r.format)).map((r) => ({ r, v: r.cells[main.id] }));
	const filled = vals.filter((x): x is { r: CellRow; v: number } => x.v !== null);
	const blank = vals.length - filled.length;
	const head = `${scope}共 ${formatNumber(rows.length)} 份报告`;
	if (!filled.length) return `${head}的“${main.label}”均为空白或无此项。`;
	const sum = filled.reduce((n, x) => n + x.v, 0);
	const max = filled.reduce((a, b) => (b.v > a.v ? b : a));
	return (
		`${head}中，“${main.label}”合计 ${formatNumber(sum)} ${m.unit}，最多的是${bodyLabel(max.r)}（${formatYear(max.r.year)}，${formatNumber(max.v)} ${m.unit}）` +
		(blank ? `，${formatNumber(blank)} 份报告此项空白` : '') +
		'。'
	);
}
