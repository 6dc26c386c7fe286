/** RANGE (impossible numbers) and DUP (several reports of one body and year), with the messages a user reads. */
import { describe, expect, it } from 'vitest';
import { readCell } from '../parse/number';
import { cellDef } from '../template';
import { RULE_NAMES, checkAll, checkReport, crossYearFindings, duplicates } from './index';
import { zeroReport } from '../../../test/fixtures/reports';

const range = (r: ReturnType<typeof zeroReport>) => checkReport(r).filter((f) => f.rule === 'RANGE');

describe('RANGE: impossible numbers', () => {
	it('a printed “-5” is never read as 5: refused outside 本年增/减, kept negative inside it', () => {
		const natural = cellDef('t3.new.natural')!.column;
		expect(readCell('-5', natural)).toEqual({ kind: 'unreadable', reason: '此栏不能为负数：“-5”' });
		expect(readCell('－5', natural)).toEqual({ kind: 'unreadable', reason: '此栏不能为负数：“－5”' });
		expect(readCell('−5', natural)).toEqual({ kind: 'unreadable', reason: '“−5”不是一个数字' });
		expect(readCell('-5', cellDef('t2.licensing.change')!.column)).toEqual({ kind: 'number', value: -5 });
	});

	it('a count above 10^9 is an error naming the cell and the value; 10^9 itself passes', () => {
		const r = zeroReport('a', { 't3.new.natural': 1_000_000_001, 't3.new.legal': 1_000_000_000 });
		r.detail['t3.new.natural'] = { value: 1_000_000_001, raw: '1,000,000,001', where: { table: 1, row: 3, cell: 1 } };
		expect(range(r)).toEqual([
			{
				rule: 'RANGE',
				severity: 'error',
				status: 'fail',
				report: 'a',
				cells: ['t3.new.natural'],
				expected: null,
				actual: 1_000_000_001,
				message: '“表三·本年新收政府信息公开申请数量·自然人”为 1,000,000,001（原文“1,000,000,001”），超过 1,000,000,000，不可能是真实数字，请核对原文'
			}
		]);
		expect(RULE_NAMES.RANGE).toBe('数值超出可能范围（负数或超过10亿）');
	});

	it('万元 has the same limit; 元 the limit of 10^9 万元; a negative stored count is an error', () => {
		const fees = zeroReport('a', { 't2.fees.amount': 1e9 + 0.5 });
		expect(range(fees).map((f) => f.message)).toEqual(['“表二·行政事业性收费·本年收费金额（单位：万元）”为 1,000,000,000.5 万元，超过 1,000,000,000，不可能是真实数字，请核对原文']);
		const r2019 = zeroReport('b', { 't2.procurement.amount': 9e12, 't2.licensing.change': -2e9 }, { format: '2019' });
		expect(range(r2019).map((f) => [f.cells[0], f.actual])).toEqual([['t2.licensing.change', -2e9]]);
		const neg = zeroReport('c', { 't4.review.upheld': -3 });
		expect(range(neg).map((f) => f.message)).toEqual(['“表四·行政复议·结果维持”为负数 -3：此栏不能为负数，请核对原文']);
	});
});

describe('DUP: several reports of one body and year', () => {
	const dup = (id: string, year = 2024, body = '示例县示例乡') => {
		const r = zeroReport(id, {}, { year, body });
		r.source.file = `${id}.txt`;
		return r;
	};

	it('two files of one body and year: a warning on each, naming both files', () => {
		const fs = duplicates([dup('b'), dup('a'), dup('c', 2023), dup('d', 2024, '示例县另一乡')]);
		expect(fs.map((f) => [f.report, f.severity, f.status, f.actual])).toEqual([
			['b', 'warning', 'notice', 2],
			['a', 'warning', 'notice', 2]
		]);
		expect(fs[0].message).toBe('“示例县示例乡”2024年共有 2 份报告（a.txt、b.txt）：各项统计会重复计算，请核对后只保留一份');
		expect(RULE_NAMES.DUP).toBe('同一单位同一年度有多份报告');
	});

	it('2000 reports of one body and year: one short message each, fast', () => {
		const reports = Array.from({ length: 2000 }, (_, i) => dup(`r${String(i).padStart(4, '0')}`));
		const t = performance.now();
		const fs = crossYearFindings(reports);
		expect(performance.now() - t).toBeLessThan(1000);
		expect(fs).toHaveLength(2000);
		expect(new Set(fs.map((f) => f.message))).toEqual(
			new Set(['“示例县示例乡”2024年共有 2000 份报告（r0000.txt、r0001.txt、r0002.txt、r0003.txt、r0004.txt 等 2000 份）：各项统计会重复计算，请核对后只保留一份'])
		);
	});

	it('checkAll adds DUP beside the per-report findings; a body with one report per year has none', () => {
		expect(checkAll([dup('a'), dup('b')]).map((r) => r.findings.map((f) => f.rule))).toEqual([
			['ZERO', 'DUP'],
			['ZERO', 'DUP']
		]);
		expect(checkAll([dup('a', 2023), dup('b', 2024)]).flatMap((r) => r.findings.filter((f) => f.rule === 'DUP'))).toEqual([]);
	});
});
