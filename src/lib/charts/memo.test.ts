import { describe, expect, it } from 'vitest';
import { Memo } from './memo';

describe('Memo', () => {
	it('computes once per row arrays and key, and again for other arrays', () => {
		const m = new Memo<number>();
		const a = [1, 2];
		const b = [1, 2];
		const order = new Map();
		let calls = 0;
		const make = () => ++calls;
		expect(m.get([a, order], 'x', make)).toBe(1);
		expect(m.get([a, order], 'x', make)).toBe(1);
		expect(m.get([a, order], 'y', make)).toBe(2);
		expect(m.get([b, order], 'x', make)).toBe(3); // equal content, other array: not the same data
		expect(m.get([a, new Map()], 'x', make)).toBe(4);
		expect(m.get([a], 'x', make)).toBe(5);
	});

	it('keeps only the last `max` keys per arrays, the most recently used ones', () => {
		const m = new Memo<string>(2);
		const a = {};
		let calls = 0;
		const make = (k: string) => () => `${k}${++calls}`;
		m.get([a], 'p', make('p'));
		m.get([a], 'q', make('q'));
		m.get([a], 'p', make('p')); // p used again: q is now the oldest
		m.get([a], 'r', make('r'));
		expect(m.get([a], 'p', make('p'))).toBe('p1');
		expect(m.get([a], 'q', make('q'))).toBe('q4');
	});
});
