/**
 * A page's filters, read from and written to the URL. Reading follows the URL (so back/forward and a pasted link
 * show the same view); writing adds a history entry with SvelteKit's shallow routing (`pushState`): the address
 * bar shows the new query string and `page.state.search` carries it, without a navigation (no route load, no
 * re-render of the whole page tree, no scroll bookkeeping after the update). Back and forward between such entries
 * restore `page.state`; a real navigation (a link, a reload, a pasted URL) starts again from `page.url`.
 * During prerendering there is no query string: the defaults are used and the page shows its loading state.
 *
 * A change is shown at once and its history entry is added once the frame showing it is drawn and the page is idle: SvelteKit's
 * `pushState` reads the scroll position first, which right after a select's change forces a layout of the whole
 * page (~10–15 ms at 100k reports, plus the history call itself) before the new figures could be computed.
 */
import { browser } from '$app/environment';
import { pushState } from '$app/navigation';
import { page } from '$app/state';
import { whenIdle } from '$lib/charts/paint';
import { parseParams, patchParams, type Spec, type Values } from './url';

export interface UrlState<S extends Spec> {
	readonly values: Values<S>;
	/** Show the same page with some values changed (a new history entry). */
	set(patch: Partial<Values<S>>): Promise<void>;
	/** The query string of the current state with some values changed (for links). */
	search(patch?: Partial<Values<S>>): string;
}

/** A filter change already shown whose history entry is not added yet (on the page it was made on). */
let shown: { path: string; search: string } | null = $state.raw(null);

/** The query string the page shows: a filter change's (shallow history entry) or the page URL's own. */
export function currentSearch(): URLSearchParams {
	if (!browser) return new URLSearchParams();
	const s = shown && shown.path === page.url.pathname ? shown.search : page.state.search;
	return typeof s === 'string' ? new URLSearchParams(s) : page.url.searchParams;
}

/**
 * After the next frame is drawn, when the page is idle (at most ~200 ms later): the history call and SvelteKit's
 * update of `page.state` take 20–30 ms at 100k reports, which must not hold up the next input or frame.
 */
const afterFrame = (): Promise<void> => new Promise((ok) => requestAnimationFrame(() => whenIdle(ok, 200)));

export function urlState<S extends Spec>(spec: S): UrlState<S> {
	const values = $derived(parseParams(spec, currentSearch()));
	return {
		get values() {
			return values;
		},
		async set(patch) {
			const search = patchParams(spec, values, patch);
			const path = page.url.pathname;
			const mine = { path, search };
			shown = mine;
			await afterFrame();
			// not when the user has left the page meanwhile; a later change adds its own entry after this one
			if (page.url.pathname === path) pushState(`${path}${search}`, { search });
			if (shown === mine) shown = null;
		},
		search(patch = {}) {
			return patchParams(spec, values, patch);
		}
	};
}
