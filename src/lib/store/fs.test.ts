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
		// counts in the narrowest integer type their values need, amounts Float64
		const type = (c: string) => String(reports.schema.fields.find((f) => f.name === c)?.type);
		const col = (c: string) => [...reports.getChild(c)!].filter((v): v is number => v !== null);
		const need = (c: string) => (Math.max(...col(c).map(Math.abs), 0) <= 127 ? 'Int8' : Math.max(...col(c).map(Math.abs)) <= 32767 ? 'Int16' : 'Int32');
		for (const c of ['t3_new_total', 't3_granted_total', 't4_review_total', 't2_rules_issued']) expect(type(c)).toBe(need(c));
		expect(type('t2_fees_amount')).toBe('Float64');
	});

	it('a value beyond Int32 in the last chunk makes its column Float64 in every batch, the number kept as read', async () => {
		const file = join(dir, 'jia_2025.txt.json');
		const rec = JSON.parse(readFileSync(file, 'utf8'));
		const before = tableFromIPC(readFileSync(join(dir, 'reports.arrow'))).getChild('t3_new_total')!;
		rec.cells['t3.new.total'] = 5_000_000_000;
		writeFileSync(file, JSON.stringify(rec));
		await finalize(dir, [], { chunk: 2 });
		const reports = tableFromIPC(readFileSync(join(dir, 'reports.arrow')));
		expect(reports.batches.map((b) => String(b.schema.fields.find((f) => f.name === 't3_new_total')?.type))).toEqual(['Float64', 'Float64', 'Float64']);
		const col = reports.getChild('t3_new_total')!;
		expect([0, 1, 2, 3].map((i) => col.get(i))).toEqual([0, 1, 2, 3].map((i) => before.get(i)));
		expect(col.get(4)).toBe(5_000_000_000);
		expect(String(reports.schema.fields.find((f) => f.name === 't3_total_total')?.type)).toMatch(/^Int(8|16|32)$/);
	});
});
