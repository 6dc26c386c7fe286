import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { toXlsx, xlsxSheets } from './xlsx';
import type { Stamp } from './stamp';

const stamp: Stamp = {
	title: '收到的申请（件）',
	unit: '件',
	scope: { where: '托里县', years: [2024], filters: [{ label: '地区', value: '托里县' }] },
	demo: true,
	date: new Date(2026, 10, 24)
};
const data = {
	columns: [{ label: '单位' }, { label: '新收（件）', num: true }, { label: '比率', num: true, format: '0.0%' }],
	rows: [
		['甲局', 7, 0.5],
		['乙局', null, null],
		['丙局', 0, '样本过少']
	]
};

describe('xlsx', () => {
	it('keeps numbers as numbers and blanks empty', () => {
		const s = xlsxSheets(data, stamp);
		expect(s.data[1]).toEqual([{ value: '甲局', type: String }, { value: 7, type: Number }, { value: 0.5, type: Number, format: '0.0%' }]);
		expect(s.data[2]).toEqual([{ value: '乙局', type: String }, null, null]);
		expect(s.data[3][1]).toEqual({ value: 0, type: Number });
		expect(s.data[3][2]).toEqual({ value: '样本过少', type: String });
	});
	it('lists the filters, source and date', () => {
		const rows = xlsxSheets(data, stamp).filters.map((r) => r.map((c) => (c && typeof c === 'object' && 'value' in c ? c.value : c)));
		expect(rows).toEqual([
			['项目', '内容'],
			['标题', '收到的申请（件）'],
			['单位', '件'],
			['地区', '托里县'],
			['筛选条件', '地区：托里县'],
			['数据来源', '各单位政府信息公开工作年度报告（含演示数据）'],
			['演示数据', '含演示数据（不是真实报告）'],
			['生成日期', '2026-11-24']
		]);
	});
	it('writes a workbook with two sheets, numbers as numeric cells', async () => {
		const blob = await toXlsx(data, stamp);
		const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
		expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']));
		const wb = strFromU8(files['xl/workbook.xml']);
		expect(wb).toContain('name="数据"');
		expect(wb).toContain('name="筛选条件"');
		const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
		// 7 in B2 is a number cell (no t="s"), the blank C3 is not written at all
		expect(sheet).toMatch(/<c r="B2"[^>]*><v>7<\/v><\/c>/);
		expect(sheet).not.toMatch(/<c r="B3"/);
		expect(sheet).toMatch(/<c r="B4"[^>]*><v>0<\/v><\/c>/);
	});
});
