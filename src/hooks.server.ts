/**
 * Runs when the pages are prerendered (adapter-static; there is no server at run time). The overview's first paint
 * waits for overview.json: its preload goes at the top of <head>, before SvelteKit's ~15 module preloads, so the
 * browser asks for it first and it does not queue behind them on HTTP/1.1's six connections. (Written here, not in
 * a <svelte:head>: SvelteKit puts those after the module preloads, and moving them would break hydration.)
 */
import type { Handle } from '@sveltejs/kit';
import { FIRST_VIEW_URL } from '$lib/db/assets';
import { insertPreload } from '$lib/preload';

export const handle: Handle = ({ event, resolve }) =>
	resolve(event, { transformPageChunk: ({ html }) => (event.route.id === '/' ? insertPreload(html, FIRST_VIEW_URL) : html) });
