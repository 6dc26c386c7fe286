/**
 * A data set's rows grouped by county, once per row array (held weakly: a new data set or an upload starts afresh).
 * A filter change to a county then takes that county's rows instead of a pass over every report (100k at province
 * scale); the overview builds the groups at idle after its first paint (warm.ts), so the first change does not.
 * Each county's array keeps the rows' order and stays the same array, so results keyed on it (Memo) are reused.
 */
const cache = new WeakMap<readonly object[], Map<string | null, readonly object[]>>();
const NONE: readonly never[] = [];

export function byCounty<T extends { county: string | null }>(rows: readonly T[]): Map<string | null, readonly T[]> {
	let groups = cache.get(rows) as Map<string | null, T[]> | undefined;
	if (!groups) {
		groups = new Map();
		for (const r of rows) {
			const list = groups.get(r.county);
			if (list) list.push(r);
			else groups.set(r.county, [r]);
		}
		cache.set(rows, groups);
	}
	return groups;
}

/** The rows of one county (the same array every time for the same rows), or none. */
export function countyRows<T extends { county: string | null }>(rows: readonly T[], county: string | null): readonly T[] {
	return byCounty(rows).get(county) ?? NONE;
}
