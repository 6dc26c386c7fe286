/**
 * Property tests on generated reports (fixed seed, a few hundred cases): mutated .txt/.html/.docx
 * files never crash or hang, and every number read is the right one or named by a parse problem.
 * `npm run fuzz -- --runs 10000` runs the same properties at scale with a fresh seed.
 *
 * Counterexamples the fuzzing found are replayed first (fast-check `examples`), each with the bug.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { CI_SEED, fileTarget, property, type FileCase } from './targets';
import { limit } from '../timeouts';

const keep = { enc: 'utf-8', decl: 'keep' } as const;
const FOUND: Record<'txt' | 'html' | 'docx', FileCase[]> = {
	txt: [
		// a cell printed twice in a row ending in a blank cell: the blank was dropped, values shifted
		{ mode: 'struct', base: 11, op: { k: 'dupCell', cell: 74538683 }, ...keep },
		{ mode: 'struct', base: 6, op: { k: 'dupLine', line: 83 }, ...keep },
		// an 18-digit number was read rounded (600004012345678800)
		{ mode: 'struct', base: 12, op: { k: 'set', cell: 2095807981, text: { style: 'huge', v: 4, pick: 995 } }, ...keep },
		// the label of （六）1. lost: “（六）其他处理” read as the single （六） row beside its sub-rows
		{ mode: 'struct', base: 0, op: { k: 'delLine', line: 279 }, ...keep }
	],
	html: [{ mode: 'struct', base: 4, op: { k: 'dupCell', cell: 432492451 }, ...keep }],
	// a digit flipped inside a stored (uncompressed) document.xml: no CRC check, 7 read as 3
	docx: [{ mode: 'zip', base: 2, bytes: { inTables: true, ascii: false, ops: [{ k: 'flip', at: 5768, bit: 2 }] } }]
};

describe('fuzz: mutated generated reports give the right number or say which cell they doubt', () => {
	for (const [kind, runs, pool] of [
		['txt', 120, 24],
		['html', 120, 24],
		['docx', 30, 4]
	] as const)
		it(`${kind}: ${runs} mutated files from ${pool} reports (seed ${CI_SEED})`, async () => {
			await fc.assert(property(fileTarget(kind, 'generated', pool)), { seed: CI_SEED, numRuns: runs, examples: FOUND[kind].map((c) => [c]) });
		}, limit(120_000));
});
