/**
 * The report and data-quality queries, run on the bundled data/ Arrow files with duckdb-wasm's Node build (the
 * same engine and SQL as the browser), checked against the data/*.json records.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckedReport } from '$lib/check';
import { bodyYears, inboundFindings, qualityCounts, qualityFindings, qualityOptions, reportList } from './report';
import { bundledDb, DATA } from '../../../test/fixtures/duckdb';
import { limit } from '../../../test/timeouts';


const records: CheckedReport[] = readdirSync(DATA)
	.filter((f) => f.endsWith('.json'))
	.map((f) => JSON.parse(readFileSync(join(DATA, f), 'utf8')))
	.filter((o) => o && o.kind === 'gov-disclosure-report');
const findings = records.flatMap((r) => r.findings);
const byId = new Map(records.map((r) => [r.id, r]));

let conn: AsyncDuckDBConnection;
let close: () => void = () => {};

beforeAll(async () => {
	({ conn, close } = await bundledDb());
}, limit(60_000));

afterAll(() => close());

describe('data-quality queries', () => {
	it('qualityFindings without filters: every finding, joined with its report', async () => {
		const rows = await qualityFindings(conn, {});
		expect(rows.length).toBe(findings.length);
		for (const row of rows) {
			const r = byId.get(row.reportId)!;
			expect(row.body).toBe(r.meta.body);
			expect(row.year).toBe(r.meta.year);
			expect(row.demo).toBe(r.meta.demo);
			expect(r.findings.some((f) => f.rule === row.rule && f.message === row.message)).toBe(true);
		}
	});

	it('each filter narrows as the records say, all four combine', async () => {
		const f0 = findings.find((f) => f.rule === 'R4') ?? findings[0];
		const r0 = byId.get(f0.report)!;
		const cases = [
			[{ rule: f0.rule }, (f: (typeof findings)[number]) => f.rule === f0.rule],
			[{ severity: 'error' }, (f: (typeof findings)[number]) => f.severity === 'error'],
			[{ body: r0.meta.body }, (f: (typeof findings)[number]) => byId.get(f.report)!.meta.body === r0.meta.body],
			[{ year: r0.meta.year }, (f: (typeof findings)[number]) => byId.get(f.report)!.meta.year === r0.meta.year],
			[
				{ rule: f0.rule, severity: f0.severity, body: r0.meta.body, year: r0.meta.year },
				(f: (typeof findings)[number]) =>
					f.rule === f0.rule && f.severity === f0.severity && byId.get(f.report)!.meta.body === r0.meta.body && byId.get(f.report)!.meta.year === r0.meta.year
			]
		] as const;
		for (const [filter, keep] of cases) expect((await qualityFindings(conn, filter)).length, JSON.stringify(filter)).toBe(findings.filter(keep).length);
	});

	it('filter values are bound parameters, never SQL', async () => {
		expect(await qualityFindings(conn, { body: "' OR 1=1 --" })).toEqual([]);
		expect(await qualityFindings(conn, { rule: "R4' OR '1'='1" })).toEqual([]);
	});

	it('qualityCounts: per rule and severity, within body and year', async () => {
		const counts = await qualityCounts(conn, {});
		expect(counts.reduce((n, c) => n + c.n, 0)).toBe(findings.length);
		for (const c of counts) expect(c.n).toBe(findings.filter((f) => f.rule === c.rule && f.severity === c.severity).length);
		const year = records[0].meta.year!;
		const inYear = await qualityCounts(conn, { year, rule: 'R4' });
		expect(inYear.reduce((n, c) => n + c.n, 0)).toBe(findings.filter((f) => byId.get(f.report)!.meta.year === year).length);
	});

	it('qualityOptions: the rules met, every body and year', async () => {
		const o = await qualityOptions(conn);
		expect(new Set(o.rules)).toEqual(new Set(findings.map((f) => f.rule)));
		expect(new Set(o.bodies.map((b) => b.body))).toEqual(new Set(records.map((r) => r.meta.body).filter(Boolean)));
		expect(o.years).toEqual([...new Set(records.map((r) => r.meta.year!).filter(Boolean))].sort());
		expect(o.total).toBe(findings.length);
	});
});

describe('report-page queries', () => {
	it('reportList: every report', async () => {
		const list = await reportList(conn);
		expect(list.length).toBe(records.length);
		const hongze = list.find((r) => r.reportId === 'huaian_hongze_2023.pdf')!;
		expect(hongze.errors).toBe(2);
		expect(hongze.demo).toBe(false);
	});

	it('bodyYears: the same body (place names + name) across years, in year order', async () => {
		for (const r of records.slice(0, 20)) {
			const years = await bodyYears(conn, r.id);
			const same = records.filter(
				(o) =>
					o.meta.body === r.meta.body &&
					o.meta.county === r.meta.county &&
					o.meta.city === r.meta.city &&
					o.meta.province === r.meta.province
			);
			expect(years.map((y) => y.reportId).sort()).toEqual(same.map((o) => o.id).sort());
			expect(years.map((y) => y.year)).toEqual([...years.map((y) => y.year)].sort());
		}
	});

	it('inboundFindings: the cross-year findings of other reports that name this one', async () => {
		const cross = findings.filter((f) => f.other);
		for (const f of cross) {
			const rows = await inboundFindings(conn, f.other!);
			const row = rows.find((x) => x.reportId === f.report && x.message === f.message);
			expect(row).toBeDefined();
			expect(row!.cells.split(',')).toEqual(f.cells);
			expect(row!.year).toBe(byId.get(f.report)!.meta.year);
		}
		expect(await inboundFindings(conn, 'huaian_hongze_2024.pdf')).toEqual([]);
	});
});
