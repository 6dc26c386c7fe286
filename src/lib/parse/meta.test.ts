import { describe, expect, it } from 'vitest';
import type { DocModel } from '../extract/model';
import { extractTxt } from '../extract/txt';
import { writeTxt } from '../generate/txt';
import { DEMO_MARKER } from '../template';
import fc from 'fast-check';
import { bodyFromTitle, fullerMatch, fullerPattern, metaOf, placeOf, yearFrom } from './meta';

const doc = (...paras: string[]): DocModel => ({ file: 'x.txt', kind: 'txt', blocks: paras.map((text, i) => ({ kind: 'p', text, where: { line: i + 1 } })) });
const TITLE = '托里县铁厂沟镇2023年政府信息公开工作年度报告';

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
		['新疆维吾尔自治区塔城地区托里县人民政府', { province: '新疆维吾尔自治区', city: '塔城地区', county: '托里县', township: null }],
		// 住房和城乡建设局 is a department: 城乡 is no township
		['托里县住房和城乡建设局', { province: null, city: null, county: '托里县', township: null }],
		['托里县城乡规划局', { province: null, city: null, county: '托里县', township: null }]
	])('%s splits into its places', (body, place) => {
		expect(placeOf(body)).toEqual(place);
	});

	it('year from a file name when the title has none', () => {
		expect(yearFrom('toli_kupu_2024.txt')).toBe(2024);
		expect(yearFrom('report.txt')).toBeNull();
	});
});

describe('demo marker', () => {
	it('a report with the marker paragraph after its title is 演示数据', () => {
		const m = metaOf(doc(TITLE, DEMO_MARKER, '一、总体情况'));
		expect(m).toMatchObject({ demo: true, origin: '演示数据', body: '托里县铁厂沟镇', county: '托里县', township: '铁厂沟镇', year: 2023 });
	});

	it('a report without it stays 真实报告; the marker is looked for at the start of the first ten paragraphs only', () => {
		expect(metaOf(doc(TITLE, '一、总体情况'))).toMatchObject({ demo: false, origin: '真实报告' });
		const late = Array.from({ length: 10 }, (_, i) => `第${i + 1}段。`);
		expect(metaOf(doc(TITLE, ...late, DEMO_MARKER)).demo).toBe(false);
		expect(metaOf(doc(TITLE, `本段引用了${DEMO_MARKER}`)).demo).toBe(false);
		expect(metaOf(doc(TITLE, ...late.slice(0, 8), DEMO_MARKER)).demo).toBe(true);
	});

	it('the txt writer prints the marker for a demo spec and the parser reads it back', () => {
		const spec = { title: TITLE, format: '2021' as const, values: {}, prose: {} };
		const read = (demo: boolean) => metaOf(extractTxt('a.txt', new TextEncoder().encode(writeTxt({ ...spec, demo }))));
		expect(read(true)).toMatchObject({ demo: true, origin: '演示数据' });
		expect(read(false)).toMatchObject({ demo: false, origin: '真实报告' });
	});
});

describe('fullerMatch: one shared pattern for every body', () => {
	const CHARS = ['由', '是', '在', '，', '。', '（', '(', '省', '市', '地区', '自治州', '盟', '淮安', '洪泽', '区', '县', '人民政府', '办公室', '局', '河', '远', '江苏', '\n', 'a', '1'];
	const piece = fc.constantFrom(...CHARS);
	const text = fc.array(piece, { maxLength: 40 }).map((xs) => xs.join(''));

	it('finds what the pattern with the body written in finds', () => {
		fc.assert(
			fc.property(text, fc.array(piece, { minLength: 1, maxLength: 6 }).map((xs) => xs.join('')), fc.nat(), (t, b, at) => {
				// bodies both inside the text and not
				const i = at % (t.length + 1);
				const subject = b.length % 2 ? t.slice(0, i) + b + t.slice(i) : t;
				expect(fullerMatch(subject, b)).toBe(subject.match(fullerPattern(b))?.[1]);
			}),
			{ numRuns: 20000 }
		);
	});

	it.each([
		['本报告由淮安市洪泽区人民政府办公室编制', '洪泽区人民政府办公室', '淮安市'],
		['本报告由江苏省淮安市洪泽区人民政府办公室编制', '洪泽区人民政府办公室', '江苏省淮安市'],
		['洪泽区人民政府办公室，淮安市洪泽区人民政府办公室', '洪泽区人民政府办公室', '淮安市'],
		['本报告由洪泽区人民政府办公室编制', '洪泽区人民政府办公室', undefined],
		['由淮安市洪泽区\n人民政府', '洪泽区\n人民政府', '淮安市']
	])('%s', (t, body, want) => {
		expect(fullerMatch(t, body)).toBe(want);
	});
});
