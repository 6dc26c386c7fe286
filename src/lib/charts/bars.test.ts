import { describe, expect, it } from 'vitest';
import { scaleBand, scaleLinear } from 'd3';
import { layoutBars, type BarScales } from './bars';
import type { BarDatum } from './types';

function scales(groups: string[]): BarScales {
	const x = scaleBand<string>().domain(groups).range([0, 400]).paddingInner(0.25).paddingOuter(0.15);
	const y = scaleLinear().domain([0, 100]).range([300, 0]);
	return { x: (g) => x(g), bandwidth: x.bandwidth(), y: (v) => y(v), height: 300, color: (s) => `c-${s}` };
}
const d = (group: string, series: string, value: number | null, extra: Partial<BarDatum> = {}): BarDatum => ({ group, series, value, tooltip: `${group} ${series}`, ...extra });

describe('layoutBars', () => {
	it('orders bars by series inside a group and centres them in the band', () => {
		const s = scales(['a', 'b']);
		const bars = layoutBars([d('a', '2024', 10), d('a', '2023', 20), d('b', '2023', 5)], ['2023', '2024'], s, 44, 11);
		expect(bars.map((b) => `${b.group}/${b.series}`)).toEqual(['a/2023', 'a/2024', 'b/2023']);
		const band = s.bandwidth;
		const [a1, a2, b1] = bars;
		expect(a1.w).toBeCloseTo(Math.min(44, (band / 2) * 0.86));
		expect(a2.x - a1.x).toBeCloseTo(band / 2);
		// one bar in b: centred in the band
		expect(b1.x + b1.w / 2).toBeCloseTo((s.x('b') ?? 0) + band / 2);
	});

	it('places the bar on the value scale, with its colour, baseline and label', () => {
		const [b] = layoutBars([d('a', '2023', 25)], ['2023'], scales(['a']), 44, 11);
		expect(b.top).toBe(225);
		expect(b.h).toBe(75);
		expect(b.base).toBe(300);
		expect(b.fill).toBe('c-2023');
		expect(b.text).toBe('25');
		expect(b.vertical).toBe(false);
		expect(b.labelAt).toBe(`translate(${b.x + b.w / 2},221)`);
	});

	it('a bar above a cut axis reaches the top with a break mark and keeps its full value as label', () => {
		const s = { ...scales(['a', 'b']), max: 100 };
		const [big, small] = layoutBars([d('a', 'x', 3153), d('b', 'x', 50)], ['x'], s, 44, 11);
		expect([big.cut, big.top, big.h, big.text]).toEqual([true, 0, 300, '3,153']);
		expect(big.breakPath).toBe(`M${big.x - 1},15L${big.x + big.w + 1},9L${big.x + big.w + 1},14L${big.x - 1},20Z`);
		expect([small.cut, small.top, small.h, small.breakPath]).toEqual([false, 150, 150, '']);
		// exactly at the top is drawn whole
		expect(layoutBars([d('a', 'x', 100)], ['x'], s, 44, 11)[0].cut).toBe(false);
	});

	it('draws a blank at the baseline with 空白 or its own word, and negative values as 0', () => {
		const bars = layoutBars([d('a', '2023', null), d('a', '2024', null, { nullText: '无此项' }), d('a', '2025', -3)], ['2023', '2024', '2025'], scales(['a']), 44, 11);
		expect(bars.map((b) => [b.text, b.top, b.h])).toEqual([
			['空白', 300, 0],
			['无此项', 300, 0],
			['-3', 300, 0]
		]);
	});

	it('turns a label upright when it is wider than the slot', () => {
		const groups = Array.from({ length: 40 }, (_, i) => `g${i}`);
		const data = groups.flatMap((g) => ['2019', '2020', '2021', '2022', '2023', '2024', '2025'].map((y) => d(g, y, 123456)));
		const bars = layoutBars(data, ['2019', '2020', '2021', '2022', '2023', '2024', '2025'], scales(groups), 44, 11);
		expect(bars.every((b) => b.vertical)).toBe(true);
		expect(bars[0].labelAt).toMatch(/ rotate\(-90\)$/);
		expect(bars[0].text).toBe('123,456');
	});

	it('draws one rect per bar: a zero as a 3 px strip on the baseline, a demo bar filled with its series hatch', () => {
		const bars = layoutBars(
			[d('a', '2023', 0), d('a', '2024', 25, { demo: true }), d('a', '2025', 0, { demo: true }), d('a', '2026', 25)],
			['2023', '2024', '2025', '2026'],
			scales(['a']),
			44,
			11
		);
		expect(bars.map((b) => [b.series, b.rectY, b.rectH, b.hatch])).toEqual([
			['2023', 297, 3, -1],
			['2024', 225, 75, 1],
			['2025', 297, 3, -1],
			['2026', 225, 75, -1]
		]);
		// a series missing from the order gets a pattern of its own, not series 0's (another colour)
		const [, extra] = layoutBars([d('b', '2023', 5, { demo: true }), d('b', '其他', 5, { demo: true })], ['2023'], scales(['b']), 44, 11);
		expect(extra.hatch).toBe(1);
		// the label of a zero stays above the baseline, where the value would end
		expect(bars[0].labelAt).toBe(`translate(${bars[0].x + bars[0].w / 2},296)`);
	});

	it('keeps the datum (data attributes, tooltip, demo flag)', () => {
		const [b] = layoutBars([d('a', '2023', 1, { demo: true, data: { report: 'r1' } })], ['2023'], scales(['a']), 44, 11);
		expect(b).toMatchObject({ group: 'a', series: '2023', value: 1, demo: true, tooltip: 'a 2023', data: { report: 'r1' } });
	});
});
