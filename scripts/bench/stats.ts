/** Pure statistics for the benchmark: medians of repeated runs, percentiles of many samples. */

/** Linear-interpolated percentile (p in 0..100) of the samples; null when there are none. */
export function percentile(samples: readonly number[], p: number): number | null {
	const xs = samples.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
	if (!xs.length) return null;
	const at = (Math.min(100, Math.max(0, p)) / 100) * (xs.length - 1);
	const lo = Math.floor(at);
	const hi = Math.ceil(at);
	return xs[lo] + (xs[hi] - xs[lo]) * (at - lo);
}

export function median(samples: readonly number[]): number | null {
	return percentile(samples, 50);
}

/** Rounded to `digits` decimals; null stays null. */
export function round(x: number | null | undefined, digits = 0): number | null {
	if (x === null || x === undefined || !Number.isFinite(x)) return null;
	const f = 10 ** digits;
	return Math.round(x * f) / f;
}

/** Per key, the median over runs (keys missing in a run are skipped; all missing gives null). */
export function medianOfRuns<K extends string>(runs: readonly Partial<Record<K, number | null>>[], keys: readonly K[]): Record<K, number | null> {
	const out = {} as Record<K, number | null>;
	for (const k of keys) out[k] = median(runs.map((r) => r[k]).filter((x): x is number => typeof x === 'number'));
	return out;
}
