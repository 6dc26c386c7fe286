/**
 * Limits through the ingest: the file-size cap (exact message at the boundary) and thousands of reports of
 * one body and year (every record gets one short DUP warning; the batch stays fast).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeTxt } from '../../src/lib/generate/txt';
import { ingestFile } from '../../src/lib/store/fs';
import { MAX_BYTES, ingestBytes } from '../../src/lib/store/ingest';
import { parseSummary } from '../../src/lib/store/summary';
import { randomSpec } from '../fixtures/specs';
import { limit } from '../timeouts';

const TSX = join(import.meta.dirname, '../../node_modules/.bin/tsx');
const SCRIPT = join(import.meta.dirname, '../../scripts/ingest.ts');
const dirs: string[] = [];
const temp = (p: string) => {
	const d = mkdtempSync(join(tmpdir(), p));
	dirs.push(d);
	return d;
};
// thousands of record files: removing them took over the default 10 s on a loaded machine
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })), 120_000);

function sparse(path: string, size: number) {
	const fd = openSync(path, 'w');
	ftruncateSync(fd, size);
	closeSync(fd);
}

describe('file size limit', () => {
	it('is 50 MB', () => expect(MAX_BYTES).toBe(52_428_800));

	it('one byte over: refused before reading, with the size and the limit', async () => {
		const dir = temp('size-');
		sparse(join(dir, 'big.pdf'), MAX_BYTES + 1);
		expect(await ingestFile(dir, { path: join(dir, 'big.pdf'), name: 'big.pdf', id: 'big.pdf' })).toEqual({
			ok: false,
			file: 'big.pdf',
			reason: '文件过大（50.0 MB，上限 50 MB）'
		});
		sparse(join(dir, 'huge.txt'), 300 * 1048576);
		expect(await ingestFile(dir, { path: join(dir, 'huge.txt'), name: 'huge.txt', id: 'huge.txt' })).toMatchObject({ reason: '文件过大（300.0 MB，上限 50 MB）' });
		// bytes handed over directly (the browser's upload path) meet the same limit
		expect(await ingestBytes('big.txt', new Uint8Array(MAX_BYTES + 1))).toEqual({ ok: false, file: 'big.txt', reason: '文件过大（50.0 MB，上限 50 MB）' });
	});

	it('exactly at the limit: read and given to the adapter (which says what it is)', async () => {
		const dir = temp('size-');
		sparse(join(dir, 'at.doc'), MAX_BYTES);
		const r = await ingestFile(dir, { path: join(dir, 'at.doc'), name: 'at.doc', id: 'at.doc' });
		expect(r).toEqual({ ok: false, file: 'at.doc', reason: '是旧版 Word .doc 格式，无法直接读取，请在 Word/WPS 中另存为 .docx 后再导入' });
	});
});

describe('thousands of reports of one body and year', () => {
	const N = 2000;
	it(`${N} files of 示例县丙乡 2024: all land, each with one DUP warning naming the count, in reasonable time`, () => {
		const inDir = temp('dup-in-');
		const out = temp('dup-out-');
		for (let i = 0; i < N; i++)
			writeFileSync(join(inDir, `dup_${String(i).padStart(4, '0')}.txt`), writeTxt(randomSpec('2021', 9000 + i, { title: '示例县丙乡2024年政府信息公开工作年度报告' }).spec));
		const started = Date.now();
		const r = spawnSync(TSX, [SCRIPT, '--out', out, '--jobs', '2', inDir], { encoding: 'utf8' });
		const seconds = (Date.now() - started) / 1000;
		expect(r.status, r.stderr).toBe(0);
		expect(r.stdout).toMatch(new RegExp(`^解析成功 ${N} 份（其中 ${N} 份有错误或警告），失败 0 份；`));
		expect(r.stdout).toContain(`共 ${N} 份报告，${N} 份更新了跨年度核对结果`);
		const files = readdirSync(out).filter((f) => f.startsWith('dup_'));
		expect(files).toHaveLength(N);
		const message = `“示例县丙乡”2024年共有 ${N} 份报告（dup_0000.txt、dup_0001.txt、dup_0002.txt、dup_0003.txt、dup_0004.txt 等 ${N} 份）：各项统计会重复计算，请核对后只保留一份`;
		for (const f of [files[0], files[N - 1]]) {
			const rec = JSON.parse(readFileSync(join(out, f), 'utf8'));
			const dup = rec.findings.filter((x: { rule: string }) => x.rule === 'DUP');
			expect(dup.map((x: { message: string; severity: string }) => [x.severity, x.message])).toEqual([['warning', message]]);
		}
		const summary = parseSummary(readFileSync(join(out, 'summary.json'), 'utf8'));
		expect(summary?.reports).toHaveLength(N);
		console.log(`ingest of ${N} same-body reports: ${seconds.toFixed(1)} s`);
		// ~45 s of CPU on this machine (2 cores shared with other jobs: 2 min wall); the bound catches a quadratic slip
		expect(seconds).toBeLessThan(400);
	}, limit(600_000));
});
