/**
 * Runs once, when the overview is prerendered (adapter-static): the default view precomputed by the ingest
 * (overview.json, firstview.ts) goes into the page. The overview's HTML then already shows the headline figures and
 * the coverage matrix, painted before any script has loaded, and the page hydrates from the same figures (they are
 * serialised into the HTML with the page's data). Without an overview.json (data from an older ingest) the page
 * shows its loading state until summary.json is in, as before.
 */
import { parseFirstView, type FirstView } from '$lib/charts/firstview';

// the data folder's overview.json, if there is one (an eager glob: a missing file is an empty match, not an error)
const files = import.meta.glob<string>('$data/overview.json', { query: '?raw', import: 'default', eager: true });

export function load(): { first: FirstView | null } {
	const text = Object.values(files)[0];
	return { first: (text && parseFirstView(text)) || null };
}
