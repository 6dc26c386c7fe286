import { describe, expect, it } from 'vitest';
import { sheetCell, tableSheet } from './table';

describe('tableSheet', () => {
	it('turns table cells into sheet cells: numbers, blanks, words', () => {
		expect(sheetCell(5)).toBe(5);
		expect(sheetCell(null)).toBe(null);
		expect(sheetCell(undefined)).toBe(null);
		expect(sheetCell('空白')).toBe(null);
		expect(sheetCell('2024年')).toBe('2024年');
		expect(sheetCell({ text: '45.5%', value: 0.455 })).toBe(0.455);
		expect(sheetCell({ text: '样本过少', muted: true, value: null })).toBe('样本过少');
		expect(sheetCell({ text: '无此项', muted: true })).toBe('无此项');
		expect(sheetCell({ text: '空白', muted: true, value: null })).toBe(null);
	});
	it('adds 数据性质 after the first column when rows are badged', () => {
		const s = tableSheet(
			[
				{ key: 'body', label: '单位' },
				{ key: 'year', label: '年度' },
				{ key: 'n', label: '新收（件）', num: true },
				{ key: 'r', label: '比率', num: true, format: '0.0%' }
			],
			[
				{ key: 'a', cells: { body: { text: '甲局', badge: 'demo' }, year: '2024年', n: 3, r: { text: '50.0%', value: 0.5 } } },
				{ key: 'b', cells: { body: { text: '乙局', badge: 'real' }, year: '2024年', n: null, r: { text: '空白', value: null } } }
			]
		);
		expect(s.columns).toEqual([
			{ label: '单位', num: undefined, format: undefined },
			{ label: '数据性质' },
			{ label: '年度', num: undefined, format: undefined },
			{ label: '新收（件）', num: true, format: undefined },
			{ label: '比率', num: true, format: '0.0%' }
		]);
		expect(s.rows).toEqual([
			['甲局', '演示数据', '2024年', 3, 0.5],
			['乙局', '真实报告', '2024年', null, null]
		]);
	});
	it('adds no 数据性质 column without badges', () => {
		const s = tableSheet([{ key: 'm', label: '指标' }], [{ key: 'x', cells: { m: '新收' } }]);
		expect(s.columns.map((c) => c.label)).toEqual(['指标']);
		expect(s.rows).toEqual([['新收']]);
	});
});
