/**
 * Uploaded reports in the bundled tables (duckdb-wasm's Node build, the browser's engine and SQL): inserted as
 * 用户上传, replacing a bundled report of the same id, cross-year findings recomputed with the bundled reports of
 * the same body, and everything put back exactly when the uploads are removed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckedReport } from '$lib/check';
import { summaryRow, type SummaryRow } from '$lib/store/summary';
import { run } from './run';
import { mergeSummary, syncUploads, UPLOAD_ORIGIN } from './uploads';
import { bundledDb, DATA } from '../../../test/fixtures/duckdb';
import { limit } from '../../../test/timeouts';

const load = (id: string): CheckedReport => JSON.parse(readFileSync(join(DATA, `${id}.json`), 'utf8'));
const loader = async (id: string) => load(id);

let conn: AsyncDuckDBConnection;
let close: () => void = () => {};

beforeAll(async () => {
	({ conn, close } = await bundledDb());
}, limit(60_000));

afterAll(() => close());

const q = <T = Record<string, unknown>>(sql: string, ...params: unknown[]) => run<T>(conn, sql, params);

/** The whole content of both tables, in a fixed order (to compare before/after). */
async function dump() {
	const reports = await q(`SELECT * FROM reports ORDER BY report_id`);
	const findings = await q(`SELECT * FROM findings ORDER BY report_id, rule, message`);
	return JSON.stringify({ reports, findings }, (_k, v) => (typeof v === 'bigint' ? Number(v) : v));
}

const rowOf = (id: string) => q<{ origin: string; t3_new_total: number | null; n_errors: number; n_findings: number }>(
	`SELECT origin, t3_new_total, n_errors, n_findings FROM reports WHERE report_id = ?`,
	id
);
const rulesOf = async (id: string) => (await q<{ rule: string }>(`SELECT rule FROM findings WHERE report_id = ? ORDER BY rule`, id)).map((r) => r.rule);

/** toli_wuxuete has no 2022 report in the bundled data: an upload fills the gap. */
function wuxuete2022(forward: number): CheckedReport {
	const r = structuredClone(load('toli_wuxuete_2021.txt'));
	const id = 'wuxuete_2022.txt';
	r.id = id;
	r.source = { ...r.source, file: id };
	r.meta = { ...r.meta, year: 2022 };
	r.cells['t3.new.total'] = 4321;
	for (const k of Object.keys(r.cells)) if (k.startsWith('t3.forward.')) r.cells[k] = 0;
	r.cells['t3.forward.total'] = forward;
	r.findings = [];
	return r;
}

