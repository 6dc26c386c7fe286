import { describe, expect, it } from 'vitest';
import { BLANK, formatNumber, formatYear, zhCompare } from './format';

const intl0 = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const intl2 = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

describe('formatNumber', () => {
	it('writes integers exactly as Intl.NumberFormat("zh-CN") does, without creating one', () => {
		const edge = [0, 1, 9, 10, 99, 100, 999, 1000, 1001, 9999, 10000, 99999, 100000, 999999, 1000000, 4566145, 2 ** 31, Number.MAX_SAFE_INTEGER];
		const values = [...edge, ...edge.map((v) => -v)];
		// a fixed pseudo-random spread over every digit count (no Math.random: a failure must be repeatable)
		let x = 12345;
		for (let i = 0; i < 5000; i++) {
			x = (x * 1103515245 + 12345) % 2 ** 31;
			const v = Math.floor((x / 2 ** 31) * 10 ** (1 + (i % 16)));
			values.push(i % 3 === 0 ? -v : v);
		}
		for (const v of values) expect(formatNumber(v), String(v)).toBe(intl0.format(v));
		expect(formatNumber(4566145)).toBe('4,566,145');
		expect(formatNumber(-1234)).toBe('-1,234');
	});

	it('leaves what is not a plain safe integer to Intl: -0, large integers, decimals', () => {
		for (const v of [-0, 2 ** 60, -(2 ** 60), 1e21, 0.5, 1234.567, -1234.5, 0.004]) {
			expect(formatNumber(v), String(v)).toBe(Number.isInteger(v) ? intl0.format(v) : intl2.format(v));
		}
		expect(formatNumber(1234.567)).toBe('1,234.57');
	});

	it('shows blank (null, undefined, NaN) as 空白, never as 0', () => {
		expect(formatNumber(null)).toBe(BLANK);
		expect(formatNumber(undefined)).toBe(BLANK);
		expect(formatNumber(Number.NaN)).toBe(BLANK);
		expect(BLANK).toBe('空白');
	});

	it('years are not grouped', () => {
		expect(formatYear(2024)).toBe('2024年');
		expect(formatYear(null)).toBe('年份不详');
	});
});

describe('zhCompare', () => {
	it('orders by pinyin as Intl.Collator("zh-CN")', () => {
		const names = ['托里镇', '铁厂沟镇', '庙尔沟镇', '多拉特乡', '乌雪特乡', '库普乡', '阿克别里斗乡'];
		const c = new Intl.Collator('zh-CN');
		expect([...names].sort(zhCompare)).toEqual([...names].sort(c.compare));
		expect([...names].sort(zhCompare)[0]).toBe('阿克别里斗乡');
	});
});
