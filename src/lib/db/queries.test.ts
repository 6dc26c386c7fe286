/**
 * The dashboard's SQL, run on the bundled data/ Arrow files with duckdb-wasm's Node build (the same engine and
 * SQL as the browser), checked against plain JS over the data/*.json records.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellRows, headlineTotals, overviewFacts, requestsByBodyYear } from './queries';
import { bodyOrder, coverageOf, headlineOf } from '$lib/charts/overview';
import { catalogOf, compareBodies } from '$lib/charts/bodies';
import { requestsOf } from '$lib/charts/requests';
import { bundledDb, DATA } from '../../../test/fixtures/duckdb';
import { limit } from '../../../test/timeouts';


interface Rec {
	id: string;
	meta: { body: string; county: string | null; year: number; demo: boolean };
	cells: Record<string, number | null>;
	findings: { rule: string; severity: string }[];
}
const records: Rec[] = readdirSync(DATA)
	.filter((f) => f.endsWith('.json'))
	.map((f) => JSON.parse(readFileSync(join(DATA, f), 'utf8')))
	.filter((o) => o.kind === 'gov-disclosure-report');

let conn: AsyncDuckDBConnection;
let close: () => void = () => {};

beforeAll(async () => {
	({ conn, close } = await bundledDb());
}, limit(60_000));

afterAll(() => close());

const sum = (rs: Rec[], ids: string[]) => rs.reduce((n, r) => n + ids.reduce((m, id) => m + (r.cells[id] ?? 0), 0), 0);
const blanks = (rs: Rec[], ids: string[]) => rs.filter((r) => ids.some((id) => r.cells[id] === null || r.cells[id] === undefined)).length;

describe('dashboard queries on the bundled data', () => {
	it('overviewFacts: one row per report with the headline cells, finding counts and ZERO flag', async () => {
		const rows = await overviewFacts(conn);
		expect(rows.length).toBe(records.length);
		for (const r of records) {
			const row = rows.find((x) => x.reportId === r.id)!;
			expect(row.body).toBe(r.meta.body);
			expect(row.year).toBe(r.meta.year);
			expect(row.v.new).toBe(r.cells['t3.new.total'] ?? null);
			expect(row.v.review).toBe(r.cells['t4.review.total'] ?? null);
			expect(row.errors).toBe(r.findings.filter((f) => f.severity === 'error').length);
			expect(row.zero).toBe(r.findings.some((f) => f.rule === 'ZERO'));
			expect(row.errorRules).toEqual([...new Set(r.findings.filter((f) => f.severity === 'error').map((f) => f.rule))].sort());
		}
		expect(rows.find((x) => x.reportId === 'huaian_hongze_2024.pdf')?.v.new).toBe(95);
		expect(rows.find((x) => x.reportId === 'huaian_city_2024.pdf')?.v.new).toBe(3119);
	});

	it('headlineTotals sums over a scope and counts blanks', async () => {
		const years = [2023, 2024];
		const scoped = records.filter((r) => r.meta.county === '托里县' && years.includes(r.meta.year));
		const t = await headlineTotals(conn, { region: '托里县', years });
		expect(t.reports).toBe(scoped.length);
		expect(t.requests).toEqual({ value: sum(scoped, ['t3.new.total']), blanks: blanks(scoped, ['t3.new.total']) });
		const g = ['t3.granted.total', 't3.partial.total'];
		expect(t.granted).toEqual({ value: sum(scoped, g), blanks: blanks(scoped, g) });
		const l = ['t4.suit_direct.total', 't4.suit_after_review.total'];
		expect(t.lawsuits).toEqual({ value: sum(scoped, l), blanks: blanks(scoped, l) });
		expect(t.withErrors).toBe(scoped.filter((r) => r.findings.some((f) => f.severity === 'error')).length);
		const all = await headlineTotals(conn);
		expect(all.reports).toBe(records.length);
	});

	it('the overview sums its headline in the page from the per-report rows: the same figures as the SQL sums', async () => {
		const facts = await overviewFacts(conn);
		const years = [...new Set(records.map((r) => r.meta.year))].sort();
		const regions = [null, '托里县', '洪泽区'];
		for (const region of regions)
			for (const ys of [years, years.slice(-2), [2024]]) {
				const mine = facts.filter((r) => !region || r.county === region);
				// every report of the bundled data names its body, so distinct bodies and body × year pairs agree too
				expect(headlineOf(mine, ys), `${region ?? '全部'} ${ys.join(',')}`).toEqual(await headlineTotals(conn, { region, years: ys }));
			}
	});

	it('requestsByBodyYear for the drawn bodies and years: the rows of the full answer, in the same order', async () => {
		const all = await requestsByBodyYear(conn);
		expect(all.length).toBe(records.length);
		const bodies = [...new Set(all.map((r) => r.body))].filter((_, i) => i % 3 === 0);
		const years = [2023, 2024];
		const some = await requestsByBodyYear(conn, { bodies, years });
		expect(some).toEqual(all.filter((r) => bodies.includes(r.body) && r.year !== null && years.includes(r.year)));
		const hz = await requestsByBodyYear(conn, { county: '洪泽区', bodies: null, years: [] });
		expect(hz).toEqual(all.filter((r) => r.county === '洪泽区'));
		expect(await requestsByBodyYear(conn, { bodies: [] })).toEqual([]);
		expect(await requestsByBodyYear(conn, { bodies: ["x' OR 1=1 --"] })).toEqual([]);
	});

	it('the overview draws the requests chart from the per-report rows: the rows and order of the SQL answer', async () => {
		const facts = await overviewFacts(conn);
		const all = await requestsByBodyYear(conn);
		expect(requestsOf(facts, [])).toEqual(all);
		const bodies = [...new Set(all.map((r) => r.body))].filter((_, i) => i % 2 === 1);
		for (const years of [[2023, 2024], [2019], []])
			expect(requestsOf(facts, years, new Set(bodies))).toEqual(await requestsByBodyYear(conn, { bodies, years }));
		const tl = facts.filter((r) => r.county === '托里县');
		expect(requestsOf(tl, [2024])).toEqual(await requestsByBodyYear(conn, { county: '托里县', years: [2024] }));
	});

	it('the catalog lists bodies in compareBodies order (counties ranked once)', async () => {
		const facts = await overviewFacts(conn);
		const firsts = [...new Map(facts.map((r) => [r.body, r])).values()];
		expect(catalogOf(facts).bodies.map((b) => b.body)).toEqual([...firsts].sort(compareBodies).map((b) => b.body));
		// mixed and missing counties, townships and departments
		const mk = (body: string, county: string | null, township: string | null = null) => ({ body, county, township, year: 2024, demo: false });
		const rows = [mk('乙局', '白河县'), mk('白河县人民政府', '白河县'), mk('白河县甲乡', '白河县', '甲乡'), mk('市局', null), mk('阿县财政局', '阿县'), mk('阿县人民政府', '阿县'), mk('空县局', '')];
		expect(catalogOf(rows).bodies.map((b) => b.body)).toEqual([...rows].sort(compareBodies).map((b) => b.body));
	});

	it('coverage with the catalog\'s precomputed body order is the coverage sorted by pinyin', async () => {
		const facts = await overviewFacts(conn);
		const years = [...new Set(records.map((r) => r.meta.year))].sort();
		const order = bodyOrder(catalogOf(facts).bodies);
		// rows build their cells when read: compare them too
		const plain = (c: ReturnType<typeof coverageOf>) => ({ ...c, rows: c.rows.map((r) => ({ ...r, cells: r.cells })) });
		expect(plain(coverageOf(facts, years, order))).toEqual(plain(coverageOf(facts, years)));
		expect(plain(coverageOf(facts, years.slice(-2), order))).toEqual(plain(coverageOf([...facts], years.slice(-2))));
		const tl = facts.filter((r) => r.county === '托里县');
		expect(plain(coverageOf(tl, years.slice(-3), order))).toEqual(plain(coverageOf(tl, years.slice(-3))));
		// the cells as the matrix test reads them: status per body and year from the rows themselves
		const c = coverageOf(facts, years, order);
		for (const row of c.rows)
			for (const x of row.cells) {
				const rs = facts.filter((r) => r.body === row.body && r.year === x.year);
				expect(x.reports).toEqual(rs);
				expect(x.status).toBe(!rs.length ? 'missing' : rs.some((r) => r.errors) ? 'error' : rs.some((r) => r.zero) ? 'zero' : rs.some((r) => r.warnings) ? 'warning' : 'ok');
			}
		expect(c.missing).toBe(c.rows.reduce((n, r) => n + r.cells.filter((x) => x.status === 'missing').length, 0));
	});

	it('cellRows returns the asked cells for the asked bodies, binding names as parameters', async () => {
		const rows = await cellRows(conn, { bodies: ['淮安市洪泽区人民政府'], years: [2023] }, ['t4.review.total', 't4.review.upheld']);
		expect(rows).toHaveLength(1);
		expect(rows[0].cells['t4.review.total']).toBe(0);
		const none = await cellRows(conn, { bodies: ["x' OR 1=1 --"] }, ['t3.new.total']);
		expect(none).toEqual([]);
		await expect(cellRows(conn, {}, ['t3.new.total"; DROP TABLE reports; --'])).rejects.toThrow(/unknown cell id/);
	});
});
