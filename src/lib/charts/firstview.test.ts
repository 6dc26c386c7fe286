import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HEADLINE_KEYS, parseSummary, type HeadlineKey, type SummaryRow } from '$lib/store/summary';
import { catalogOf } from './bodies';
import { FIRST_VIEW_BODIES, firstCoverage, firstView, firstViewJson, parseFirstView } from './firstview';
import { bodyOrder, coverageOf, coverageSummary, factsFromSummary } from './overview';

/** A deterministic province: 6 counties × 30 bodies, years 2019–2025 with gaps, blanks, errors, zero, demo and real. */
function province(): SummaryRow[] {
	let seed = 7;
	const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
	const rows: SummaryRow[] = [];
	const counties = ['乙县', '甲县', '丙区', '丁市', '戊县', '己县'];
	for (const county of counties)
		for (let b = 0; b < 30; b++) {
			const township = b % 3 === 1 ? `第${b}乡` : null;
			const body = b === 0 ? `${county}人民政府` : township ? `${county}${township}` : `${county}第${b}局`;
			const demo = rnd() < 0.8;
			for (let year = 2019; year <= 2025; year++) {
				if (rnd() < 0.15) continue;
				const v = {} as Record<HeadlineKey, number | null>;
				for (const k of HEADLINE_KEYS) v[k] = rnd() < 0.1 ? null : Math.floor(rnd() * 50);
				const errors = rnd() < 0.1 ? 1 + Math.floor(rnd() * 3) : 0;
				rows.push({
					id: `${county}-${b}-${year}`,
					body,
					city: '某市',
					county,
					township,
					year,
					format: '2021',
					origin: demo ? '演示数据' : '真实报告',
					demo,
					v,
					proactive: rnd() < 0.5 ? Math.floor(rnd() * 900) : null,
					errors,
					warnings: rnd() < 0.2 ? 1 : 0,
					zero: rnd() < 0.1,
					errorRules: errors ? ['R1'] : []
				});
			}
		}
	return rows.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Plain loops over every row, written for this test (not the overview's code). */
function plainTotals(rows: SummaryRow[]) {
	const sum = (keys: HeadlineKey[]) => {
		let value = 0;
		let blanks = 0;
		for (const r of rows) {
			if (keys.some((k) => r.v[k] === null)) blanks++;
			for (const k of keys) value += r.v[k] ?? 0;
		}
		return { value, blanks };
	};
	const bodies = new Set(rows.map((r) => r.body));
	const pairs = new Set(rows.map((r) => `${r.body}|${r.year}`));
	const years = new Set(rows.map((r) => r.year));
	const proactive = rows.filter((r) => r.proactive !== null);
	return {
		reports: rows.length,
		bodies: bodies.size,
		covered: pairs.size,
		expected: bodies.size * years.size,
		requests: sum(['new']),
		granted: sum(['granted', 'partial']),
		reviews: sum(['review']),
		lawsuits: sum(['suitDirect', 'suitAfter']),
		decisions: sum(['licensing', 'penalty', 'coercion']),
		withFindings: rows.filter((r) => r.errors > 0 || r.warnings > 0).length,
		withErrors: rows.filter((r) => r.errors > 0).length,
		prose: { value: proactive.reduce((n, r) => n + r.proactive!, 0), reports: proactive.length },
		demo: rows.filter((r) => r.demo).length
	};
}

describe('first view (overview.json)', () => {
	const sets: [string, SummaryRow[]][] = [
		['a generated province (180 bodies)', province()],
		['the bundled data', parseSummary(readFileSync('data/summary.json', 'utf8'))!.reports]
	];
	for (const [name, rows] of sets) {
		const view = parseFirstView(firstViewJson(firstView(rows)))!;

		it(`${name}: the headline equals plain sums over every report`, () => {
			const t = plainTotals(rows);
			const { headline: h } = view;
			expect(view.reports).toBe(t.reports);
			expect([h.reports, h.bodies, h.covered]).toEqual([t.reports, t.bodies, t.covered]);
			expect([h.requests, h.granted, h.reviews, h.lawsuits, h.decisions]).toEqual([t.requests, t.granted, t.reviews, t.lawsuits, t.decisions]);
			expect([h.withFindings, h.withErrors]).toEqual([t.withFindings, t.withErrors]);
			expect(view.prose).toEqual(t.prose.reports ? t.prose : null);
			expect([view.demo, view.real]).toEqual([t.demo, t.reports - t.demo]);
			expect(view.coverage.bodies).toBe(t.bodies);
			expect(view.coverage.expected).toBe(t.expected);
			expect(view.coverage.received).toBe(t.covered);
			expect(view.coverage.missing).toBe(t.expected - t.covered);
		});

		it(`${name}: the matrix and its summary equal what the full rows give`, () => {
			const facts = factsFromSummary(rows);
			const catalog = catalogOf(facts);
			const full = coverageOf(facts, catalog.years, bodyOrder(catalog.bodies));
			const first = firstCoverage(view);
			expect(view.regions).toEqual(catalog.regions);
			expect(view.years).toEqual(catalog.years);
			expect(first.rows.length).toBe(Math.min(FIRST_VIEW_BODIES, full.rows.length));
			const shape = (c: typeof full) =>
				c.rows.slice(0, FIRST_VIEW_BODIES).map((r) => ({
					body: r.body,
					label: r.label,
					demo: r.demo,
					real: r.real,
					missing: r.missing,
					cells: r.cells.map((x) => [x.year, x.status, x.errors, x.warnings, x.zero, x.demo, x.errorRules, x.reports.map((p) => p.reportId)])
				}));
			expect(shape(first)).toEqual(shape(full));
			expect([first.expected, first.received, first.missing, first.counts]).toEqual([full.expected, full.received, full.missing, full.counts]);
			expect(coverageSummary(first, '全部地区')).toBe(coverageSummary(full, '全部地区'));
		});
	}

	it('the generated province has more bodies than the first view draws', () => {
		expect(firstView(province()).coverage.bodies).toBeGreaterThan(FIRST_VIEW_BODIES);
	});

	it('refuses other files', () => {
		expect(parseFirstView('{"kind":"gov-disclosure-summary","schema":2}')).toBeUndefined();
		expect(parseFirstView('not json')).toBeUndefined();
	});
});
