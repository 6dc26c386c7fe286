/**
 * The real report corpus lives outside the repo (../shared/corpus). Tests that read it run when it
 * is there, skip with a visible message when it is not, and fail under CI=true (CI has it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeNeeding } from './needs';

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
	return describeNeeding(
		{ has: hasCorpus, what: 'the real corpus at ../shared/corpus', missing: `the real corpus is missing at ${CORPUS_DIR}; running on generated fixtures only` },
		name,
		fn
	);
}
