/**
 * The last few results of a computation over a data set's rows, per set of rows and a string key (e.g. a county or a
 * year range): going back to a view already shown (全部地区, the county before) reuses its figures instead of
 * another pass over 100k rows. Keyed by the identity of the row arrays (held weakly, so a new data set or an
 * upload starts afresh); results are shared, so callers must not change them.
 */
export class Memo<T> {
	/** One tree per number of key objects. */
	#roots: WeakMap<object, unknown>[] = [];
	constructor(private readonly max = 8) {}

	get(objects: readonly object[], key: string, make: () => T): T {
		let level: WeakMap<object, unknown> = (this.#roots[objects.length] ??= new WeakMap());
		let entries: Map<string, T> | undefined;
		for (const [i, o] of objects.entries()) {
			const last = i === objects.length - 1;
			let next = level.get(o) as WeakMap<object, unknown> | Map<string, T> | undefined;
			if (!next) level.set(o, (next = last ? new Map<string, T>() : new WeakMap<object, unknown>()));
			if (last) entries = next as Map<string, T>;
			else level = next as WeakMap<object, unknown>;
		}
		if (!entries) return make();
		if (entries.has(key)) {
			const hit = entries.get(key) as T;
			entries.delete(key); // most recent last
			entries.set(key, hit);
			return hit;
		}
		const value = make();
		entries.set(key, value);
		if (entries.size > this.max) entries.delete(entries.keys().next().value as string);
		return value;
	}
}
