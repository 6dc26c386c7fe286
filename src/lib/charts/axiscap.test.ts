import { describe, expect, it } from 'vitest';
import { axisCap, chartCap } from './axiscap';

describe('axisCap', () => {
	it('cuts one bar that dwarfs the rest (淮安市 3,153 beside 95, 40 and townships)', () => {
		expect(axisCap([95, 3153, 40, 0, 12, 0])).toEqual({ cap: 95, cut: 1 });
	});

	it('cuts two when the second is an outlier too, and keeps the tallest bar left as the cap', () => {
		expect(axisCap([3119, 900, 95, 30, 8])).toEqual({ cap: 95, cut: 2 });
	});

	it('keeps one scale when the bars are of a kind, or the gap is under 4×', () => {
		expect(axisCap([30, 25, 20, 3, 0])).toBeNull();
		expect(axisCap([390, 100, 90, 80])).toBeNull();
		expect(axisCap([400, 100, 90, 80])).toEqual({ cap: 100, cut: 1 });
	});

	it('never cuts more than two bars, nor leaves fewer than three standing', () => {
		expect(axisCap([5000, 4000, 3000, 10, 9, 8])).toBeNull();
		expect(axisCap([3119, 95, 40])).toBeNull();
		expect(axisCap([3119, 95, 40, 7])).toEqual({ cap: 95, cut: 1 });
	});

	it('counts only bars that stand: zeros, blanks and negatives neither stay nor set the cap', () => {
		expect(axisCap([3119, 0, 0, 0, 0])).toBeNull();
		expect(axisCap([3119, 10, 0, 0, 5, Number.NaN, -2])).toBeNull();
		expect(axisCap([3119, 10, 6, 0, 5])).toEqual({ cap: 10, cut: 1 });
	});
});

describe('chartCap', () => {
	const d = (group: string, series: string, value: number | null) => ({ group, series, value });
	const label = ['a', 'b', 'c', 'e', 'city'].map((g) => ({ key: g, label: `L${g}` }));
	const year = ['2019', '2020', 'new', 'carried', 'x'].map((k) => ({ key: k, label: /^\d+$/.test(k) ? `${k}年` : k }));

	it('stacked: a stack is cut by its total of filled segments; the note names its group', () => {
		const data = [d('city', 'new', 3119), d('city', 'carried', 34), d('a', 'new', 20), d('a', 'carried', null), d('b', 'new', 9), d('c', 'new', 0), d('e', 'new', 5)];
		expect(chartCap(data, true, label, year)).toEqual({ cap: 20, cut: 1, bars: [{ label: 'Lcity', value: 3153 }] });
	});

	it('grouped: each bar on its own; with several series the note names the series too, tallest first', () => {
		const data = [d('a', '2019', 859), d('a', '2020', 30), d('b', '2019', 12), d('b', '2020', 40), d('c', '2019', 1000), d('c', '2020', null)];
		expect(chartCap(data, false, label, year)).toEqual({
			cap: 40,
			cut: 2,
			bars: [
				{ label: 'Lc 2019年', value: 1000 },
				{ label: 'La 2019年', value: 859 }
			]
		});
		expect(chartCap([d('a', 'x', 400), d('b', 'x', 10), d('c', 'x', 9), d('e', 'x', 1)], false, label, year)?.bars).toEqual([{ label: 'La', value: 400 }]);
	});

	it('null when one scale will do', () => {
		expect(chartCap([d('a', 'x', 10), d('b', 'x', 9), d('c', 'x', 8), d('e', 'x', 7)], false, label, year)).toBeNull();
	});
});
