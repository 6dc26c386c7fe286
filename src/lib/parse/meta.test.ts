import { describe, expect, it } from 'vitest';
import { bodyFromTitle, placeOf, yearFrom } from './meta';

describe('metadata from titles', () => {
	it.each([
		['托里县库普乡2024年政府信息公开工作年度报告', '托里县库普乡', 2024],
		['2019年上海市人民政府办公厅政府信息公开工作年度报告', '上海市人民政府办公厅', 2019],
		['淮安市洪泽区人民政府2023年度政府信息公开工作年度报告', '淮安市洪泽区人民政府', 2023],
		['托里县财政局2021年政府信息公开工作年度报告（修订版）', '托里县财政局', 2021]
	])('%s → %s, %d', (title, body, year) => {
		expect(bodyFromTitle(title)).toBe(body);
		expect(yearFrom(title)).toBe(year);
	});

	it.each([
		['托里县库普乡', { province: null, city: null, county: '托里县', township: '库普乡' }],
		['上海市人民政府办公厅', { province: null, city: '上海市', county: null, township: null }],
		['淮安市洪泽区人民政府', { province: null, city: '淮安市', county: '洪泽区', township: null }],
		['塔城地区托里县铁厂沟镇', { province: null, city: '塔城地区', county: '托里县', township: '铁厂沟镇' }],
		['博尔塔拉蒙古自治州精河县托里镇', { province: null, city: '博尔塔拉蒙古自治州', county: '精河县', township: '托里镇' }],
		['新疆维吾尔自治区塔城地区托里县人民政府', { province: '新疆维吾尔自治区', city: '塔城地区', county: '托里县', township: null }]
	])('%s splits into its places', (body, place) => {
		expect(placeOf(body)).toEqual(place);
	});

	it('year from a file name when the title has none', () => {
		expect(yearFrom('toli_kupu_2024.txt')).toBe(2024);
		expect(yearFrom('report.txt')).toBeNull();
	});
});
