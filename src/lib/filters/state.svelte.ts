/**
 * A page's filters, read from and written to the URL. Reading follows `page.url` (so back/forward and a pasted
 * link show the same view); writing is a normal navigation (a new history entry) that keeps focus and scroll.
 * During prerendering there is no query string: the defaults are used and the page shows its loading state.
 */
import { browser } from '$app/environment';
import { goto } from '$app/navigation';
import { page } from '$app/state';
import { parseParams, patchParams, type Spec, type Values } from './url';

export interface UrlState<S extends Spec> {
	readonly values: Values<S>;
	/** Navigate to the same page with some values changed. */
	set(patch: Partial<Values<S>>): Promise<void>;
	/** The query string of the current state with some values changed (for links). */
	search(patch?: Partial<Values<S>>): string;
}

export function urlState<S extends Spec>(spec: S): UrlState<S> {
	const values = $derived(parseParams(spec, browser ? page.url.searchParams : new URLSearchParams()));
	return {
		get values() {
			return values;
		},
		set(patch) {
			return goto(`${page.url.pathname}${patchParams(spec, values, patch)}`, { keepFocus: true, noScroll: true });
		},
		search(patch = {}) {
			return patchParams(spec, values, patch);
		}
	};
}
