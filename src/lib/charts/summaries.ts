/** One-sentence Chinese summaries of the charts, and rate items per body. */
import type { CellRow } from '$lib/db/queries';
import { reportHref } from '$lib/filters/links';
import { bodyLabel, sortRows } from './bodies';
import type { Segment } from './chartdata';
import { formatNumber, formatYear } from './format';
import { formatRate, MIN_CASES, rankRates, type Ranked, type Rate, type RateItem } from './rates';

const applies = <R>(s: Segment<R>, r: R) => (s.applies ? s.applies(r) : true);

/** The filled sum of a report's segments (null when all are blank or none applies). */
export function stackTotal(r: CellRow, segs: Segment<CellRow>[]): number | null {
	const vals = segs.filter((s) => applies(s, r)).map((s) => s.value(r));
	const filled = vals.filter((v): v is number => v !== null);
	return filled.length ? filled.reduce((a, b) => a + b, 0) : null;
}

export function segmentSummary(rows: CellRow[], segs: Segment<CellRow>[], scope: string, unit: string, what: string): string {
	if (!rows.length) return `${scope}没有报告。`;
	const totals = rows.map((r) => ({ r, v: stackTotal(r, segs) }));
	const filled = totals.filter((x): x is { r: CellRow; v: number } => x.v !== null);
	const blanks = rows.filter((r) => segs.some((s) => applies(s, r) && s.value(r) === null)).length;
	const head = `${scope}共 ${formatNumber(rows.length)} 份报告`;
	if (!filled.length) return `${head}，${what}均为空白。`;
	const sum = filled.reduce((n, x) => n + x.v, 0);
	const max = filled.reduce((a, b) => (b.v > a.v ? b : a));
	const bySeg = segs
		.map((s) => ({ s, v: rows.reduce((n, r) => n + (applies(s, r) ? (s.value(r) ?? 0) : 0), 0) }))
		.sort((a, b) => b.v - a.v)[0];
	const top = sum > 0 && bySeg && segs.length > 1 ? `，其中“${bySeg.s.label}”最多（${formatNumber(bySeg.v)} ${unit}）` : '';
	const most = sum > 0 ? `；最多的是${bodyLabel(max.r)}（${formatYear(max.r.year)}，${formatNumber(max.v)} ${unit}）` : '';
	const blank = blanks ? `；${formatNumber(blanks)} 份报告有空白项，未计入` : '';
	return `${head}，${what}合计 ${formatNumber(sum)} ${unit}${top}${most}${blank}。`;
}

export interface RateItems {
	items: Ranked<RateItem>[];
	summary(scope: string, what: string): string;
}

/** One rate per body over its reports in scope (years summed), ranked with the minimum-count guard. */
export function rateItems(rows: CellRow[], rateOf: (rs: CellRow[]) => Rate, numLabel: string, denLabel: string): RateItems {
	const byBody = new Map<string, CellRow[]>();
	for (const r of sortRows(rows)) byBody.set(r.body, [...(byBody.get(r.body) ?? []), r]);
	const groups = [...byBody.values()];
	const items = rankRates(groups, rateOf).map((x) => {
		const first = x.item[0];
		const years = x.item.map((r) => r.year).filter((y): y is number => y !== null);
		const span = years.length > 1 ? `${Math.min(...years)}—${Math.max(...years)}年合计` : formatYear(years[0] ?? null);
		return {
			...x,
			item: {
				key: first.body,
				label: bodyLabel(first),
				demo: x.item.every((r) => r.demo),
				href: x.item.length === 1 ? reportHref(first.reportId) : undefined,
				detail: `${span}：${numLabel} ${formatNumber(x.rate.numerator)} 件，${denLabel} ${formatNumber(x.rate.denominator)} 件`
			}
		};
	});
	return {
		items,
		summary(scope, what) {
			const ok = items.filter((x) => x.rank !== null);
			const small = items.filter((x) => x.rate.status === 'small').length;
			if (!items.length) return `${scope}没有报告。`;
			const guard = small ? `，${formatNumber(small)} 个单位不足 ${MIN_CASES} 件，显示“样本过少”不排名` : '';
			if (!ok.length) return `${scope}没有单位的办理量达到 ${MIN_CASES} 件，不计算${what}比率${guard}。`;
			const hi = ok[0];
			const lo = ok[ok.length - 1];
			const range = ok.length > 1 ? `，最高的是${hi.item.label}（${formatRate(hi.rate)}），最低的是${lo.item.label}（${formatRate(lo.rate)}）` : `，${hi.item.label}为 ${formatRate(hi.rate)}`;
			return `${scope}有 ${formatNumber(ok.length)} 个单位参与排名${range}${guard}。`;
		}
	};
}
