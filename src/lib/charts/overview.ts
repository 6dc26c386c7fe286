/**
 * The overview from per-report facts: headline figures and the coverage matrix (body × year). The same code
 * reads the rows of summary.json (first paint) and of DuckDB; the DuckDB path sums its headline in SQL
 * (`headlineTotals`), and this module's `headlineOf` is the summary path's equivalent.
 */
import type { FactRow, HeadlineTotals, Total } from '$lib/db/queries';
import type { SheetData } from '$lib/export/sheet';
import type { HeadlineKey, SummaryRow } from '$lib/store/summary';
import { bodyLabel, compareBodies } from './bodies';
import { formatNumber } from './format';
import { yearBounds } from './headline';

// summed per year and kept with the rows (headline.ts); here, where the pages have always imported them from
export { headlineOf, proseOf } from './headline';

export function factsFromSummary(rows: SummaryRow[]): FactRow[] {
	return rows.map((r) => ({
		reportId: r.id,
		body: r.body ?? r.id,
		city: r.city,
		county: r.county,
		township: r.township,
		year: r.year,
		format: r.format,
		origin: r.origin,
		demo: r.demo,
		errors: r.errors,
		warnings: r.warnings,
		v: r.v,
		zero: r.zero,
		errorRules: r.errorRules
	}));
}

export type CellStatus = 'missing' | 'error' | 'zero' | 'warning' | 'ok';

export interface CoverageCell {
	body: string;
	year: number;
	status: CellStatus;
	/** Reports of the body in the year (normally one). */
	reports: FactRow[];
	zero: boolean;
	errors: number;
	warnings: number;
	errorRules: string[];
	demo: boolean;
}

export interface CoverageRow {
	body: string;
	label: string;
	county: string | null;
	/** Every report of the body is demo data / every one is a real report (both false: mixed). */
	demo: boolean;
	real: boolean;
	/** Some report of the body was added in this browser (导入报告, origin 用户上传). */
	uploaded: boolean;
	/** Years shown without a report (coverageOf fills it; else counted from the cells). */
	missing?: number;
	/** Every report of the body, all years (coverageOf's rows have it). */
	readonly reports?: readonly FactRow[];
	cells: CoverageCell[];
}

export interface Coverage {
	years: number[];
	/** Every body's row (or only the first ones: then `bodies` and `worst` say what the whole set has). */
	rows: CoverageRow[];
	/** Bodies in all, when `rows` holds only the first ones (the precomputed first view, firstview.ts). */
	bodies?: number;
	/** The body with the most missing years, when `rows` holds only the first ones. */
	worst?: Worst | null;
	/** Bodies × years: the reports expected (every body that has a report in any year, for every year shown). */
	expected: number;
	received: number;
	missing: number;
	counts: Record<CellStatus, number>;
}

/** Body → position in `compareBodies` order (e.g. from the catalog's sorted bodies). */
export type BodyOrder = ReadonlyMap<string, number>;

export function bodyOrder(bodies: readonly { body: string }[]): BodyOrder {
	return new Map(bodies.map((b, i) => [b.body, i]));
}

/**
 * `rows`: every report of the region, all years (a body counts as expected once it has reported in any year);
 * `years`: the columns to show; `order`: the bodies' rank in `compareBodies` order (same result, faster).
 */
export function coverageOf(rows: FactRow[], years: number[], order?: BodyOrder): Coverage {
	const { groups, flags, y0, span } = bodyGroups(rows, order);
	// each year's column in the groups' flags (-1: no report of these rows has the year)
	const at = years.map((y) => (y >= y0 && y < y0 + span ? y - y0 : -1));
	// cells per status, by statusIndex's number (counted as numbers: 14,577 bodies × years at 100k for 全部地区)
	const tally = [0, 0, 0, 0, 0];
	const out: CoverageRow[] = new Array(groups.length);
	for (let g = 0; g < groups.length; g++) {
		const base = g * span;
		let missing = 0;
		for (let k = 0; k < at.length; k++) {
			const i = at[k];
			const s = statusIndex(i < 0 ? 0 : flags[base + i]);
			tally[s]++;
			if (s === 0) missing++;
		}
		out[g] = new LazyRow(groups[g], years, missing);
	}
	const counts = Object.fromEntries(STATUS_BY_INDEX.map((s, i) => [s, tally[i]])) as Record<CellStatus, number>;
	const expected = groups.length * years.length;
	return { years, rows: out, expected, received: expected - counts.missing, missing: counts.missing, counts };
}

