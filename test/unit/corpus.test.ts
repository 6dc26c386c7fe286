/**
 * The real corpus: every cell of every file equals truth.json (same ids, same numbers, same nulls),
 * and the findings are the ones the corpus README documents.
 */
import { beforeAll, expect, it } from 'vitest';
import { checkAll, type CheckedReport, type Finding } from '../../src/lib/check';
import { ingestBytes } from '../../src/lib/store/ingest';
import { corpusFile, describeCorpus, truth } from '../corpus';
import { limit } from '../timeouts';

describeCorpus('real corpus', () => {
	const reports: Record<string, CheckedReport> = {};
	const failures: Record<string, string> = {};
	let compared = 0;

	beforeAll(async () => {
		const parsed = [];
		for (const file of Object.keys(truth())) {
			const res = await ingestBytes(file, corpusFile(file));
			if (res.ok) parsed.push(res.report);
			else failures[file] = res.reason;
		}
		for (const r of checkAll(parsed)) reports[r.source.file] = r;
	}, limit(120_000));

	for (const [file, t] of Object.entries(truth())) {
		it(`${file}: every cell equals truth.json`, () => {
			expect(failures[file], `ingest failed: ${failures[file]}`).toBeUndefined();
			const r = reports[file];
			expect(r.format).toBe(t.format);
			expect(Object.keys(r.cells).sort()).toEqual(Object.keys(t.cells).sort());
			for (const [id, v] of Object.entries(t.cells)) expect(r.cells[id], id).toBe(v);
			compared += Object.keys(t.cells).length;
		});
	}

	it('prints the number of cells compared', () => {
		const total = Object.values(truth()).reduce((a, t) => a + Object.keys(t.cells).length, 0);
		console.log(`corpus: ${compared} of ${total} cells compared exactly`);
		expect(compared).toBe(total);
	});

	const errors = (f: string) => reports[f].findings.filter((x) => x.severity === 'error');
	const byRule = (f: string, rule: Finding['rule']) => reports[f].findings.filter((x) => x.rule === rule);

	it('库普乡 2024: zero activity; one blank cell unverifiable; （六） row 3 not printed; no errors', () => {
		const f = 'toli_kupu_2024.txt';
		expect(reports[f].meta).toMatchObject({ body: '托里县库普乡', county: '托里县', township: '库普乡', year: 2024 });
		expect(byRule(f, 'ZERO')).toHaveLength(1);
		expect(errors(f)).toEqual([]);
		expect(byRule(f, 'MISSING').map((x) => x.kind)).toEqual(['row.missing']);
		const blanks = reports[f].findings.filter((x) => x.status === 'unverifiable' && x.blanks);
		expect(new Set(blanks.flatMap((x) => x.blanks))).toEqual(new Set(['t3.partial.research']));
		expect(blanks.every((x) => x.holdsIfBlankZero)).toBe(true);
		expect(reports[f].prose.map((p) => [p.key, p.value])).toEqual([
			['proactive', 199],
			['received', 0]
		]);
		expect(byRule(f, 'N1')).toEqual([]);
	});

	it('上海市政府办公厅 2019: 总计 column blank → R2/R3 unverifiable, hold on applicant columns; prose disagrees (N1)', () => {
		const f = 'shanghai_office_2019.html';
		expect(errors(f)).toEqual([]);
		const r3 = byRule(f, 'R3');
		expect(r3.every((x) => x.status === 'unverifiable')).toBe(true);
		// applicant columns hold if blanks were zeros; the 总计 column cannot (its result cells are all blank)
		expect(r3.filter((x) => !x.holdsIfBlankZero).map((x) => x.cells.at(-1))).toEqual(['t3.total.total']);
		const r2granted = byRule(f, 'R2').find((x) => x.cells.includes('t3.granted.total'))!;
		expect(r2granted).toMatchObject({ status: 'unverifiable', blanks: expect.arrayContaining(['t3.granted.total']) });
		const n1 = byRule(f, 'N1').filter((x) => x.status === 'fail');
		expect(n1.map((x) => [x.expected, x.actual])).toEqual([
			[258, 275],
			[265, 337]
		]);
	});

	it('洪泽区 2023: R4 fails twice, on exactly the review and after-review groups', () => {
		const f = 'huaian_hongze_2023.pdf';
		const r4 = byRule(f, 'R4').filter((x) => x.status === 'fail');
		expect(r4.map((x) => [x.cells, x.expected, x.actual])).toEqual([
			[['t4.review.upheld', 't4.review.corrected', 't4.review.other', 't4.review.pending', 't4.review.total'], 11, 0],
			[['t4.suit_after_review.upheld', 't4.suit_after_review.corrected', 't4.suit_after_review.other', 't4.suit_after_review.pending', 't4.suit_after_review.total'], 5, 0]
		]);
		expect(errors(f)).toEqual(r4);
	});

	it('洪泽区 2024: consistent; X1 with 2023 holds; prose 17 vs table 95 is a soft N1', () => {
		const f = 'huaian_hongze_2024.pdf';
		expect(errors(f)).toEqual([]);
		expect(byRule(f, 'X1')).toEqual([]);
		expect(reports[f].cells['t3.carried.total']).toBe(0);
		expect(reports['huaian_hongze_2023.pdf'].cells['t3.forward.total']).toBe(0);
		expect(byRule(f, 'N1').some((x) => x.expected === 17 && x.actual === 95 && x.severity === 'warning')).toBe(true);
	});

	it('淮安市 2024: consistent (3119 + 34 = 3050 + 103)', () => {
		const f = 'huaian_city_2024.pdf';
		expect(errors(f)).toEqual([]);
		const c = reports[f].cells;
		expect([c['t3.new.total'], c['t3.carried.total'], c['t3.total.total'], c['t3.forward.total']]).toEqual([3119, 34, 3050, 103]);
	});

	it('the blank official template: every id null, body and year reported missing', () => {
		const f = 'template_2021_blank.docx';
		expect(Object.values(reports[f].cells).every((v) => v === null)).toBe(true);
		expect(reports[f].problems.filter((p) => p.kind === 'meta.missing')).toHaveLength(2);
		expect(byRule(f, 'ZERO')).toEqual([]);
	});
});
