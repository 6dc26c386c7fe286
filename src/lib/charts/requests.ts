/** Turns the rows of `requestsByBodyYear` (or `requestsOf`) into chart input and a one-sentence Chinese summary. */
import type { FactRow, RequestsRow } from '$lib/db/queries';
import type { SheetData } from '$lib/export/sheet';
import { formatNumber, formatYear, zhCompare } from './format';
import type { BarDatum, ChartGroup, ChartSeries } from './types';

export const REQUESTS_TITLE = '各单位本年新收政府信息公开申请数量（件）';

export function yearKey(year: number | null): string {
	return year === null ? 'unknown' : String(year);
}

const bin = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The rows `requestsByBodyYear` returns, from the per-report rows the page already holds (本年新收·总计 is one of
 * their headline cells), in the same order: county, then body (both by pinyin), year, report id. `years` empty: all.
 * Only the bodies in `bodies` when given (the drawn ones): no DuckDB round trip on a filter change.
 */
export function requestsOf(facts: readonly FactRow[], years: readonly number[], bodies?: ReadonlySet<string> | null): RequestsRow[] {
	const ys = years.length ? new Set(years) : null;
	const out: RequestsRow[] = [];
	for (const r of facts) {
		if (bodies && !bodies.has(r.body)) continue;
		if (ys && (r.year === null || !ys.has(r.year))) continue;
		out.push({
			reportId: r.reportId,
			body: r.body,
			label: r.township || r.body,
			county: r.county,
			township: r.township,
			year: r.year,
			value: r.v.new,
			origin: r.origin,
			demo: r.demo
		});
	}
	return out.sort(
		(a, b) =>
			Number(a.county === null) - Number(b.county === null) ||
			zhCompare(a.county ?? '', b.county ?? '') ||
			zhCompare(a.body, b.body) ||
			bin(a.county ?? '', b.county ?? '') ||
			bin(a.body, b.body) ||
			Number(a.year === null) - Number(b.year === null) ||
			(a.year ?? 0) - (b.year ?? 0) ||
			bin(a.reportId, b.reportId)
	);
}

export function requestsChartData(rows: RequestsRow[]): { groups: ChartGroup[]; series: ChartSeries[]; data: BarDatum[] } {
	const groups = new Map<string, ChartGroup>();
	for (const r of rows)
		if (!groups.has(r.body))
			groups.set(r.body, { key: r.body, label: r.label, sub: r.label !== r.body ? r.county : null });
	const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => (a ?? 1e9) - (b ?? 1e9));
	const series = years.map((y) => ({ key: yearKey(y), label: formatYear(y) }));
	const data = rows.map<BarDatum>((r) => ({
		group: r.body,
		series: yearKey(r.year),
		value: r.value,
		demo: r.demo,
		tooltip: `${r.body} · ${formatYear(r.year)}：${r.value === null ? '空白（报告未填写）' : `${formatNumber(r.value)} 件`}（${r.origin}）`,
		data: { report: r.reportId, body: r.body, label: r.label, year: r.year === null ? '' : String(r.year), origin: r.origin }
	}));
	return { groups: [...groups.values()], series, data };
}

export function requestsSummary(rows: RequestsRow[]): string {
	if (rows.length === 0) return '暂无报告数据。';
	const bodies = new Set(rows.map((r) => r.body)).size;
	const filled = rows.filter((r) => r.value !== null);
	const blanks = rows.length - filled.length;
	const head = `图中共 ${formatNumber(bodies)} 个单位的 ${formatNumber(rows.length)} 份报告`;
	const blankPart = blanks > 0 ? `，${formatNumber(blanks)} 份报告此项为空白` : '';
	if (filled.length === 0) return `${head}，此项均为空白。`;
	const max = filled.reduce((a, b) => ((b.value ?? 0) > (a.value ?? 0) ? b : a));
	const min = filled.reduce((a, b) => ((b.value ?? 0) < (a.value ?? 0) ? b : a));
	const at = (r: RequestsRow) => `${r.label}（${formatYear(r.year)}，${formatNumber(r.value)} 件）`;
	const range = filled.length === 1 || max === min ? `，本年新收申请为${at(max)}` : `，本年新收申请最多的是${at(max)}，最少的是${at(min)}`;
	return `${head}${range}${blankPart}。`;
}

/** The data behind the requests chart and its table, for CSV/Excel (blank stays blank). */
export function requestsSheet(rows: RequestsRow[]): SheetData {
	return {
		columns: [{ label: '单位' }, { label: '所属县（市、区）' }, { label: '年份' }, { label: '本年新收申请（件）', num: true }, { label: '数据来源' }],
		rows: rows.map((r) => [r.body, r.county, r.year, r.value, r.origin])
	};
}
