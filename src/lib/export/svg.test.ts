import { describe, expect, it } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import { composeSvg, textWidth, wrapText } from './svg';
import type { Stamp } from './stamp';

const stamp: Stamp = {
	title: '办理结果（件）',
	unit: '件',
	scope: { where: '托里县', years: [2024], filters: [{ label: '地区', value: '托里县' }] },
	demo: true,
	date: new Date(2026, 10, 24)
};

describe('svg', () => {
	it('measures and wraps Chinese text', () => {
		expect(textWidth('甲乙', 12)).toBe(24);
		expect(textWidth('ab', 10)).toBe(12);
		expect(wrapText('一二三四五', 36, 12)).toEqual(['一二三', '四五']);
	});
	it('stamps a standalone SVG with header, legend, chart and footer', () => {
		const chart = '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="300"><rect width="10" height="20" fill="#0072B2"/></svg>';
		const out = composeSvg(stamp, [{ label: '予以公开', color: '#0072B2' }, { label: '斜线：演示数据', hatch: true }, { label: '报告未填写该项（不是 0）', key: '空白' }], {
			parts: [{ x: 0, y: 0, width: 600, height: 300, markup: chart }],
			texts: [{ x: 0, y: 310, text: '甲局 <演示>', size: 13 }],
			width: 600,
			height: 330
		});
		expect(out.width).toBe(648);
		const doc = new DOMParser().parseFromString(out.svg, 'image/svg+xml');
		const root = doc.documentElement!;
		expect(root.getAttribute('width')).toBe('648');
		expect(root.getAttribute('height')).toBe(String(out.height));
		const texts = Array.from(root.getElementsByTagName('text')).map((t) => t.textContent);
		expect(texts).toEqual([
			'办理结果（件）',
			'单位：件',
			'予以公开',
			'斜线：演示数据',
			'空白',
			'报告未填写该项（不是 0）',
			'甲局 <演示>',
			'筛选条件：地区：托里县',
			'数据来源：各单位政府信息公开工作年度报告（含演示数据）',
			'生成日期：2026-11-24'
		]);
		// the chart is nested at the margin, under the header and legend
		const nested = Array.from(root.getElementsByTagName('svg'))[0];
		expect(nested.getAttribute('x')).toBe('24');
		expect(Number(nested.getAttribute('y'))).toBeGreaterThan(70);
		expect(out.height).toBeGreaterThan(Number(nested.getAttribute('y')) + 330 + 3 * 18);
	});
});
