/** Links to the report page and the data-quality page (built by their own routes), with the app's base path. */
import { resolve } from '$app/paths';

const path = (p: string): string => (resolve as unknown as (p: string) => string)(p);

let reportPath: string | undefined;

/**
 * `?id=` encoded as `URLSearchParams` does (application/x-www-form-urlencoded: only letters, digits and `*-._` stay,
 * a space is `+`) without building one per link: the overview's matrix makes hundreds per filter change.
 */
export function formParam(value: string): string {
	try {
		return encodeURIComponent(value)
			.replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
			.replace(/%20/g, '+');
	} catch {
		return new URLSearchParams({ v: value }).toString().slice(2); // a lone surrogate: U+FFFD, as URLSearchParams
	}
}

export function reportHref(id: string): string {
	return `${(reportPath ??= path('/report'))}?id=${formParam(id)}`;
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
