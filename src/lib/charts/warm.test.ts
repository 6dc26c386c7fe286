import { describe, expect, it } from 'vitest';
import type { FactRow } from '$lib/db/queries';
import { bodyOrder, coverageOf, headlineOf } from './overview';
import { warmFilterPath } from './warm';

const fact = (body: string, county: string, year: number): FactRow =>
	({
		reportId: `${body}_${year}`,
		body,
		city: null,
		county,
		township: null,
		year,
		format: '2021',
		origin: '演示数据',
		demo: true,
		errors: 0,
		warnings: 0,
		zero: false,
		errorRules: [],
		v: { new: 1, carried: 0, granted: 0, partial: 0, processed: 0, review: 0, suitDirect: 0, suitAfter: 0, licensing: 0, penalty: 0, coercion: 0 }
	}) as FactRow;

describe('warmFilterPath', () => {
	it('runs the filter change for a county and leaves the rows and their figures as they were', () => {
		const facts = [fact('甲县财政局', '甲县', 2023), fact('甲县财政局', '甲县', 2024), fact('乙区财政局', '乙区', 2024)];
		const copy = structuredClone(facts);
		const before = headlineOf(facts, [2023, 2024]);
		expect(warmFilterPath(facts, [], '甲县', [2023, 2024], bodyOrder([]), 60)).toBeGreaterThan(0);
		expect(facts).toEqual(copy);
		expect(headlineOf(facts, [2023, 2024])).toEqual(before);
		expect(coverageOf(facts, [2023, 2024]).received).toBe(3);
	});
});
