/** The ingest command end to end, on files generated from the template (no corpus needed). */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeHtml } from '../../src/lib/generate/html';
import { writeTxt } from '../../src/lib/generate/txt';
import { randomSpec } from '../fixtures/specs';
import { parseSummary } from '../../src/lib/store/summary';

const TSX = join(import.meta.dirname, '../../node_modules/.bin/tsx');
const SCRIPT = join(import.meta.dirname, '../../scripts/ingest.ts');

function ingest(out: string, ...inputs: string[]) {
	const r = spawnSync(TSX, [SCRIPT, '--out', out, ...inputs], { encoding: 'utf8' });
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function snapshot(dir: string): Record<string, string> {
	return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));
}

describe('npm run ingest', () => {
	let inDir: string;
	let out: string;
	const a = randomSpec('2021', 41, { title: '示例县甲乡2023年政府信息公开工作年度报告' });
	const b = randomSpec('2021', 42, { title: '示例县甲乡2024年政府信息公开工作年度报告' });
	const c = randomSpec('2019', 43, { title: '示例县乙镇2019年政府信息公开工作年度报告' });

	beforeAll(() => {
		inDir = mkdtempSync(join(tmpdir(), 'ingest-in-'));
		out = mkdtempSync(join(tmpdir(), 'ingest-out-'));
		writeFileSync(join(inDir, 'jia_2023.txt'), writeTxt(a.spec));
		writeFileSync(join(inDir, 'jia_2024.html'), writeHtml(b.spec));
		writeFileSync(join(inDir, 'yi_2019.htm'), writeHtml(c.spec, { boilerplate: true }));
		writeFileSync(join(inDir, 'empty.txt'), '');
		writeFileSync(join(inDir, 'notes.xyz'), 'hello');
		writeFileSync(join(inDir, 'junk.html'), Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 0, 0]));
	});

	it('parses a folder: good files land, each bad file gets one line with its name and reason, exit code 1', () => {
		const r = ingest(out, inDir);
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/✗ empty\.txt: 文件为空/);
		expect(r.stderr).toMatch(/✗ notes\.xyz: 不支持的文件类型“\.xyz”/);
		expect(r.stderr).toMatch(/✗ junk\.html: .*二进制/);
		expect(r.stdout).toMatch(/解析成功 3 份.*失败 3 份/);
		expect(readdirSync(out).sort()).toEqual(['failures.json', 'findings.arrow', 'jia_2023.txt.json', 'jia_2024.html.json', 'overview.json', 'reports.arrow', 'summary.json', 'yi_2019.htm.json']);
	});

	it('writes the contract fields: source.file, format, cells (exact), findings', () => {
		const doc = JSON.parse(readFileSync(join(out, 'yi_2019.htm.json'), 'utf8'));
		expect(doc.source.file).toBe('yi_2019.htm');
		expect(doc.format).toBe('2019');
		expect(doc.cells).toEqual(c.expected);
		expect(Array.isArray(doc.findings)).toBe(true);
		expect(JSON.parse(readFileSync(join(out, 'jia_2023.txt.json'), 'utf8')).cells).toEqual(a.expected);
	});

	it('checks across years of one body: 2024 is compared with 2023 (X1)', () => {
		const doc = JSON.parse(readFileSync(join(out, 'jia_2024.html.json'), 'utf8'));
		const x1 = doc.findings.filter((f: { rule: string }) => f.rule === 'X1');
		// random values: carried 2024 ≠ forward 2023 in some columns, each a finding naming the 2023 report
		expect(x1.length).toBeGreaterThan(0);
		expect(x1.every((f: { other: string }) => f.other === 'jia_2023.txt')).toBe(true);
	});

	it('writes Arrow files the dashboard loads: one row per report, one column per cell id', () => {
		const t = tableFromIPC(readFileSync(join(out, 'reports.arrow')));
		expect(t.numRows).toBe(3);
		const ids = t.getChild('report_id')!.toArray();
		const i = ids.indexOf('yi_2019.htm');
		expect(t.getChild('t3_new_total')!.get(i)).toBe(c.expected['t3.new.total']);
		expect(t.getChild('year')!.get(i)).toBe(2019);
		const f = tableFromIPC(readFileSync(join(out, 'findings.arrow')));
		const total = ['jia_2023.txt', 'jia_2024.html', 'yi_2019.htm'].reduce((n, id) => n + JSON.parse(readFileSync(join(out, `${id}.json`), 'utf8')).findings.length, 0);
		expect(f.numRows).toBe(total);
	});

	it('writes summary.json: one row per report with the headline cells and finding counts', () => {
		const s = parseSummary(readFileSync(join(out, 'summary.json'), 'utf8'))!;
		expect(s.kind).toBe('gov-disclosure-summary');
		expect(s.reports.map((r) => r.id)).toEqual(['jia_2023.txt', 'jia_2024.html', 'yi_2019.htm']);
		const yi = s.reports[2];
		const doc = JSON.parse(readFileSync(join(out, 'yi_2019.htm.json'), 'utf8'));
		expect(yi.v.new).toBe(c.expected['t3.new.total']);
		expect(yi.v.review).toBe(c.expected['t4.review.total']);
		expect(yi.errors).toBe(doc.findings.filter((f: { severity: string }) => f.severity === 'error').length);
		expect(yi.year).toBe(2019);
	});

	it('running twice on the same input gives byte-identical output', () => {
		const before = snapshot(out);
		ingest(out, inDir);
		expect(snapshot(out)).toEqual(before);
	});

	it('re-ingesting a changed file replaces its record; a fixed file clears its failure', () => {
		const changed = randomSpec('2021', 44, { title: '示例县甲乡2023年政府信息公开工作年度报告' });
		writeFileSync(join(inDir, 'jia_2023.txt'), writeTxt(changed.spec));
		writeFileSync(join(inDir, 'empty.txt'), writeTxt(randomSpec('2021', 45, { title: '示例县丙乡2022年政府信息公开工作年度报告' }).spec));
		const r = ingest(out, join(inDir, 'jia_2023.txt'), join(inDir, 'empty.txt'));
		expect(r.code).toBe(0);
		expect(JSON.parse(readFileSync(join(out, 'jia_2023.txt.json'), 'utf8')).cells).toEqual(changed.expected);
		expect(readdirSync(out).filter((f) => f.endsWith('.json') && f !== 'failures.json' && f !== 'summary.json' && f !== 'overview.json')).toHaveLength(4);
		const failures = JSON.parse(readFileSync(join(out, 'failures.json'), 'utf8'));
		expect(failures.map((f: { file: string }) => f.file).sort()).toEqual(['junk.html', 'notes.xyz']);
	});

	it('refuses to run without --out', () => {
		expect(() => execFileSync(TSX, [SCRIPT, inDir], { stdio: 'pipe' })).toThrow();
	});
});
