/**
 * The data-quality page's view state lives in the URL query string (`/quality?rule=&severity=&body=&year=&sort=&order=`),
 * so a copied link reopens the same view and back/forward move between views. Pure functions: parse, write, sort.
 */
import { RULE_NAMES, type Rule } from '$lib/check/finding';
import type { QualityRow } from '$lib/db/report';
import { zhCompare } from '$lib/charts/format';
import type { SheetData } from '$lib/export/sheet';
import { ruleName, severityZh, SEVERITY_ORDER, statusZh } from './model';

export const SORT_KEYS = ['severity', 'body', 'year', 'rule'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export const RULES = Object.keys(RULE_NAMES) as Rule[];

export interface QualityView {
	rule: string | null;
	severity: string | null;
	body: string | null;
	year: number | null;
	sort: SortKey;
	order: 'asc' | 'desc';
}

export const DEFAULT_VIEW: QualityView = { rule: null, severity: null, body: null, year: null, sort: 'severity', order: 'asc' };

const nonEmpty = (v: string | null) => (v === null || v.trim() === '' ? null : v.trim());

/** Read the view from a query string; unknown sort keys fall back to the default, filter values are kept as given. */
export function parseView(params: URLSearchParams): QualityView {
	const year = nonEmpty(params.get('year'));
	const sort = params.get('sort');
	return {
		rule: nonEmpty(params.get('rule')),
		severity: nonEmpty(params.get('severity')),
		body: nonEmpty(params.get('body')),
		year: year !== null && /^\d{4}$/.test(year) ? Number(year) : null,
		sort: (SORT_KEYS as readonly string[]).includes(sort ?? '') ? (sort as SortKey) : 'severity',
		order: params.get('order') === 'desc' ? 'desc' : 'asc'
	};
}

/** The query string of a view (defaults left out), e.g. `?rule=R4&year=2023`; '' for the default view. */
export function viewQuery(v: QualityView): string {
	const p = new URLSearchParams();
	if (v.rule) p.set('rule', v.rule);
	if (v.severity) p.set('severity', v.severity);
	if (v.body) p.set('body', v.body);
	if (v.year !== null) p.set('year', String(v.year));
	if (v.sort !== 'severity') p.set('sort', v.sort);
	if (v.order !== 'asc') p.set('order', v.order);
	const s = p.toString();
	return s ? `?${s}` : '';
}

const sevRank = (s: string) => SEVERITY_ORDER[s as keyof typeof SEVERITY_ORDER] ?? 9;
const ruleRank = (r: string) => {
	const i = RULES.indexOf(r as Rule);
	return i < 0 ? RULES.length : i;
};

const compare: Record<SortKey, (a: QualityRow, b: QualityRow) => number> = {
	severity: (a, b) => sevRank(a.severity) - sevRank(b.severity),
	body: (a, b) => zhCompare(a.body ?? '', b.body ?? ''),
	year: (a, b) => (a.year ?? 0) - (b.year ?? 0),
	rule: (a, b) => ruleRank(a.rule) - ruleRank(b.rule)
};

/** Sort by the chosen key, then severity, body, year, rule, report (stable for equal rows). */
export function sortRows(rows: QualityRow[], key: SortKey, order: 'asc' | 'desc'): QualityRow[] {
	const sign = order === 'desc' ? -1 : 1;
	const then: SortKey[] = ['severity', 'body', 'year', 'rule'].filter((k) => k !== key) as SortKey[];
	return rows
		.map((r, i) => ({ r, i }))
		.sort(
			(a, b) =>
				sign * compare[key](a.r, b.r) ||
				then.reduce((n, k) => n || compare[k](a.r, b.r), 0) ||
				zhCompare(a.r.reportId, b.r.reportId) ||
				a.i - b.i
		)
		.map((x) => x.r);
}

/** The findings list as data for CSV/Excel: the columns of the table, expected/actual as numbers, 演示数据 marked. */
export function findingsSheet(rows: QualityRow[]): SheetData {
	return {
		columns: [
			{ label: '严重程度' },
			{ label: '状态' },
			{ label: '规则' },
			{ label: '规则名称' },
			{ label: '单位' },
			{ label: '数据性质' },
			{ label: '年度' },
			{ label: '说明' },
			{ label: '应为', num: true },
			{ label: '实为', num: true },
			{ label: '报告' }
		],
		rows: rows.map((f) => [
			severityZh(f.severity),
			statusZh(f.status),
			f.rule,
			ruleName(f.rule),
			f.body,
			f.demo ? '演示数据' : '真实报告',
			f.year,
			f.message,
			f.expected,
			f.actual,
			f.reportId
		])
	};
}
