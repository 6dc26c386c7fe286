/**
 * The reports a page can filter on (regions, bodies, years): from summary.json as soon as it is loaded, else from
 * DuckDB. `facts` are the per-report headline rows (the overview's input).
 */
import { catalogOf, type Catalog } from '$lib/charts/bodies';
import { factsFromSummary } from '$lib/charts/overview';
import type { FactRow } from '$lib/db/queries';
import { withDB } from '$lib/db/state.svelte';
import { summaryState } from '$lib/db/summary.svelte';
import { live } from './live.svelte';

export interface CatalogState {
	readonly facts: FactRow[] | null;
	readonly catalog: Catalog | null;
	/** Where the facts come from now. */
	readonly source: 'summary' | 'duckdb' | null;
}

/**
 * The summary's rows (uploads merged in); DuckDB's only when summary.json could not be loaded. The overview used to
 * switch to DuckDB's rows once it was ready: the same figures, but at 100k reports a second copy of every row and
 * ~130 MB more browser memory.
 */
export function useCatalog(): CatalogState {
	const db = live(
		() => (summaryState.error ? true : null),
		() => withDB((m, conn) => m.overviewFacts(conn))
	);
	const fromSummary = $derived(summaryState.rows ? factsFromSummary(summaryState.rows) : null);
	const facts = $derived(db.data ?? fromSummary);
	const catalog = $derived(facts ? catalogOf(facts) : null);
	return {
		get facts() {
			return facts;
		},
		get catalog() {
			return catalog;
		},
		get source() {
			return db.data ? 'duckdb' : fromSummary ? 'summary' : null;
		}
	};
}
