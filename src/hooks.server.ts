/**
 * Runs when the pages are prerendered (adapter-static; there is no server at run time). The overview's first paint
 * waits for summary.json: its preload (written by +layout.svelte's <svelte:head>, which SvelteKit puts after the
 * ~20 module preloads) is moved to the top of <head>, so the browser asks for it before the scripts and it does not
 * queue behind them on HTTP/1.1's six connections.
 */
import type { Handle } from '@sveltejs/kit';
import { hoistPreload } from '$lib/preload';

export const handle: Handle = ({ event, resolve }) => resolve(event, { transformPageChunk: ({ html }) => hoistPreload(html) });
