import { describe, expect, it } from 'vitest';
import { formatRate, MIN_CASES, rankRates, rate, sumFilled, sumStrict } from './rates';

describe('rate guard', () => {
	it('shows a rate only from the minimum number of cases on', () => {
		expect(MIN_CASES).toBe(10);
		expect(rate(5, 9)).toEqual({ value: null, numerator: 5, denominator: 9, status: 'small' });
		expect(rate(5, 10)).toEqual({ value: 0.5, numerator: 5, denominator: 10, status: 'ok' });
		expect(rate(1, 3, 2).status).toBe('ok');
	});
	it('gives no rate for blanks or no cases, and never 0 % for them', () => {
		expect(rate(null, 20).status).toBe('blank');
		expect(rate(3, null).status).toBe('blank');
		expect(rate(0, 0).status).toBe('none');
		expect(formatRate(rate(null, 20))).toBe('空白');
		expect(formatRate(rate(0, 0))).toBe('无案件');
		expect(formatRate(rate(1, 4))).toBe('样本过少');
		expect(formatRate(rate(5, 8, 1))).toBe('62.5%');
	});
	it('ranks shown rates highest first, ties share a rank, the rest follow unranked', () => {
		const items = [
			{ k: 'a', n: 5, d: 10 },
			{ k: 'b', n: 2, d: 3 },
			{ k: 'c', n: 9, d: 10 },
			{ k: 'd', n: 10, d: 20 },
			{ k: 'e', n: null, d: 40 }
		];
		const r = rankRates(items, (x) => rate(x.n, x.d));
		expect(r.map((x) => [x.item.k, x.rank])).toEqual([
			['c', 1],
			['a', 2],
			['d', 2],
			['b', null],
			['e', null]
		]);
	});
});

describe('sums with blanks', () => {
	it('sumStrict is blank as soon as one count is', () => {
		expect(sumStrict([1, 2, 3])).toBe(6);
		expect(sumStrict([1, null, 3])).toBeNull();
	});
	it('sumFilled adds what is filled and is blank only when all are', () => {
		expect(sumFilled([1, null, 3])).toBe(4);
		expect(sumFilled([null, undefined])).toBeNull();
		expect(sumFilled([0, null])).toBe(0);
	});
});
