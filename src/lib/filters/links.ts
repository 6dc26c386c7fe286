/** Links to the report page and the data-quality page (built by their own routes), with the app's base path. */
import { resolve } from '$app/paths';

const path = (p: string): string => (resolve as unknown as (p: string) => string)(p);

export function reportHref(id: string): string {
	return `${path('/report')}?${new URLSearchParams({ id })}`;
}

export interface QualityQuery {
	rule?: string | null;
	severity?: 'error' | 'warning' | 'info' | null;
	body?: string | null;
	year?: number | null;
}

/** /quality?rule=&severity=&body=&year= with the empty keys left out. */
export function qualityHref(q: QualityQuery = {}): string {
	const sp = new URLSearchParams();
	if (q.rule) sp.set('rule', q.rule);
	if (q.severity) sp.set('severity', q.severity);
	if (q.body) sp.set('body', q.body);
	if (q.year !== null && q.year !== undefined) sp.set('year', String(q.year));
	const s = sp.toString();
	return `${path('/quality')}${s ? `?${s}` : ''}`;
}

export function pageHref(p: string, search = ''): string {
	return `${path(p)}${search}`;
}
