/** The filters every analysis page shares: region, bodies, view (one year / across years), year or year range. */
import type { Catalog } from '$lib/charts/bodies';
import { param, pickYear, yearRange, type Values } from './url';

export const VIEWS = [
	{ value: 'bodies', label: '单位对比（单一年度）' },
	{ value: 'years', label: '逐年变化（每个单位一图）' }
] as const;
export type View = (typeof VIEWS)[number]['value'];

export const COMMON = {
	region: param.string(),
	body: param.list(),
	view: param.oneOf<View>(['bodies', 'years'], 'bodies'),
	year: param.year(),
	from: param.year(),
	to: param.year()
};

export type CommonValues = Values<typeof COMMON>;

export interface Scope {
	region: string | null;
	bodies: string[];
	view: View;
	/** The one year of the bodies view (the latest when not given). */
	year: number | null;
	/** The years the view shows: [year] or the range. */
	years: number[];
	/** Words for summaries: 托里县 2024年 / 全部地区 2019—2025年. */
	text: string;
}

export function scopeOf(v: CommonValues, c: Catalog): Scope {
	const known = new Set(c.bodies.map((b) => b.body));
	const bodies = v.body.filter((b) => known.has(b) && (!v.region || c.bodies.find((x) => x.body === b)?.county === v.region));
	const year = pickYear(c.years, v.year);
	const range = yearRange(c.years, v.from, v.to);
	const years = v.view === 'bodies' ? (year === null ? [] : [year]) : range;
	const where = bodies.length === 1 ? bodies[0] : `${v.region ?? '全部地区'}${bodies.length ? `所选 ${bodies.length} 个单位` : ''}`;
	const when = years.length === 1 ? `${years[0]}年` : years.length ? `${years[0]}—${years[years.length - 1]}年` : '';
	return { region: v.region, bodies, view: v.view, year, years, text: `${where} ${when}` };
}
