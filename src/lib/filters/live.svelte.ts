import { loadState } from '$lib/db/state.svelte';

/**
 * A query that reruns when the reactive values it reads change. `input` reads the filters synchronously and returns
 * what the query needs (or null: nothing to run yet); `run` turns it into the answer's promise.
 *
 * The answer comes with the input it answers (`input`), and a page draws from that pair, never from the answer
 * beside the newest filters: between a filter change and its answer the chart keeps showing the view it has the
 * numbers for (a year just added is not drawn as 未报 from an answer that did not ask for it). Only the answer of the
 * latest run is kept, so a slow answer to an old filter never overwrites a newer one. The answer is kept as is (not
 * deeply reactive): treat it as read-only. Call during component initialisation.
 */
export interface Live<I, T> {
	/** the latest answer */
	readonly data: T | null;
	/** the input `data` answers: what to label and lay out the answer by */
	readonly input: I | null;
	readonly error: string | null;
	/** a newer input is being answered; `data` and `input` are still the previous pair */
	readonly pending: boolean;
}

function message(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}

export function live<I, T>(input: () => I | null, run: (input: I) => Promise<T>): Live<I, T> {
	// raw: answers are replaced, never mutated; a deep proxy of 100k rows cost seconds and ~1 GB at scale
	let answer: { input: I; data: T } | null = $state.raw(null);
	let error: string | null = $state(null);
	let pending = $state(false);
	let token = 0;
	$effect(() => {
		// the tables changed (reports added or removed): run again
		void loadState.version;
		const i = input();
		if (i === null) return;
		const p = run(i);
		const t = ++token;
		pending = true;
		p.then(
			(data) => {
				if (t !== token) return;
				answer = { input: i, data };
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
			return answer?.data ?? null;
		},
		get input() {
			return answer?.input ?? null;
		},
		get error() {
			return error;
		},
		get pending() {
			return pending;
		}
	};
}
