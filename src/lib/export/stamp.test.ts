import { describe, expect, it } from 'vitest';
import { fileName, isoDate, safePart, sourceLine, stampLines, yearsText, type Stamp } from './stamp';

const date = new Date(2026, 10, 24, 9, 5);
const stamp: Stamp = {
	title: '办理结果（件）',
	unit: '件',
	scope: {
		where: '托里县',
		years: [2023, 2024],
		filters: [
			{ label: '地区', value: '托里县' },
			{ label: '年份', value: '2023—2024年' }
		]
	},
	demo: true,
	date
};

describe('stamp', () => {
	it('says the years as a range', () => {
		expect(yearsText([])).toBe('');
		expect(yearsText([2024])).toBe('2024年');
		expect(yearsText([2025, 2019, 2020])).toBe('2019—2025年');
	});
	it('writes the date as YYYY-MM-DD', () => {
		expect(isoDate(date)).toBe('2026-11-24');
		expect(isoDate(new Date(2025, 0, 3))).toBe('2025-01-03');
	});
	it('marks demo data in the source line', () => {
		expect(sourceLine(false)).toBe('数据来源：各单位政府信息公开工作年度报告');
		expect(sourceLine(true)).toBe('数据来源：各单位政府信息公开工作年度报告（含演示数据）');
	});
	it('stamps header and footer lines', () => {
		expect(stampLines(stamp)).toEqual({
			header: ['办理结果（件）', '单位：件'],
			footer: [
				'筛选条件：地区：托里县；年份：2023—2024年',
				'数据来源：各单位政府信息公开工作年度报告（含演示数据）',
				'生成日期：2026-11-24'
			]
		});
		expect(stampLines({ ...stamp, unit: '', demo: false, scope: { where: '', years: [], filters: [] } })).toEqual({
			header: ['办理结果（件）'],
			footer: ['数据来源：各单位政府信息公开工作年度报告', '生成日期：2026-11-24']
		});
	});
	it('names files 标题_范围_年份_日期.ext', () => {
		expect(fileName(stamp, 'png')).toBe('办理结果（件）_托里县_2023—2024年_2026-11-24.png');
		expect(fileName({ ...stamp, scope: { where: '全部地区', years: [], filters: [] } }, 'csv')).toBe('办理结果（件）_全部地区_2026-11-24.csv');
	});
	it('makes file names safe', () => {
		expect(safePart('a/b\\c:d*e?f"g<h>i|j')).toBe('abcdefghij');
		expect(safePart('  x\u0000\u001f\ty\n z ')).toBe('xy z');
		expect(safePart('..\\..\\etc')).toBe('etc');
		expect(safePart('甲'.repeat(100))).toBe('甲'.repeat(40));
		expect(fileName({ ...stamp, title: '“不予公开”的具体情形 / 件' }, 'svg')).toBe('“不予公开”的具体情形 件_托里县_2023—2024年_2026-11-24.svg');
	});
});
