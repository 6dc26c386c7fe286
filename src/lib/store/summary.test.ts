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

	it('writes rows sorted by id, one per line, and reads them back', () => {
		const text = summaryJson([summaryRow(report('b', {})), summaryRow(report('a', {}))]);
		expect(text.split('\n').filter((l) => l.startsWith('\t\t{')).length).toBe(2);
		const s = parseSummary(text);
		expect(s?.reports.map((r) => r.id)).toEqual(['a', 'b']);
		expect(parseSummary('{"kind":"other"}')).toBeUndefined();
		expect(parseSummary('not json')).toBeUndefined();
	});
});
