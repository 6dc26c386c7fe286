/**
 * Unhandled rejections in the ingest command: pdfjs's own leftovers on a damaged PDF pass (the file was
 * answered), any other is reported and fails the command, and neither stops the batch.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isPdfjsStrayRejection } from '../../src/lib/extract/pdf';
import { strayRejection } from '../../scripts/stray';
import { corpusFile, describeCorpus, truth } from '../corpus';
import { limit } from '../timeouts';

const TSX = join(import.meta.dirname, '../../node_modules/.bin/tsx');
const SCRIPT = join(import.meta.dirname, '../../scripts/ingest.ts');
const pdfjsError = (name: string) => Object.assign(new Error('Bad (uncompressed) XRef entry: 51R'), { name });

describe('stray rejections', () => {
	afterEach(() => {
		process.exitCode = undefined;
		vi.restoreAllMocks();
	});

	it('tells pdfjs’s exception classes from anything else', () => {
		expect(isPdfjsStrayRejection(pdfjsError('XRefEntryException'))).toBe(true);
		expect(isPdfjsStrayRejection(pdfjsError('FormatError'))).toBe(true);
		expect(isPdfjsStrayRejection(new Error('Bad XRef entry'))).toBe(false);
		expect(isPdfjsStrayRejection(new TypeError('x is undefined'))).toBe(false);
		expect(isPdfjsStrayRejection('XRefEntryException')).toBe(false);
		expect(isPdfjsStrayRejection(undefined)).toBe(false);
	});

	it('the command lets pdfjs’s pass silently and reports any other, exiting non-zero', () => {
		const err = vi.spyOn(console, 'error').mockImplementation(() => {});
		strayRejection(pdfjsError('XRefEntryException'));
		expect(process.exitCode).toBeUndefined();
		expect(err).not.toHaveBeenCalled();
		strayRejection(new TypeError('ours'));
		expect(process.exitCode).toBe(1);
		expect(err.mock.calls[0][0]).toMatch(/^内部错误（未处理的异步异常）：TypeError: ours/);
	});
});

describeCorpus('stray rejections on a real damaged PDF', () => {
	it('one byte lost before the xref table: pdfjs leaves rejections behind, the command reads the report and exits 0', () => {
		const file = 'huaian_hongze_2023.pdf';
		const real = corpusFile(file);
		// found by `npm run fuzz` (corpus-pdf): every object offset after byte 75392 is one off
		const damaged = new Uint8Array(real.length - 1);
		damaged.set(real.subarray(0, 75392));
		damaged.set(real.subarray(75393), 75392);
		const dir = mkdtempSync(join(tmpdir(), 'stray-in-'));
		const out = mkdtempSync(join(tmpdir(), 'stray-out-'));
		writeFileSync(join(dir, file), damaged);
		const r = spawnSync(TSX, [SCRIPT, '--jobs', '1', '--out', out, dir], { encoding: 'utf8' });
		expect(r.stderr).not.toMatch(/内部错误/);
		expect(r.status).toBe(0);
		const record = JSON.parse(readFileSync(join(out, `${file}.json`), 'utf8'));
		// pdfjs rebuilt the xref: every cell read is the true one
		for (const [id, v] of Object.entries(record.cells as Record<string, number | null>)) expect([id, v]).toEqual([id, truth()[file].cells[id]]);
	}, limit(120_000));
});
