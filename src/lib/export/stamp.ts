/**
 * What every exported file says about itself: the title, unit, filters, the data source (demo data marked) and
 * the day it was made; and the file name 标题_范围_年份_日期.ext.
 */

export const SOURCE = '数据来源：各单位政府信息公开工作年度报告';
export const DEMO_NOTE = '（含演示数据）';

/** One filter as the user sees it, e.g. { label: '地区', value: '托里县' }. */
export interface FilterItem {
	label: string;
	value: string;
}

/** The selection an export describes. */
export interface ExportScope {
	/** Region or body words for the file name: 托里县 / 全部地区. */
	where: string;
	/** The years shown (sorted). */
	years: number[];
	/** Every filter in force, in the order shown on the page. */
	filters: FilterItem[];
	/** The region and bodies selected (for the briefing's figures; absent = all). */
	region?: string | null;
	bodies?: string[];
}

export interface Stamp {
	title: string;
	/** Unit of the numbers (件, %, 份 …); '' when the chart mixes units. */
	unit: string;
	scope: ExportScope;
	/** Demo data is in view. */
	demo: boolean;
	/** The day the file was made. */
	date: Date;
}

/** 2024年 / 2019—2025年 / '' */
export function yearsText(years: number[]): string {
	if (!years.length) return '';
	const a = Math.min(...years);
	const b = Math.max(...years);
	return a === b ? `${a}年` : `${a}—${b}年`;
}

/** YYYY-MM-DD in local time. */
export function isoDate(d: Date): string {
	const p = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** 地区：托里县；年份：2024年；单位：甲、乙 */
export function filterText(filters: FilterItem[]): string {
	return filters.map((f) => `${f.label}：${f.value}`).join('；');
}

/** The source line, with （含演示数据） when demo data is in view. */
export function sourceLine(demo: boolean): string {
	return demo ? `${SOURCE}${DEMO_NOTE}` : SOURCE;
}

/** The lines stamped on a chart: header (title, unit) and footer (filters, source, date). */
export function stampLines(s: Stamp): { header: string[]; footer: string[] } {
	return {
		header: [s.title, ...(s.unit ? [`单位：${s.unit}`] : [])],
		footer: [
			...(s.scope.filters.length ? [`筛选条件：${filterText(s.scope.filters)}`] : []),
			sourceLine(s.demo),
			`生成日期：${isoDate(s.date)}`
		]
	};
}

/** The stamp as label/value pairs: the 筛选条件 sheet of an Excel file, the head of a CSV file. */
export function stampInfo(s: Stamp): [string, string][] {
	return [
		['标题', s.title],
		...(s.unit ? [['单位', s.unit] as [string, string]] : []),
		...s.scope.filters.map((f) => [f.label, f.value] as [string, string]),
		['筛选条件', filterText(s.scope.filters)],
		['数据来源', sourceLine(s.demo).replace(/^数据来源：/, '')],
		['演示数据', s.demo ? '含演示数据（不是真实报告）' : '无'],
		['生成日期', isoDate(s.date)]
	];
}

const UNSAFE = /[/\\:*?"<>|\u0000-\u001f\u007f]/g;

/** A piece of a file name: no path or reserved characters, no control characters, spaces squeezed, trimmed. */
export function safePart(s: string, max = 40): string {
	const clean = s.replace(UNSAFE, '').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
	return [...clean].slice(0, max).join('').trim();
}

/** 标题_范围_年份_日期.ext, e.g. 办理结果（件）_托里县_2024年_2026-11-24.png */
export function fileName(s: Pick<Stamp, 'title' | 'scope' | 'date'>, ext: string): string {
	const parts = [safePart(s.title), safePart(s.scope.where, 30), safePart(yearsText(s.scope.years), 20), isoDate(s.date)];
	return `${parts.filter(Boolean).join('_')}.${ext}`;
}
