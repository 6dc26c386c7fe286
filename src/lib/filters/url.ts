/**
 * Filter state in the URL query string. A page declares its parameters once (a spec); `parseParams` reads them
 * from `URLSearchParams` (unknown or malformed values fall back to the default, never throw) and
 * `serializeParams` writes them back in the spec's order, leaving defaults out, so a copied link reopens the same
 * view and two equal states give the same URL.
 */

export interface Param<T> {
	readonly default: T;
	/** All values of the key in the query string (repeated keys keep their order). */
	parse(values: string[]): T;
	/** Values to write; [] leaves the key out. */
	serialize(value: T): string[];
}

export type Spec = Record<string, Param<unknown>>;
export type Values<S extends Spec> = { [K in keyof S]: S[K] extends Param<infer T> ? T : never };

const YEAR = /^\d{4}$/;

export const param = {
	/** A free string; empty means the default. */
	string(def: string | null = null): Param<string | null> {
		return {
			default: def,
			parse: (v) => (v[0] !== undefined && v[0].trim() !== '' ? v[0].trim() : def),
			serialize: (v) => (v === def || v === null || v === '' ? [] : [v])
		};
	},
	/** One of a fixed list of keys. */
	oneOf<T extends string>(values: readonly T[], def: T): Param<T> {
		return {
			default: def,
			parse: (v) => (values.includes(v[0] as T) ? (v[0] as T) : def),
			serialize: (v) => (v === def ? [] : [v])
		};
	},
	/** A four-digit year. */
	year(def: number | null = null): Param<number | null> {
		return {
			default: def,
			parse: (v) => (v[0] !== undefined && YEAR.test(v[0].trim()) ? Number(v[0]) : def),
			serialize: (v) => (v === def || v === null ? [] : [String(v)])
		};
	},
	/** A list of years, written as one comma-separated value: years=2023,2024 (sorted, each once). */
	years(): Param<number[]> {
		return {
			default: [],
			parse: (v) =>
				[...new Set(v.flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => YEAR.test(s)).map(Number))].sort(
					(a, b) => a - b
				),
			serialize: (v) => (v.length ? [[...new Set(v)].sort((a, b) => a - b).join(',')] : [])
		};
	},
	/** A list of strings, one repeated key per value (body=…&body=…), order kept, each once. */
	list(max = Infinity): Param<string[]> {
		return {
			default: [],
			parse: (v) => [...new Set(v.map((s) => s.trim()).filter(Boolean))].slice(0, max),
			serialize: (v) => [...new Set(v)].slice(0, max)
		};
	}
};

export function parseParams<S extends Spec>(spec: S, search: URLSearchParams): Values<S> {
	const out: Record<string, unknown> = {};
	for (const [key, p] of Object.entries(spec)) out[key] = p.parse(search.getAll(key));
	return out as Values<S>;
}

/** The query string ('' or '?a=1&b=2') of a state; keys in spec order, defaults left out. */
export function serializeParams<S extends Spec>(spec: S, values: Partial<Values<S>>): string {
	const sp = new URLSearchParams();
	for (const [key, p] of Object.entries(spec)) {
		if (!(key in values)) continue;
		for (const v of p.serialize((values as Record<string, unknown>)[key])) sp.append(key, v);
	}
	const s = sp.toString();
	return s ? `?${s}` : '';
}

/** The query string of the current state with some values changed. */
export function patchParams<S extends Spec>(spec: S, current: Values<S>, patch: Partial<Values<S>>): string {
	return serializeParams(spec, { ...current, ...patch });
}

/** Years from..to inclusive (either bound may be missing: then the data's own first/last year). */
export function yearRange(available: number[], from: number | null, to: number | null): number[] {
	const lo = from ?? -Infinity;
	const hi = to ?? Infinity;
	const [a, b] = lo <= hi ? [lo, hi] : [hi, lo];
	return available.filter((y) => y >= a && y <= b);
}

/** The year to show in a one-year view: the asked one if the data has it, else the latest year. */
export function pickYear(available: number[], asked: number | null): number | null {
	if (asked !== null && available.includes(asked)) return asked;
	return available.length ? Math.max(...available) : null;
}
