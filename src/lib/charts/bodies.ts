/** Bodies (报告单位): short labels, a stable order, and the filter options a set of reports offers. */
import { zhCompare } from './format';

export interface BodyLike {
	body: string;
	county: string | null;
	township: string | null;
	year: number | null;
	demo: boolean;
}

export interface BodyInfo {
	body: string;
	/** Township when the body is one, else the full name. */
	label: string;
	county: string | null;
	/** Every report of the body is demo data / at least one is a real report. */
	demo: boolean;
	real: boolean;
	years: number[];
}

export function bodyLabel(r: { body: string; township: string | null }): string {
	return r.township || r.body;
}

/** County government first, then townships, then departments; within each, by pinyin. */
function kind(b: { body: string; township: string | null }): number {
	if (/人民政府$/.test(b.body) && !b.township) return 0;
	return b.township ? 1 : 2;
}

export function compareBodies(a: BodyLike | BodyInfo, b: BodyLike | BodyInfo): number {
	const ta = 'township' in a ? a.township : null;
	const tb = 'township' in b ? b.township : null;
	return (
		Number(a.county === null) - Number(b.county === null) ||
		zhCompare(a.county ?? '', b.county ?? '') ||
		kind({ body: a.body, township: ta }) - kind({ body: b.body, township: tb }) ||
		zhCompare(a.body, b.body)
	);
}

/**
 * `compareBodies` order without a pinyin comparison of counties per pair: the counties are ranked once (`regions`,
 * sorted by pinyin), so names are compared only between bodies of one county and kind (14k bodies: ~10× faster).
 */
function sortBodies<T extends { body: string; county: string | null; township: string | null }>(list: T[], regions: string[]): T[] {
	const rank = new Map<string, number>();
	regions.forEach((c, i) => rank.set(c, i > 0 && zhCompare(regions[i - 1], c) === 0 ? rank.get(regions[i - 1])! : i));
	// '' sorts as an empty county name would (first among counties), null last
	const countyRank = (c: string | null) => (c === null ? Infinity : c === '' ? -1 : (rank.get(c) ?? -1));
	return list
		.map((b) => ({ b, county: countyRank(b.county), kind: kind(b) }))
		.sort((x, y) => x.county - y.county || x.kind - y.kind || zhCompare(x.b.body, y.b.body))
		.map((x) => x.b);
}

export interface Catalog {
	/** Counties with at least one report, by pinyin. */
	regions: string[];
	bodies: BodyInfo[];
	/** Years with at least one report, ascending. */
	years: number[];
}

export function catalogOf(rows: BodyLike[]): Catalog {
	const bodies = new Map<string, BodyInfo & { township: string | null }>();
	const years = new Set<number>();
	for (const r of rows) {
		if (r.year !== null) years.add(r.year);
		let b = bodies.get(r.body);
		if (!b) {
			b = { body: r.body, label: bodyLabel(r), county: r.county, township: r.township, demo: true, real: false, years: [] };
			bodies.set(r.body, b);
		}
		if (!r.demo) {
			b.demo = false;
			b.real = true;
		}
		if (r.year !== null && !b.years.includes(r.year)) b.years.push(r.year);
	}
	const regions = [...new Set(rows.map((r) => r.county).filter((c): c is string => !!c))].sort(zhCompare);
	const list = sortBodies([...bodies.values()], regions);
	for (const b of list) b.years.sort((x, y) => x - y);
	return { regions, bodies: list.map(({ township: _t, ...b }) => b), years: [...years].sort((a, b) => a - b) };
}

/** The bodies of a region (all when region is null). */
export function bodiesIn(c: Catalog, region: string | null): BodyInfo[] {
	return region ? c.bodies.filter((b) => b.county === region) : c.bodies;
}

/** Sort rows by body (the order above), then year. */
export function sortRows<T extends BodyLike>(rows: T[]): T[] {
	return [...rows].sort((a, b) => compareBodies(a, b) || (a.year ?? 0) - (b.year ?? 0));
}
