import { describe, expect, it } from 'vitest';
import { checkAll, checkReport } from './index';
import { zeroReport } from '../../../test/fixtures/reports';

const rules = (fs: { rule: string }[]) => fs.map((f) => f.rule);

describe('R1–R4 inside one report', () => {
	it('an all-zero report breaks no sum rule (but is flagged as zero activity)', () => {
		expect(rules(checkReport(zeroReport('a')))).toEqual(['ZERO']);
	});

	it('R1: new + carried ≠ total + forward in one column, with the plain-Chinese sums', () => {
		const r = zeroReport('a', {
			't3.new.natural': 5, 't3.carried.natural': 3, 't3.total.natural': 7, 't3.forward.natural': 0,
			't3.granted.natural': 7, 't3.new.total': 5, 't3.carried.total': 3, 't3.total.total': 7, 't3.granted.total': 7
		});
		const r1 = checkReport(r).filter((f) => f.rule === 'R1');
		expect(r1).toHaveLength(2);
		expect(r1[0]).toMatchObject({
			severity: 'error', status: 'fail', expected: 8, actual: 7,
			cells: ['t3.new.natural', 't3.carried.natural', 't3.total.natural', 't3.forward.natural']
		});
		expect(r1[0].message).toBe('自然人一栏：第一项+第二项=8，第三项+第四项=7，两者不等');
	});

	it('R2: a row total that is not the sum of applicants', () => {
		const f = checkReport(zeroReport('a', { 't3.granted.natural': 2, 't3.granted.legal': 1, 't3.granted.total': 2 })).filter((x) => x.rule === 'R2');
		expect(f).toEqual([expect.objectContaining({ status: 'fail', expected: 3, actual: 2, cells: expect.arrayContaining(['t3.granted.total', 't3.granted.legal']) })]);
	});

	it('R3: the total row against the sum of results, over the rows the report prints', () => {
		const r = zeroReport('a', { 't3.rejected.repeat.commercial': 4, 't3.total.commercial': 3 }, { omit: ['t3.other.misc'] });
		const f = checkReport(r).filter((x) => x.rule === 'R3');
		expect(f).toHaveLength(1);
		expect(f[0]).toMatchObject({ expected: 4, actual: 3 });
		expect(f[0].cells).toContain('t3.rejected.repeat.commercial');
		expect(f[0].cells).not.toContain('t3.other.misc.commercial');
	});

	it('R4: 洪泽区 2023 style — 10+1+0+0 ≠ 总计 0', () => {
		const f = checkReport(zeroReport('a', { 't4.review.upheld': 10, 't4.review.corrected': 1 })).filter((x) => x.rule === 'R4');
		expect(f).toEqual([
			expect.objectContaining({
				severity: 'error',
				expected: 11,
				actual: 0,
				cells: ['t4.review.upheld', 't4.review.corrected', 't4.review.other', 't4.review.pending', 't4.review.total']
			})
		]);
	});

	it('a blank cell makes the rule unverifiable, naming the blank and whether zeros would hold', () => {
		const f = checkReport(zeroReport('a', { 't4.review.other': null })).filter((x) => x.rule === 'R4');
		expect(f).toEqual([expect.objectContaining({ status: 'unverifiable', severity: 'info', blanks: ['t4.review.other'], holdsIfBlankZero: true })]);
		const g = checkReport(zeroReport('a', { 't4.review.upheld': 2, 't4.review.total': null })).filter((x) => x.rule === 'R4');
		expect(g).toEqual([expect.objectContaining({ status: 'unverifiable', severity: 'warning', holdsIfBlankZero: false })]);
	});

	it('an unprinted row takes its cells out of the sums instead of counting them as zero', () => {
		const r = zeroReport('a', {}, { omit: ['t3.new'] });
		const f = checkReport(r);
		expect(rules(f)).toContain('MISSING');
		expect(f.filter((x) => x.rule === 'R1')).toEqual([]);
	});
});

