/**
 * The real report corpus lives outside the repo (../shared/corpus). Tests that read it run when it
 * is there, skip with a visible message when it is not, and fail under CI=true (CI has it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'vitest';

export const CORPUS_DIR = resolve(process.env.CORPUS_DIR ?? resolve(import.meta.dirname, '../../shared/corpus'));
export const hasCorpus = existsSync(resolve(CORPUS_DIR, 'truth.json'));

export interface TruthEntry {
	format: string;
	cells: Record<string, number | null>;
}

export function truth(): Record<string, TruthEntry> {
	return JSON.parse(readFileSync(resolve(CORPUS_DIR, 'truth.json'), 'utf8'));
}

export function corpusFile(name: string): Uint8Array {
	return readFileSync(resolve(CORPUS_DIR, name));
}

/** describe() over the corpus: skipped with a message without it, a failure under CI without it. */
export function describeCorpus(name: string, fn: () => void) {
	if (hasCorpus) return describe(name, fn);
	if (process.env.CI === 'true')
		return describe(name, () => {
			it('needs the real corpus at ../shared/corpus', () => {
				throw new Error(`CI=true but the corpus is missing at ${CORPUS_DIR}`);
			});
		});
	console.warn(`[skip] ${name}: real corpus not found at ${CORPUS_DIR}; running on generated fixtures only`);
	// not describe.skip(name, fn): vitest still runs a skipped describe's body to collect its tests, and bodies that
	// list the corpus's files (truth()) would then fail on the missing file
	return describe.skip(name, () => {
		it('needs the real corpus at ../shared/corpus', () => {});
	});
}
