/** finalize over more records than one Arrow chunk: every record lands in reports.arrow (the stream used to close after the first chunk). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { writeTxt } from '../generate/txt';
import { randomSpec } from '../../../test/fixtures/specs';
import { finalize, ingestFile } from './fs';
import { parseSummary } from './summary';

describe('finalize', () => {
	const dir = mkdtempSync(join(tmpdir(), 'finalize-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('writes every record when they span several chunks', async () => {
		const ids: string[] = [];
		for (const [i, year] of [2021, 2022, 2023, 2024, 2025].entries()) {
			const { spec } = randomSpec('2021', 70 + i, { title: `示例县甲乡${year}年政府信息公开工作年度报告` });
			const path = join(dir, `jia_${year}.txt`);
			writeFileSync(path, writeTxt(spec));
			const r = await ingestFile(dir, { path, name: `jia_${year}.txt`, id: `jia_${year}.txt` });
			expect(r.ok).toBe(true);
			ids.push(`jia_${year}.txt`);
		}
		const res = await finalize(dir, [], { chunk: 2 });
		expect(res.records).toBe(5);
		const reports = tableFromIPC(readFileSync(join(dir, 'reports.arrow')));
		expect(reports.numRows).toBe(5);
		expect(reports.batches.length).toBe(3);
		expect([...reports.getChild('report_id')!].map(String)).toEqual(ids);
		expect([...reports.getChild('year')!].map(Number)).toEqual([2021, 2022, 2023, 2024, 2025]);
		expect(parseSummary(readFileSync(join(dir, 'summary.json'), 'utf8'))?.reports).toHaveLength(5);
	});
});
