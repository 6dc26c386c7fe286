import { describe, expect, it } from 'vitest';
import * as docx from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { briefingDocument, briefingFileName, briefingTitle, DEMO_WARNING, fitPicture, type BriefingData } from './briefing';

// a 1×1 white PNG
const PNG = Uint8Array.from(
	atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg=='),
	(c) => c.charCodeAt(0)
);
const data: BriefingData = {
	page: '依申请公开',
	scope: { where: '托里县', years: [2023, 2024], filters: [{ label: '地区', value: '托里县' }, { label: '年份', value: '2023—2024年' }] },
	demo: true,
	date: new Date(2026, 10, 24),
	figures: [{ label: '依申请公开·新收申请', value: '1,234 件', note: '表三 本年新收政府信息公开申请数量·总计。' }],
	charts: [{ title: '办理结果（件）', png: PNG, width: 900, height: 450, demo: true }],
	findings: [
		{ body: '托里县教育局', year: 2023, kind: '未报', text: '未见报告', demo: true },
		{ body: '托里县财政局', year: 2024, kind: '不一致', text: '2 处错误（R1）', demo: false }
	]
};

describe('briefing', () => {
	it('names and titles the briefing', () => {
		expect(briefingTitle(data)).toBe('托里县2023—2024年政府信息公开工作情况简报');
		expect(briefingFileName(data)).toBe('政府信息公开简报_托里县_2023—2024年_2026-11-24.docx');
	});
	it('fits pictures into the A4 text width', () => {
		expect(fitPicture(1200, 600)).toEqual({ width: 600, height: 300 });
		expect(fitPicture(300, 200)).toEqual({ width: 300, height: 200 });
		expect(fitPicture(800, 2000)).toEqual({ width: 328, height: 820 });
	});
	it('writes a Word document with the figures, the picture and the findings', async () => {
		const buf = await docx.Packer.toBuffer(briefingDocument(docx, data));
		const files = unzipSync(new Uint8Array(buf));
		expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));
		expect(Object.keys(files).filter((f) => f.startsWith('word/media/') && f.endsWith('.png')).length).toBe(1);
		const xml = strFromU8(files['word/document.xml']);
		const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
		for (const s of [
			'托里县2023—2024年政府信息公开工作情况简报',
			DEMO_WARNING,
			'筛选条件：地区：托里县；年份：2023—2024年',
			'1,234 件',
			'图1　办理结果（件）（含演示数据）',
			'共 2 项：未报 1 项，零活动 0 项，数字不一致 1 项。',
			'托里县财政局',
			'2 处错误（R1）',
			'真实报告',
			'数据来源：各单位政府信息公开工作年度报告（含演示数据）'
		])
			expect(text, s).toContain(s);
	});
});
