import { describe, expect, it } from 'vitest';
import { parseSidecar } from './sidecar';

describe('reports.csv sidecar', () => {
	it('reads English or Chinese headers, quoted fields, a BOM and CRLF', () => {
		const csv = '\uFEFFfile,body,county,township,year\r\na.txt,"托里县库普乡",托里县,库普乡,2024\r\n文件二.html,托里县财政局,托里县,,2023年\r\n';
		const { entries, errors } = parseSidecar(csv);
		expect(errors).toEqual([]);
		expect(entries.get('a.txt')).toEqual({ meta: { body: '托里县库普乡', county: '托里县', township: '库普乡', year: 2024 } });
		expect(entries.get('文件二.html')?.meta).toEqual({ body: '托里县财政局', county: '托里县', year: 2023 });
		const zh = parseSidecar('文件名,单位,年份,格式\nb.pdf,某县人民政府,2020,2019\n');
		expect(zh.entries.get('b.pdf')).toEqual({ meta: { body: '某县人民政府', year: 2020 }, format: '2019' });
	});

	it('reports bad rows by line instead of guessing', () => {
		const { entries, errors } = parseSidecar('file,year,format\n,2020,\nx.txt,二〇二〇,2018\n');
		expect(entries.get('x.txt')).toEqual({ meta: {} });
		expect(errors).toEqual(['reports.csv 第2行：缺少文件名（file）', 'reports.csv 第3行：年份“二〇二〇”无效', 'reports.csv 第3行：格式“2018”无效（应为 2021 或 2019）']);
	});
});
