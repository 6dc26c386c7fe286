/**
 * headlineOf's per-year sums against one pass over the reports (headlineScan), and both against hand-counted figures;
 * proseOf per county and years. (queries.test.ts compares headlineOf with DuckDB's SQL sums on the bundled data.)
 */
import { describe, expect, it } from 'vitest';
import type { FactRow } from '$lib/db/queries';
import type { SummaryRow } from '$lib/store/summary';
import { headlineOf, headlineScan, proseOf } from './headline';
import { fact } from '../../../test/fixtures/rows';
import { rng } from '../../../test/fixtures/random';

const KEYS = ['new', 'carried', 'granted', 'partial', 'processed', 'review', 'suitDirect', 'suitAfter', 'licensing', 'penalty', 'coercion'] as const;

describe('headlineOf', () => {
	const rows: FactRow[] = [
		fact('甲县甲乡', 2023, { new: 3, granted: 1, partial: 1 }),
		fact('甲县甲乡', 2024, { new: null, review: 2 }, { errors: 1 }),
		fact('甲县乙乡', 2024, { new: 5, suitDirect: 1, suitAfter: null }, { warnings: 2 }),
		// a second report of the same body and year: two reports, one body × year pair
		fact('甲县乙乡', 2024, { new: 1, licensing: 4, penalty: 1 }),
		fact('乙区丙镇', 2021, { new: 7 }),
		fact('乙区丙镇', null, { new: 100 })
	];

	it('sums the reports of the years asked for, blanks counted apart, bodies and body × year pairs distinct', () => {
		const h = headlineOf(rows, [2024, 2023]);
		expect(h).toEqual({
			reports: 4,
			covered: 3,
			bodies: 2,
			requests: { value: 9, blanks: 1 },
			granted: { value: 2, blanks: 0 },
			reviews: { value: 2, blanks: 0 },
			lawsuits: { value: 1, blanks: 1 },
			decisions: { value: 5, blanks: 0 },
			withFindings: 2,
			withErrors: 1
		});
		// a year asked for twice counts once; a year without reports adds nothing
		expect(headlineOf(rows, [2024, 2023, 2024, 2019])).toEqual(h);
		expect(headlineOf(rows, [2019]).reports).toBe(0);
		// no years: every report, the one without a year too (its own body × year pair)
		expect(headlineOf(rows, [])).toMatchObject({ reports: 6, covered: 5, bodies: 3, requests: { value: 116, blanks: 1 } });
	});

	it('gives what one pass over the reports gives, for every range of years, on 3,000 seeded rows', () => {
		const r = rng(7);
		const value = () => (r.chance(0.1) ? null : r.chance(0.6) ? 0 : r.int(0, 49));
		const many = Array.from({ length: 3000 }, () =>
			fact(
				`县${r.int(0, 39)}单位${r.int(0, 19)}`,
				r.chance(0.02) ? null : r.int(2019, 2025),
				Object.fromEntries(KEYS.map((k) => [k, value()])),
				{ errors: r.chance(0.1) ? 1 : 0, warnings: r.pick([0, 0, 0, 1, 3]) }
			)
		);
		for (let a = 2018; a <= 2026; a++)
			for (let b = a; b <= 2026; b++) {
				const ys = Array.from({ length: b - a + 1 }, (_, i) => a + i);
				expect(headlineOf(many, ys), ys.join()).toEqual(headlineScan(many, ys));
			}
	});

	it('falls back to one pass when the years span more than 30', () => {
		const wide = [fact('甲县甲乡', 1990, { new: 1 }), fact('甲县甲乡', 2024, { new: 2 }), fact('甲县乙乡', 2024, { new: null })];
		expect(headlineOf(wide, [1990, 2024])).toMatchObject({ reports: 3, covered: 3, bodies: 2, requests: { value: 3, blanks: 1 } });
		expect(headlineOf(wide, [2024])).toEqual(headlineScan(wide, [2024]));
	});

	it('keeps its sums per array of rows: another array (e.g. with an upload merged in) is summed afresh', () => {
		const before = headlineOf(rows, [2024]);
		const more = [...rows, fact('甲县丁乡', 2024, { new: 10 })];
		expect(headlineOf(more, [2024])).toMatchObject({ reports: before.reports + 1, bodies: before.bodies + 1, requests: { value: before.requests.value + 10 } });
		expect(headlineOf(rows, [2024])).toEqual(before);
	});
});

describe('proseOf', () => {
	const s = (county: string | null, year: number | null, proactive: number | null) => ({ county, year, proactive }) as SummaryRow;
	const rows = [s('甲县', 2023, 10), s('甲县', 2024, 5), s('甲县', 2024, null), s('乙区', 2024, 7), s(null, 2024, 1), s('乙区', null, 100)];

	it('sums the counts quoted in the prose of a county (every county when null) over the years, with the reports quoting one', () => {
		expect(proseOf(rows, null, [2023, 2024])).toEqual({ value: 23, reports: 4 });
		expect(proseOf(rows, '甲县', [2024])).toEqual({ value: 5, reports: 1 });
		expect(proseOf(rows, '乙区', [2024, 2024])).toEqual({ value: 7, reports: 1 });
		expect(proseOf(rows, '乙区', [2023])).toBeNull();
		expect(proseOf(rows, '丙市', [2023, 2024])).toBeNull();
		// asked again in another order (the per-year sums are kept): the same
		expect(proseOf(rows, null, [2024, 2023])).toEqual({ value: 23, reports: 4 });
	});
});
