import { describe, expect, it } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import { matrixContent, matrixLegend } from './matrixsvg';
import { coverageFindings, coverageSheet, type Coverage } from './overview';

const cell = (year: number, status: 'ok' | 'missing' | 'error' | 'zero', errors = 0) => ({
	body: '甲局',
	year,
	status,
	reports: [],
	zero: status === 'zero',
	errors,
	warnings: 0,
	errorRules: [],
	demo: true
});
const coverage: Coverage = {
	years: [2023, 2024],
	rows: [
		{ body: '托里县甲局', label: '甲局', county: '托里县', demo: true, real: false, uploaded: false, cells: [cell(2023, 'missing'), cell(2024, 'error', 2)] },
		{ body: '乙局', label: '乙局', county: null, demo: false, real: true, uploaded: true, cells: [cell(2023, 'zero'), cell(2024, 'ok')] }
	],
	expected: 4,
	received: 3,
	missing: 1,
	counts: { ok: 1, warning: 0, zero: 1, error: 1, missing: 1 }
};

describe('coverage matrix picture', () => {
	it('draws every cell with its icon and word', () => {
		const c = matrixContent(coverage);
		expect(c.parts.length).toBe(1);
		const doc = new DOMParser().parseFromString(c.parts[0].markup, 'image/svg+xml');
		const texts = Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent);
		expect(texts).toEqual(['2023年', '2024年', '甲局（演示）', '—未报', '✕错误 2', '乙局（上传）', '○零活动', '✓正常']);
		expect(c.height).toBe(28 + 2 * 26);
		expect(c.width).toBe(c.parts[0].width);
	});
	it('has a legend in words', () => {
		expect(matrixLegend().map((l) => l.label)).toEqual([
			'✓正常：已报告，无问题',
			'△警告：有警告',
			'○零活动：全年零申请、零复议、零诉讼',
			'✕错误：表格数字不一致',
			'—未报：未见该年度报告'
		]);
	});
});

describe('coverage as data and findings', () => {
	it('one row per body, one word per year', () => {
		expect(coverageSheet(coverage)).toEqual({
			columns: [{ label: '单位' }, { label: '所属县（市、区）' }, { label: '数据性质' }, { label: '2023年' }, { label: '2024年' }],
			rows: [
				['托里县甲局', '托里县', '演示数据', '未报', '错误 2'],
				['乙局', null, '真实报告', '零活动', '正常']
			]
		});
	});
	it('lists missing reports, zero activity and inconsistencies', () => {
		expect(coverageFindings(coverage).map((f) => [f.body, f.year, f.kind, f.demo])).toEqual([
			['托里县甲局', 2023, '未报', true],
			['托里县甲局', 2024, '不一致', true],
			['乙局', 2023, '零活动', true]
		]);
		expect(coverageFindings(coverage)[0].text).toBe('未见报告');
	});
});