describe('missing rows, zero activity, prose', () => {
	it('a 2021 report printing only two of the three （六） rows gets one MISSING finding', () => {
		const f = checkReport(zeroReport('a', {}, { omit: ['t3.other.misc'] })).filter((x) => x.rule === 'MISSING');
		expect(f).toHaveLength(1);
		expect(f[0].cells[0]).toBe('t3.other.misc.natural');
	});

	it('a 2021 report printing the single （六） row is complete', () => {
		const cells = Object.fromEntries(['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org', 'total'].map((c) => [`t3.other.${c}`, 0]));
		const r = zeroReport('a', cells, { omit: ['t3.other.overdue_correction', 't3.other.overdue_fee', 't3.other.misc'] });
		expect(checkReport(r).filter((x) => x.rule === 'MISSING')).toEqual([]);
	});

	it('zero activity needs printed zeros, not blanks', () => {
		expect(rules(checkReport(zeroReport('a', { 't3.new.total': null })))).not.toContain('ZERO');
		expect(rules(checkReport(zeroReport('a', { 't4.review.total': 1, 't4.review.upheld': 1 })))).not.toContain('ZERO');
	});

	it('N1 compares prose counts with the table', () => {
		const r = zeroReport('a', { 't3.new.natural': 95, 't3.new.total': 95, 't3.total.natural': 95, 't3.total.total': 95, 't3.granted.natural': 95, 't3.granted.total': 95 });
		r.prose = [{ key: 'received', value: 17, text: '受理政府信息公开申请17件', where: {} }];
		expect(checkReport(r).filter((x) => x.rule === 'N1')).toEqual([
			expect.objectContaining({ severity: 'warning', expected: 17, actual: 95, cells: ['t3.new.total'] })
		]);
		r.prose[0].value = 95;
		expect(checkReport(r).filter((x) => x.rule === 'N1')).toEqual([]);
	});
});

describe('across years of one body', () => {
	const y1 = zeroReport('y2023', { 't3.forward.natural': 2, 't3.forward.total': 2, 't3.new.natural': 2, 't3.new.total': 2, 't2.normative.in_force': 10 }, { year: 2023 });
	it('X1: carried (N) = forward (N−1) per column', () => {
		const y2 = zeroReport('y2024', { 't3.carried.natural': 1, 't3.carried.total': 1, 't3.new.natural': 1, 't3.new.total': 1, 't3.forward.natural': 2, 't3.forward.total': 2, 't2.normative.in_force': 10 }, { year: 2024 });
		const f = checkAll([y1, y2]).find((r) => r.id === 'y2024')!.findings.filter((x) => x.rule === 'X1');
		expect(f.map((x) => [x.expected, x.actual, x.other])).toEqual([
			[2, 1, 'y2023'],
			[2, 1, 'y2023']
		]);
		expect(f[0].cells).toEqual(['y2023#t3.forward.natural', 't3.carried.natural']);
		expect(f[0].message).toBe('自然人一栏：2023年结转下年度=2，2024年上年结转=1，两者不等');
	});

	it('X2 (soft): in force (N) = in force (N−1) + issued − repealed', () => {
		const y2 = zeroReport('y2024', { 't3.carried.natural': 2, 't3.carried.total': 2, 't3.total.natural': 2, 't3.total.total': 2, 't3.granted.natural': 2, 't3.granted.total': 2, 't2.normative.issued': 3, 't2.normative.in_force': 12 }, { year: 2024 });
		const f = checkAll([y1, y2]).find((r) => r.id === 'y2024')!.findings.filter((x) => x.rule.startsWith('X'));
		expect(f).toEqual([expect.objectContaining({ rule: 'X2', severity: 'warning', expected: 13, actual: 12 })]);
	});

	it('bodies with the same name in different counties are not compared', () => {
		const a = zeroReport('a', { 't3.forward.total': 5, 't3.forward.natural': 5, 't3.new.total': 5, 't3.new.natural': 5 }, { body: '托里镇', county: '精河县', year: 2023 });
		const b = zeroReport('b', {}, { body: '托里镇', county: '托里县', year: 2024 });
		expect(checkAll([a, b]).flatMap((r) => r.findings).filter((f) => f.rule === 'X1')).toEqual([]);
	});
});
