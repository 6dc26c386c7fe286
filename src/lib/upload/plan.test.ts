import { describe, expect, it } from 'vitest';
import type { ReportMeta } from '$lib/parse';
import { formMeta, planBatch, readSidecars, unsureMeta } from './plan';

const meta = (m: Partial<ReportMeta>): ReportMeta => ({
	title: null,
	body: null,
	province: null,
	city: null,
	county: null,
	township: null,
	year: null,
	origin: '真实报告',
	demo: false,
	from: {},
	...m
});

describe('planBatch', () => {
	it('sorts by path, leaves out hidden files and reports.csv, makes ids unique like the ingest command', () => {
		const picked = ['b/x.pdf', 'a/x.pdf', 'a/.DS_Store', '.git/y.txt', 'a/reports.csv', 'a/z?.txt'].map((path) => ({ path, item: path }));
		expect(planBatch(picked).map((p) => [p.path, p.name, p.id])).toEqual([
			['a/x.pdf', 'x.pdf', 'x.pdf'],
			['a/z?.txt', 'z?.txt', 'z_.txt'],
			['b/x.pdf', 'x.pdf', 'x.pdf~2']
		]);
	});

	it('applies a reports.csv of the same folder only', () => {
		const { sidecars, errors } = readSidecars(new Map([['a', 'file,body,county,year\nx.pdf,示例县甲乡人民政府,示例县,2023\ny.pdf,乙,,20x\n']]));
		expect(errors).toEqual(['a/reports.csv 第3行：年份“20x”无效']);
		const plan = planBatch([{ path: 'a/x.pdf', item: 1 }, { path: 'b/x.pdf', item: 2 }], sidecars);
		expect(plan[0].meta).toEqual({ body: '示例县甲乡人民政府', county: '示例县', year: 2023 });
		expect(plan[1].meta).toBeUndefined();
	});
});

describe('unsureMeta', () => {
	it('asks when body, year or place is unknown, or the year is only in the file name', () => {
		expect(unsureMeta(meta({}))).toEqual(['未能识别报告单位', '未能识别报告年份']);
		expect(unsureMeta(meta({ body: '卫生健康委员会', year: 2023, from: { year: '标题' } }))).toEqual(['未能从单位名称识别所在县区']);
		expect(unsureMeta(meta({ body: '淮安市人民政府', city: '淮安市', year: 2024, from: { year: '文件名' } }))).toEqual(['年份 2024 取自文件名']);
		expect(unsureMeta(meta({ body: '淮安市洪泽区人民政府', city: '淮安市', county: '洪泽区', year: 2023, from: { year: '标题' } }))).toEqual([]);
	});
});

describe('formMeta', () => {
	it('turns the form into overrides and says what is wrong in Chinese', () => {
		expect(formMeta({ body: ' 示例县甲乡人民政府 ', county: '示例县', year: '2024年' })).toEqual({
			meta: { body: '示例县甲乡人民政府', county: '示例县', year: 2024 },
			errors: []
		});
		expect(formMeta({ body: '', county: '', year: '2018' }).errors).toEqual(['请填写报告单位', '年份“2018”无效（应为 2019 年及以后的四位年份）']);
		expect(formMeta({ body: '甲', county: '', year: '' })).toEqual({ meta: { body: '甲' }, errors: ['请填写年份'] });
	});
});
