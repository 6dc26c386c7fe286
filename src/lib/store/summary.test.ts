import { describe, expect, it } from 'vitest';
import type { CheckedReport } from '../check';
import { HEADLINE_CELLS, parseSummary, summaryJson, summaryRow } from './summary';

function report(id: string, cells: Record<string, number | null>, extra: Partial<CheckedReport> = {}): CheckedReport {
	return {
		schema: 1,
		id,
		source: { file: id, kind: 'txt', bytes: 1, sha256: '' },
		meta: {
			title: null,
			body: '示例县甲乡',
			province: null,
			city: null,
			county: '示例县',
			township: '甲乡',
			year: 2024,
			origin: '演示数据',
			demo: true,
			from: {}
		},
		format: '2021',
		cells,
		detail: {},
		sections: {},
		prose: [],
		problems: [],
		findings: [],
		...extra
	} as CheckedReport;
}

describe('summary rows', () => {
	it('keeps headline cells, blanks as null and unprinted cells as null', () => {
		const r = summaryRow(report('a', { 't3.new.total': 7, 't3.granted.total': null }));
		expect(r.v.new).toBe(7);
		expect(r.v.granted).toBeNull();
		expect(r.v.review).toBeNull();
		expect(Object.keys(r.v).sort()).toEqual(Object.keys(HEADLINE_CELLS).sort());
	});

	it('counts findings by severity, flags ZERO and lists error rules once', () => {
		const f = (rule: string, severity: string) => ({ rule, severity, status: 'fail', report: 'a', cells: [], expected: null, actual: null, message: '' });
		const r = summaryRow(
			report('a', {}, {
				findings: [f('R1', 'error'), f('R1', 'error'), f('R4', 'error'), f('ZERO', 'warning'), f('R2', 'info')] as CheckedReport['findings']
			})
		);
		expect(r.errors).toBe(3);
		expect(r.warnings).toBe(1);
		expect(r.zero).toBe(true);
		expect(r.errorRules).toEqual(['R1', 'R4']);
	});

	it('takes the proactive count from the prose when quoted', () => {
		const r = summaryRow(report('a', {}, { prose: [{ key: 'proactive', value: 199, section: '一', where: {}, text: '' }] as CheckedReport['prose'] }));
		expect(r.proactive).toBe(199);
		expect(summaryRow(report('b', {})).proactive).toBeNull();
	});

	it('writes rows sorted by id, by column, and reads back the same rows', () => {
		const a = summaryRow(
			report('a', { 't3.new.total': 7, 't3.granted.total': null, 't4.review.total': 0 }, {
				findings: [
					{ rule: 'R4', severity: 'error' },
					{ rule: 'R1', severity: 'error' },
					{ rule: 'ZERO', severity: 'warning' }
				] as CheckedReport['findings'],
				prose: [{ key: 'proactive', value: 199, section: '一', where: {}, text: '' }] as CheckedReport['prose']
			})
		);
		const b = summaryRow(report('b', {}));
		const c = { ...summaryRow(report('c', { 't3.new.total': 1 })), body: null, county: null, township: null, year: null, format: null, demo: false, origin: '真实报告' };
		const text = summaryJson([b, c, a]);
		const s = parseSummary(text);
		expect(s?.schema).toBe(2);
		expect(s?.reports).toEqual([a, b, c]);
		// names once each, one line per column: 100k rows stay a few MB
		expect(JSON.parse(text).strings.filter((x: string) => x === '示例县甲乡')).toHaveLength(1);
		expect(text.split('\n').length).toBeLessThan(40);
		// the row-per-line schema 1 of earlier data folders is still read
		const old = `{"kind": "gov-disclosure-summary", "schema": 1, "reports": [${JSON.stringify(a)}]}`;
		expect(parseSummary(old)?.reports).toEqual([a]);
		// columns of unequal length are not a summary
		const bad = JSON.parse(text);
		bad.year.pop();
		expect(parseSummary(JSON.stringify(bad))).toBeUndefined();
		expect(parseSummary('{"kind":"other"}')).toBeUndefined();
		expect(parseSummary('not json')).toBeUndefined();
	});
});
