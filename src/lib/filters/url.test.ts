import { describe, expect, it } from 'vitest';
import { param, parseParams, patchParams, pickYear, serializeParams, yearRange } from './url';

const spec = {
	region: param.string(),
	body: param.list(6),
	year: param.year(),
	years: param.years(),
	metric: param.oneOf(['a', 'b', 'c'] as const, 'a')
};

const parse = (q: string) => parseParams(spec, new URLSearchParams(q));

describe('URL filter state', () => {
	it('reads defaults from an empty query', () => {
		expect(parse('')).toEqual({ region: null, body: [], year: null, years: [], metric: 'a' });
	});

	it('reads every kind of value', () => {
		expect(parse('region=%E6%89%98%E9%87%8C%E5%8E%BF&body=x&body=y&year=2024&years=2024,2019&metric=c')).toEqual({
			region: '托里县',
			body: ['x', 'y'],
			year: 2024,
			years: [2019, 2024],
			metric: 'c'
		});
	});

	it('ignores malformed values instead of failing', () => {
		expect(parse('year=24&years=abc,2020,,2020&metric=zzz&region=%20&body=')).toEqual({
			region: null,
			body: [],
			year: null,
			years: [2020],
			metric: 'a'
		});
	});

	it('caps lists and drops repeated values', () => {
		expect(parse('body=1&body=2&body=2&body=3&body=4&body=5&body=6&body=7').body).toEqual(['1', '2', '3', '4', '5', '6']);
	});

	it('writes keys in spec order and leaves defaults out', () => {
		expect(serializeParams(spec, { metric: 'a', year: null, body: [], region: null, years: [] })).toBe('');
		expect(serializeParams(spec, { metric: 'b', region: '托里县', years: [2024, 2019] })).toBe(
			'?region=%E6%89%98%E9%87%8C%E5%8E%BF&years=2019%2C2024&metric=b'
		);
	});

	it('round-trips: parse(serialize(state)) is the state', () => {
		const state = { region: '洪泽区', body: ['淮安市洪泽区人民政府', '托里县库普乡'], year: 2023, years: [2021, 2022], metric: 'b' as const };
		const q = serializeParams(spec, state);
		expect(parse(q.slice(1))).toEqual(state);
		expect(serializeParams(spec, parse(q.slice(1)))).toBe(q);
	});

	it('patches one value and keeps the rest', () => {
		const cur = parse('region=x&metric=b');
		expect(patchParams(spec, cur, { metric: 'a' })).toBe('?region=x');
		expect(patchParams(spec, cur, { year: 2020 })).toBe('?region=x&year=2020&metric=b');
	});
});

describe('year helpers', () => {
	const ys = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
	it('selects a range, open at either end, in either order', () => {
		expect(yearRange(ys, null, null)).toEqual(ys);
		expect(yearRange(ys, 2023, null)).toEqual([2023, 2024, 2025]);
		expect(yearRange(ys, null, 2020)).toEqual([2019, 2020]);
		expect(yearRange(ys, 2022, 2021)).toEqual([2021, 2022]);
	});
	it('picks the asked year when present, else the latest', () => {
		expect(pickYear(ys, 2021)).toBe(2021);
		expect(pickYear(ys, 2030)).toBe(2025);
		expect(pickYear([], 2030)).toBeNull();
	});
});
