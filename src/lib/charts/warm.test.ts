import { describe, expect, it } from 'vitest';
import { bodyOrder, coverageOf, headlineOf } from './overview';
import { warmFilterPath } from './warm';
import { fact } from '../../../test/fixtures/rows';

describe('warmFilterPath', () => {
	it('runs the filter change for a county and leaves the rows and their figures as they were', () => {
		const facts = [fact('甲县财政局', 2023, { new: 1 }), fact('甲县财政局', 2024, { new: 1 }), fact('乙区财政局', 2024, { new: 1 })];
		const copy = structuredClone(facts);
		const before = headlineOf(facts, [2023, 2024]);
		expect(warmFilterPath(facts, [], '甲县', [2023, 2024], bodyOrder([]), 60)).toBeGreaterThan(0);
		expect(facts).toEqual(copy);
		expect(headlineOf(facts, [2023, 2024])).toEqual(before);
		expect(coverageOf(facts, [2023, 2024]).received).toBe(3);
	});
});