describe('syncUploads', () => {
	let before: string;
	let reportCount: number;
	beforeAll(async () => {
		before = await dump();
		reportCount = (await q(`SELECT report_id FROM reports`)).length;
	});

	it('adds an upload as 用户上传 and recomputes X1 with the bundled years of the same body', async () => {
		const up = wuxuete2022(7);
		const res = await syncUploads(conn, [up], loader);
		expect((await q(`SELECT report_id FROM reports`)).length).toBe(reportCount + 1);
		expect(await rowOf(up.id)).toEqual([expect.objectContaining({ origin: UPLOAD_ORIGIN, t3_new_total: 4321 })]);
		// the bundled 2023 report carried 0 over: 7 forward in 2022 ≠ 0 carried in 2023, an error on the 2023 report
		const x1 = await q<{ cells: string; other_report: string; severity: string }>(
			`SELECT cells, other_report, severity FROM findings WHERE report_id = ? AND rule = 'X1'`,
			'toli_wuxuete_2023.txt'
		);
		expect(x1).toEqual([{ cells: 'wuxuete_2022.txt#t3.forward.total,t3.carried.total', other_report: up.id, severity: 'error' }]);
		expect((await rowOf('toli_wuxuete_2023.txt'))[0].n_errors).toBe(1);
		expect(await rulesOf('toli_wuxuete_2023.txt')).toEqual(['X1', 'ZERO']);
		// every bundled year of the body is patched in the summary; only 2023's counts changed
		expect(res.patches.map((p) => p.id)).toEqual([2019, 2020, 2021, 2023, 2024, 2025].map((y) => `toli_wuxuete_${y}.txt`));
		expect(res.patches[3]).toEqual({ id: 'toli_wuxuete_2023.txt', errors: 1, warnings: 1, errorRules: ['X1'] });
		expect(res.uploads[0].meta.origin).toBe(UPLOAD_ORIGIN);
		expect(res.rows.map((r) => [r.id, r.origin, r.v.new])).toEqual([[up.id, UPLOAD_ORIGIN, 4321]]);
	});

	it('a re-sync replaces, never duplicates; a matching 2022 clears the finding', async () => {
		await syncUploads(conn, [wuxuete2022(0)], loader);
		await syncUploads(conn, [wuxuete2022(0)], loader);
		expect((await q(`SELECT report_id FROM reports`)).length).toBe(reportCount + 1);
		expect(await rulesOf('toli_wuxuete_2023.txt')).toEqual(['ZERO']);
	});

	it('an upload with the id of a bundled report replaces it; removing it brings the bundled one back', async () => {
		const hz = structuredClone(load('huaian_hongze_2023.pdf'));
		hz.cells['t3.new.total'] = 12345;
		await syncUploads(conn, [hz], loader);
		expect((await q(`SELECT report_id FROM reports`)).length).toBe(reportCount);
		expect(await rowOf('huaian_hongze_2023.pdf')).toEqual([expect.objectContaining({ origin: UPLOAD_ORIGIN, t3_new_total: 12345 })]);
		expect(await rulesOf('huaian_hongze_2023.pdf')).toEqual(['R4', 'R4']);
		expect(await rulesOf('huaian_hongze_2024.pdf')).toEqual(['N1']);
		await syncUploads(conn, [], loader);
		expect(await rowOf('huaian_hongze_2023.pdf')).toEqual([expect.objectContaining({ origin: '真实报告' })]);
		expect(await dump()).toBe(before);
	});

	it('an upload with a value wider than the bundled column widens it and keeps the number as printed', async () => {
		const typeOf = async (c: string) =>
			(await q<{ type: string }>(`SELECT data_type AS type FROM information_schema.columns WHERE table_name = 'reports' AND column_name = ?`, c))[0].type;
		expect(await typeOf('t3_new_total')).toBe('SMALLINT'); // the bundled reports' largest is 淮安市's 3,119
		expect(await typeOf('t4_review_upheld')).toBe('TINYINT');
		const up = wuxuete2022(0);
		up.cells['t3.new.total'] = 5_000_000_000; // a RANGE error, stored as read
		up.cells['t4.review.upheld'] = 300;
		await syncUploads(conn, [up], loader);
		expect(await typeOf('t3_new_total')).toBe('DOUBLE');
		expect(await typeOf('t4_review_upheld')).toBe('SMALLINT');
		expect(await rowOf(up.id)).toEqual([expect.objectContaining({ t3_new_total: 5_000_000_000 })]);
		expect((await q<{ v: number }>(`SELECT t4_review_upheld AS v FROM reports WHERE report_id = ?`, up.id))[0].v).toBe(300);
		expect(await rowOf('toli_wuxuete_2023.txt')).toEqual([expect.objectContaining({ t3_new_total: expect.any(Number) })]);
		await syncUploads(conn, [], loader);
		expect((await q(`SELECT report_id FROM reports`)).length).toBe(reportCount);
	});

	it('removing every upload restores both tables exactly', async () => {
		await syncUploads(conn, [wuxuete2022(9), structuredClone(load('toli_gov_2020.html'))], loader);
		expect(await dump()).not.toBe(before);
		await syncUploads(conn, [], loader);
		expect(await dump()).toBe(before);
	});
});

describe('mergeSummary', () => {
	const row = (id: string, errors = 0): SummaryRow => ({ ...summaryRow(load('toli_gov_2020.html')), id, errors });
	it('replaces same ids, adds new ones, patches counts, keeps id order', () => {
		const base = [row('a'), row('c'), row('d')];
		const out = mergeSummary(base, [row('b', 2), row('c', 5)], [{ id: 'd', errors: 1, warnings: 3, errorRules: ['X1'] }]);
		expect(out.map((r) => [r.id, r.errors])).toEqual([['a', 0], ['b', 2], ['c', 5], ['d', 1]]);
		expect(out[3].warnings).toBe(3);
		expect(out[3].errorRules).toEqual(['X1']);
		expect(base.map((r) => r.errors)).toEqual([0, 0, 0]);
	});
});
