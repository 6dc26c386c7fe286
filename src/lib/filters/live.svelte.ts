import { loadState } from '$lib/db/state.svelte';

/**
 * A query that reruns when the reactive values it reads change. `fn` reads its inputs synchronously and returns
 * the promise (or null: nothing to run yet). Only the answer of the latest run is kept, so a slow answer to an
 * old filter never overwrites a newer one. The answer is kept as is (not deeply reactive): treat it as read-only.
 * Call during component initialisation.
 */
export interface Live<T> {
	readonly data: T | null;
	readonly error: string | null;
	readonly pending: boolean;
}

function message(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}

export function live<T>(fn: () => Promise<T> | null): Live<T> {
	// raw: answers are replaced, never mutated; a deep proxy of 100k rows cost seconds and ~1 GB at scale
	let data: T | null = $state.raw(null);
	let error: string | null = $state(null);
	let pending = $state(false);
	let token = 0;
	$effect(() => {
		// the tables changed (reports added or removed): run again
		void loadState.version;
		const p = fn();
		if (!p) return;
		const t = ++token;
		pending = true;
		p.then(
			(d) => {
				if (t !== token) return;
				data = d;
				error = null;
				pending = false;
			},
			(e) => {
				if (t !== token) return;
				error = message(e);
				pending = false;
			}
		);
	});
	return {
		get data() {
			return data;
		},
		get error() {
			return error;
		},
		get pending() {
			return pending;
		}
	};
}
