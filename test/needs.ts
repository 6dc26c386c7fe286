/**
 * Tests that need something from outside the repo (the real corpus, a system CJK font): they run
 * when it is there, skip with a visible message when it is not (a clone elsewhere still passes on
 * the project's own fixtures), and fail under CI=true, where CI's script provides it.
 */
import { describe, it } from 'vitest';

export interface Need {
	/** Whether it is there. */
	has: boolean;
	/** What is needed, for the messages: 'the real corpus at ../shared/corpus'. */
	what: string;
	/** Why it is missing, with where it was looked for. */
	missing: string;
}

/** describe() over something outside the repo: skipped with a message without it, a failure under CI without it. */
export function describeNeeding(need: Need, name: string, fn: () => void) {
	if (need.has) return describe(name, fn);
	if (process.env.CI === 'true')
		return describe(name, () => {
			it(`needs ${need.what}`, () => {
				throw new Error(`CI=true but ${need.missing}`);
			});
		});
	console.warn(`[skip] ${name}: ${need.missing}`);
	// not describe.skip(name, fn): vitest still runs a skipped describe's body to collect its tests, and bodies that
	// read what is missing (e.g. list the corpus's files) would then fail
	return describe.skip(name, () => {
		it(`needs ${need.what}`, () => {});
	});
}
