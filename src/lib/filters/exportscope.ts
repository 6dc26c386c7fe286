/** The page's filters in words, for the stamp and file name of every export (地区, 单位, 视图, 年份 …). */
import { onDestroy } from 'svelte';
import { setScope } from '$lib/export/registry';
import { yearsText, type ExportScope, type FilterItem } from '$lib/export/stamp';
import { VIEWS, type Scope } from './common';

/** Tells the exports what the page shows while the page is mounted (call during component setup). */
export function useExportScope(get: () => ExportScope | null): void {
	onDestroy(setScope(get));
}

/** The selection words of region, bodies and years (the overview and compare pages build theirs the same way). */
export function exportScope(region: string | null, bodies: string[], years: number[], extra: FilterItem[] = []): ExportScope {
	const filters: FilterItem[] = [{ label: '地区', value: region ?? '全部地区' }];
	if (bodies.length) filters.push({ label: '单位', value: bodies.join('、') });
	filters.push(...extra);
	if (years.length) filters.push({ label: '年份', value: yearsText(years) });
	const where = bodies.length === 1 ? bodies[0] : `${region ?? '全部地区'}${bodies.length > 1 ? `${bodies.length}个单位` : ''}`;
	return { where, years: [...years].sort((a, b) => a - b), filters, region, bodies };
}

/** The standard filters of the analysis pages. */
export function exportScopeOf(s: Scope, extra: FilterItem[] = []): ExportScope {
	const view = VIEWS.find((v) => v.value === s.view)?.label ?? s.view;
	return exportScope(s.region, s.bodies, s.years, [{ label: '视图', value: view }, ...extra]);
}
