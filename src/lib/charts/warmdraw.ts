/**
 * The overview's headline cards and coverage matrix, drawn once into an element that is never attached, at idle,
 * and dropped. The prerendered page hydrates them: Svelte then takes the DOM it finds and never builds their
 * templates, so the first filter change would build every template of a card, a row and a cell for the first time
 * (~30 ms more than the same change later, 100k, A/B in BENCHMARKS item 15). Nothing is shown.
 */
import { flushSync, mount, unmount } from 'svelte';
import CoverageMatrix from './CoverageMatrix.svelte';
import HeadlineCards from './HeadlineCards.svelte';
import type { Coverage, HeadlineCard } from './overview';

export function warmDraw(coverage: Coverage, cards: HeadlineCard[]): void {
	const target = document.createElement('div');
	const parts = [mount(CoverageMatrix, { target, props: { coverage, caption: '' } }), mount(HeadlineCards, { target, props: { cards } })];
	flushSync();
	for (const p of parts) void unmount(p);
}
