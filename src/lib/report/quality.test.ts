import { describe, expect, it } from 'vitest';
import type { QualityRow } from '$lib/db/report';
import { findingsSheet } from './quality';

const row: QualityRow = {
	reportId: 'r1.txt',
	rule: 'R1',
	kind: null,
	severity: 'error',
	status: 'open',
	cells: null,
	expected: 12,
	actual: 10,
	otherReport: null,
	message: '=SUM 不符',
	body: '托里县教育局',
	county: '托里县',
	township: null,
	year: 2024,
	origin: null,
	demo: true,
	sourceFile: null
};

describe('findings sheet', () => {
	it('keeps numbers as numbers and blanks blank', () => {
		const s = findingsSheet([row, { ...row, expected: null, actual: null, body: null, year: null, demo: false }]);
		expect(s.columns.map((c) => c.label)).toEqual(['严重程度', '状态', '规则', '规则名称', '单位', '数据性质', '年度', '说明', '应为', '实为', '报告']);
		expect(s.rows[0].slice(4)).toEqual(['托里县教育局', '演示数据', 2024, '=SUM 不符', 12, 10, 'r1.txt']);
		expect(s.rows[1].slice(4)).toEqual([null, '真实报告', null, '=SUM 不符', null, null, 'r1.txt']);
		expect(s.rows[0][0]).toBe('错误');
	});
});
