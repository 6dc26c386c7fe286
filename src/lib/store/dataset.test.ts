/**
 * datasetFiles (the browser's 导出数据集) against the ingest command: the same input files give byte-identical
 * output files, cross-year findings included.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkReport } from '../check';
import { writeHtml } from '../generate/html';
import { writeTxt } from '../generate/txt';
import { randomSpec } from '../../../test/fixtures/specs';
import { datasetFiles, failuresJson } from './dataset';
import { ingestBytes } from './ingest';
import { limit } from '../../../test/timeouts';

const ROOT = join(import.meta.dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const SCRIPT = join(ROOT, 'scripts/ingest.ts');

const FILES: Record<string, string> = {
	'jia_2023.txt': writeTxt(randomSpec('2021', 41, { title: '示例县甲乡2023年政府信息公开工作年度报告' }).spec),
	'jia_2024.html': writeHtml(randomSpec('2021', 42, { title: '示例县甲乡2024年政府信息公开工作年度报告' }).spec),
	'yi_2019.htm': writeHtml(randomSpec('2019', 43, { title: '示例县乙镇2019年政府信息公开工作年度报告' }).spec)
};

async function checked(name: string) {
	const res = await ingestBytes(name, new TextEncoder().encode(FILES[name]));
	if (!res.ok) throw new Error(res.reason);
	return { ...res.report, findings: checkReport(res.report) };
}

describe('datasetFiles', () => {
	let cli: Map<string, Buffer>;
	beforeAll(() => {
		const inDir = mkdtempSync(join(tmpdir(), 'dataset-in-'));
		const out = mkdtempSync(join(tmpdir(), 'dataset-out-'));
		for (const [name, text] of Object.entries(FILES)) writeFileSync(join(inDir, name), text);
		writeFileSync(join(inDir, 'empty.txt'), '');
		const r = spawnSync(TSX, [SCRIPT, '--out', out, inDir], { encoding: 'utf8' });
		expect(r.status).toBe(1); // empty.txt fails
		cli = new Map(readdirSync(out).map((f) => [f, readFileSync(join(out, f))]));
	}, limit(60_000));

	it('gives the same files, byte for byte, as npm run ingest on the same input', async () => {
		const records = await Promise.all(Object.keys(FILES).reverse().map(checked));
		const files = datasetFiles(records, [{ file: 'empty.txt', reason: '文件为空' }]);
		expect([...files.keys()].sort()).toEqual([...cli.keys()].sort());
		for (const [name, bytes] of files) expect(Buffer.from(bytes).equals(cli.get(name)!), name).toBe(true);
		// the 2024 report carries X1 findings against 2023, computed over the set
		const jia = JSON.parse(new TextDecoder().decode(files.get('jia_2024.html.json')));
		expect(jia.findings.some((f: { rule: string; other?: string }) => f.rule === 'X1' && f.other === 'jia_2023.txt')).toBe(true);
	});

	it('an empty set still writes Arrow files with the schema', () => {
		const files = datasetFiles([], []);
		expect([...files.keys()].sort()).toEqual(['failures.json', 'findings.arrow', 'overview.json', 'reports.arrow', 'summary.json']);
		expect(new TextDecoder().decode(files.get('failures.json'))).toBe('[]\n');
		expect(files.get('reports.arrow')!.byteLength).toBeGreaterThan(1000);
	});

	it('failures.json is sorted by file name', () => {
		expect(failuresJson([{ file: 'b.pdf', reason: 'x' }, { file: 'a.txt', reason: 'y' }])).toBe(
			'[\n\t{\n\t\t"file": "a.txt",\n\t\t"reason": "y"\n\t},\n\t{\n\t\t"file": "b.pdf",\n\t\t"reason": "x"\n\t}\n]\n'
		);
	});
});

describe('arrowStream', () => {
	it('writes every chunk: 5 reports in chunks of 2 read back as 5 rows, in order', async () => {
		const { tableFromIPC } = await import('apache-arrow');
		const { arrowStream } = await import('./dataset');
		const { reportsTable } = await import('./arrow');
		const one = await checked('jia_2023.txt');
		const records = [1, 2, 3, 4, 5].map((i) => ({ ...one, id: `r${i}` }));
		const t = tableFromIPC(arrowStream(records, reportsTable, 2));
		expect(t.batches.length).toBe(3);
		expect(t.getChild('report_id')?.toArray()).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
	});
});
