/** Bad input through the ingest command: one line per bad file with its name and reason; the rest lands. */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, ftruncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTxt } from '../../src/lib/generate/txt';
import { randomSpec } from '../fixtures/specs';
import { limit } from '../timeouts';

const TSX = join(import.meta.dirname, '../../node_modules/.bin/tsx');
const SCRIPT = join(import.meta.dirname, '../../scripts/ingest.ts');

describe('ingest: bad input never stops the batch', () => {
	it('names each bad file and its reason, lands the good one, exits 1', () => {
		const dir = mkdtempSync(join(tmpdir(), 'bad-in-'));
		const out = mkdtempSync(join(tmpdir(), 'bad-out-'));
		const good = randomSpec('2021', 77, { title: '示例县丁乡2024年政府信息公开工作年度报告' });
		writeFileSync(join(dir, 'good.txt'), writeTxt(good.spec));
		writeFileSync(join(dir, 'empty.pdf'), '');
		writeFileSync(join(dir, 'broken.docx'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]));
		writeFileSync(join(dir, 'truncated.pdf'), '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pa');
		writeFileSync(join(dir, 'junk.txt'), Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)));
		writeFileSync(join(dir, 'old.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
		writeFileSync(join(dir, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
		writeFileSync(join(dir, 'latin1.html'), Buffer.from('<html><body><p>Caf\xe9 r\xe9sum\xe9 na\xefve</p></body></html>', 'latin1'));
		// a 100 MB file (sparse): refused by size before it is read
		const fd = openSync(join(dir, 'huge.pdf'), 'w');
		ftruncateSync(fd, 100 * 1024 * 1024);
		closeSync(fd);

		const r = spawnSync(TSX, [SCRIPT, '--out', out, dir], { encoding: 'utf8' });
		expect(r.status).toBe(1);
		const lines = r.stderr.split('\n').filter((l) => l.startsWith('✗ '));
		const reason = (f: string) => lines.find((l) => l.startsWith(`✗ ${f}: `))?.slice(f.length + 4);
		expect(lines).toHaveLength(8);
		expect(reason('empty.pdf')).toMatch(/空/);
		expect(reason('broken.docx')).toMatch(/损坏|不是 Word/);
		expect(reason('truncated.pdf')).toMatch(/不完整|截断|损坏|无法/);
		expect(reason('junk.txt')).toMatch(/二进制|编码|表格/);
		expect(reason('old.doc')).toMatch(/旧版 Word/);
		expect(reason('photo.jpg')).toMatch(/不支持的文件类型/);
		expect(reason('latin1.html')).toMatch(/无法识别文本编码/);
		expect(reason('huge.pdf')).toMatch(/文件过大（100\.0 MB/);
		expect(r.stdout).toMatch(/解析成功 1 份/);
		expect(JSON.parse(readFileSync(join(out, 'good.txt.json'), 'utf8')).cells).toEqual(good.expected);
		expect(JSON.parse(readFileSync(join(out, 'failures.json'), 'utf8'))).toHaveLength(8);
		expect(readdirSync(out).filter((f) => f.includes('.tmp-'))).toEqual([]);
	}, limit(60_000));
});