/** The reports of one body, and what does not depend on the years shown. */
interface BodyGroup {
	first: FactRow;
	reports: FactRow[];
	label: string;
	demo: boolean;
	real: boolean;
	uploaded: boolean;
}

/**
 * The bodies in display order, and per body and year (`flags[group × span + year − y0]`) whether it has a report
 * (1), an error (2), zero activity (4), a warning (8): what does not depend on the years shown, cached with the rows.
 */
interface Groups {
	groups: BodyGroup[];
	flags: Uint8Array;
	y0: number;
	span: number;
}

/**
 * A coverage row whose cells (with their reports) are built when first read: a province has ~100k cells, the page
 * draws 60 rows. Counts and `missing` are computed up front by coverageOf.
 */
class LazyRow implements CoverageRow {
	body: string;
	label: string;
	county: string | null;
	demo: boolean;
	real: boolean;
	uploaded: boolean;
	missing: number;
	#group: BodyGroup;
	#years: number[];
	#cells: CoverageCell[] | undefined;
	constructor(group: BodyGroup, years: number[], missing: number) {
		this.body = group.first.body;
		this.label = group.label;
		this.county = group.first.county;
		this.demo = group.demo;
		this.real = group.real;
		this.uploaded = group.uploaded;
		this.missing = missing;
		this.#group = group;
		this.#years = years;
	}
	get cells(): CoverageCell[] {
		return (this.#cells ??= cellsOf(this.body, this.#group.reports, this.#years));
	}
	/** Every report of the body (all years). */
	get reports(): readonly FactRow[] {
		return this.#group.reports;
	}
}

/** The grouping of the last rows asked for, kept while the rows live: the 全部地区 view of 100k reports reuses it. */
const groupCache = new WeakMap<FactRow[], { order: BodyOrder | undefined; groups: Groups }>();

function bodyGroups(rows: FactRow[], order: BodyOrder | undefined): Groups {
	const hit = groupCache.get(rows);
	if (hit && hit.order === order) return hit.groups;
	const byBody = new Map<string, FactRow[]>();
	for (const r of rows) {
		const mine = byBody.get(r.body);
		if (mine) mine.push(r);
		else byBody.set(r.body, [r]);
	}
	let groups: BodyGroup[] = [...byBody.values()].map((reports) => ({
		first: reports[0],
		reports,
		label: bodyLabel(reports[0]),
		demo: reports.every((r) => r.demo),
		real: reports.every((r) => !r.demo),
		uploaded: reports.some((r) => r.origin === '用户上传')
	}));
	// a rank precomputed once per data set (bodyOrder) instead of thousands of pinyin comparisons
	groups = order
		? groups
				.map((g) => ({ g, rank: order.get(g.first.body) ?? Infinity }))
				.sort((x, y) => x.rank - y.rank || compareBodies(x.g.first, y.g.first))
				.map((x) => x.g)
		: groups.sort((a, b) => compareBodies(a.first, b.first));
	const [y0, y1] = yearBounds(rows);
	const span = y1 >= y0 ? y1 - y0 + 1 : 0;
	const flags = new Uint8Array(groups.length * span);
	groups.forEach((g, i) => {
		for (const r of g.reports)
			if (r.year !== null) flags[i * span + r.year - y0] |= 1 | (r.errors ? 2 : 0) | (r.zero ? 4 : 0) | (r.warnings ? 8 : 0);
	});
	const out = { groups, flags, y0, span };
	groupCache.set(rows, { order, groups: out });
	return out;
}

/** A cell's status from its flags, as an index into STATUS_BY_INDEX. */
function statusIndex(f: number): number {
	return !(f & 1) ? 0 : f & 2 ? 1 : f & 4 ? 2 : f & 8 ? 3 : 4;
}
const STATUS_BY_INDEX: CellStatus[] = ['missing', 'error', 'zero', 'warning', 'ok'];

function cellsOf(body: string, mine: FactRow[], years: number[]): CoverageCell[] {
	return years.map<CoverageCell>((year) => {
		const reports = mine.filter((r) => r.year === year);
		const errors = reports.reduce((n, r) => n + r.errors, 0);
		const warnings = reports.reduce((n, r) => n + r.warnings, 0);
		const zero = reports.some((r) => r.zero);
		const status: CellStatus = !reports.length ? 'missing' : errors ? 'error' : zero ? 'zero' : warnings ? 'warning' : 'ok';
		return {
			body,
			year,
			status,
			reports,
			zero,
			errors,
			warnings,
			errorRules: reports.length === 1 ? reports[0].errorRules : [...new Set(reports.flatMap((r) => r.errorRules))].sort(),
			demo: reports.some((r) => r.demo)
		};
	});
}

/** What a matrix cell says in words (also its accessible name). */
export function cellText(c: CoverageCell): string {
	if (c.status === 'missing') return '未见报告';
	const parts: string[] = [];
	if (c.errors) parts.push(`${formatNumber(c.errors)} 处错误（${c.errorRules.join('、')}）`);
	if (c.zero) parts.push('全年零申请、零复议、零诉讼');
	if (c.warnings && !c.zero) parts.push(`${formatNumber(c.warnings)} 条警告`);
	else if (c.warnings > 1) parts.push(`另有 ${formatNumber(c.warnings - 1)} 条警告`);
	return parts.length ? parts.join('；') : '已报告，未发现问题';
}

export interface Worst {
	label: string;
	/** Years without a report. */
	n: number;
}

/** The first body (in row order) with the most years without a report; null when none misses one. */
export function worstOf(rows: readonly CoverageRow[]): Worst | null {
	let worst: Worst | null = null;
	for (const r of rows) {
		const n = r.missing ?? r.cells.filter((x) => x.status === 'missing').length;
		if (n > 0 && (!worst || n > worst.n)) worst = { label: r.label, n };
	}
	return worst;
}

export function coverageSummary(c: Coverage, regionName: string): string {
	if (!c.rows.length) return `${regionName}暂无报告。`;
	const span = c.years.length ? `${c.years[0]}—${c.years[c.years.length - 1]}年` : '';
	const worst = c.worst !== undefined ? c.worst : worstOf(c.rows);
	const miss = worst ? `，缺报最多的是${worst.label}（${formatNumber(worst.n)} 年）` : '';
	return (
		`${regionName} ${span}共 ${formatNumber(c.bodies ?? c.rows.length)} 个单位，应有报告 ${formatNumber(c.expected)} 份，已收到 ${formatNumber(c.received)} 份，` +
		`缺 ${formatNumber(c.missing)} 份；${formatNumber(c.counts.error)} 份有不一致错误，${formatNumber(c.counts.zero)} 份全年零活动${miss}。`
	);
}

/** A headline figure as the overview shows it. */
export interface HeadlineCard {
	key: string;
	label: string;
	value: number | null;
	unit: string;
	/** Second figure, e.g. "/ 140". */
	of?: string;
	/** What the figure is (口径), one short sentence. */
	what: string;
	/** A further line (blanks, prose counts). */
	extra?: string;
	href?: string;
	linkText?: string;
}

const blanksNote = (t: Total, what: string) => (t.blanks ? `${formatNumber(t.blanks)} 份报告${what}空白，未计入。` : undefined);

/**
 * The cards from the headline totals (summary or DuckDB), the coverage, and the prose counts of the summary
 * (主动公开信息 as the reports' text states it; not in the Arrow files).
 */
export function headlineCards(
	t: HeadlineTotals,
	c: Coverage,
	prose: { value: number; reports: number } | null,
	links: { quality: string; matrix: string }
): HeadlineCard[] {
	return [
		{
			key: 'reports',
			label: '年度报告',
			value: c.received,
			of: `/ ${formatNumber(c.expected)}`,
			unit: '份',
			what: '已收到 / 应有（单位数 × 所选年度数，单位指任一年度有报告的单位）。',
			extra: c.missing ? `缺 ${formatNumber(c.missing)} 份。` : '没有缺报。',
			href: links.matrix,
			linkText: '看覆盖矩阵'
		},
		{
			key: 'decisions',
			label: '主动公开·处理决定',
			value: t.decisions.value,
			unit: '件',
			what: '表二 行政许可、行政处罚、行政强制处理决定数量之和。',
			extra:
				(prose ? `正文所述主动公开信息 ${formatNumber(prose.value)} 条（${formatNumber(prose.reports)} 份报告提及）。` : '') +
				(blanksNote(t.decisions, '有一项') ?? '')
		},
		{
			key: 'requests',
			label: '依申请公开·新收申请',
			value: t.requests.value,
			unit: '件',
			what: '表三 本年新收政府信息公开申请数量·总计。',
			extra: blanksNote(t.requests, '此项')
		},
		{
			key: 'granted',
			label: '予以公开和部分公开',
			value: t.granted.value,
			unit: '件',
			what: '表三 办理结果“予以公开”与“部分公开”的总计之和。',
			extra: blanksNote(t.granted, '有一项')
		},
		{
			key: 'reviews',
			label: '行政复议',
			value: t.reviews.value,
			unit: '件',
			what: '表四 行政复议·总计。',
			extra: blanksNote(t.reviews, '此项')
		},
		{
			key: 'lawsuits',
			label: '行政诉讼',
			value: t.lawsuits.value,
			unit: '件',
			what: '表四 未经复议直接起诉与复议后起诉的总计之和。',
			extra: blanksNote(t.lawsuits, '有一项')
		},
		{
			key: 'findings',
			label: '有核查问题的报告',
			value: t.withFindings,
			unit: '份',
			what: '有错误或警告的报告数（不含仅有提示的）。',
			extra: `其中 ${formatNumber(t.withErrors)} 份有错误。`,
			href: links.quality,
			linkText: '到数据质量页'
		}
	];
}

const STATUS_WORD: Record<CellStatus, string> = { ok: '正常', warning: '警告', zero: '零活动', error: '错误', missing: '未报' };

/** The coverage matrix as data: one row per body, one column per year with the cell's word (错误 2 = two errors). */
export function coverageSheet(c: Coverage): SheetData {
	return {
		columns: [{ label: '单位' }, { label: '所属县（市、区）' }, { label: '数据性质' }, ...c.years.map((y) => ({ label: `${y}年` }))],
		rows: c.rows.map((r) => [
			r.body,
			r.county,
			r.demo ? '演示数据' : r.real ? '真实报告' : '部分真实',
			...r.cells.map((x) => (x.status === 'error' ? `${STATUS_WORD.error} ${x.errors}` : STATUS_WORD[x.status]))
		])
	};
}

export interface Finding {
	body: string;
	year: number;
	/** 未报 / 零活动 / 不一致 (several joined with 、). */
	kind: string;
	text: string;
	demo: boolean;
}

/** What a briefing lists: missing reports, zero activity and inconsistent tables, body by body, year by year. */
export function coverageFindings(c: Coverage): Finding[] {
	const out: Finding[] = [];
	for (const r of c.rows)
		for (const x of r.cells) {
			const kinds = [x.status === 'missing' ? '未报' : '', x.zero ? '零活动' : '', x.errors ? '不一致' : ''].filter(Boolean);
			if (kinds.length) out.push({ body: r.body, year: x.year, kind: kinds.join('、'), text: cellText(x), demo: x.status === 'missing' ? r.demo : x.demo });
		}
	return out;
}
