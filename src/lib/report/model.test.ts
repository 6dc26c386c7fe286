/** The report page's view model and the quality page's URL state, on real records of data/ and small fixtures. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckedReport } from '$lib/check';
import type { QualityRow } from '$lib/db/report';
import { cellMarks, viewFindings, viewInbound, viewProseCounts, viewTable, type ViewCell } from './model';
import { DEFAULT_VIEW, parseView, sortRows, viewQuery } from './quality';

const DATA = resolve(import.meta.dirname, '../../../data');
const load = (id: string): CheckedReport => JSON.parse(readFileSync(resolve(DATA, `${id}.json`), 'utf8'));
const valueCells = (t: NonNullable<ReturnType<typeof viewTable>>): ViewCell[] => t.rows.flatMap((r) => r.cells).filter((c) => c.id);

describe('viewTable', () => {
	const hongze = load('huaian_hongze_2023.pdf');
	const kupu = load('toli_kupu_2024.txt');

	it('shows every printed cell with its raw text, t4 of huaian_hongze_2023 as printed', () => {
		const t4 = viewTable(hongze, 't4')!;
		const cells = valueCells(t4);
		expect(cells).toHaveLength(15);
		const raw = Object.fromEntries(cells.map((c) => [c.id, c.raw]));
		expect(raw['t4.review.upheld']).toBe('10');
		expect(raw['t4.review.corrected']).toBe('1');
		expect(raw['t4.review.total']).toBe('0');
		expect(raw['t4.suit_after_review.upheld']).toBe('5');
		expect(raw['t4.suit_after_review.total']).toBe('0');
	});

	it('a 2021 report printing the single （六） row gets that row instead of the three', () => {
		expect('t3.other.natural' in hongze.detail).toBe(true);
		const t3 = viewTable(hongze, 't3')!;
		const ids = valueCells(t3).map((c) => c.id!);
		expect(ids).toContain('t3.other.total');
		expect(ids.some((id) => id.startsWith('t3.other.misc'))).toBe(false);
		// the 三、本年度办理结果 cell spans exactly the result rows printed
		const lead = t3.rows.flatMap((r) => r.cells).find((c) => c.text.includes('本年度办理结果'))!;
		const first = t3.rows.findIndex((r) => r.cells.includes(lead));
		const total = t3.rows.findIndex((r) => r.cells.some((c) => c.id === 't3.total.natural'));
		expect(lead.rowspan).toBe(total - first + 1);
	});

	it('blank stays blank, a row not printed is one greyed cell', () => {
		const t3 = viewTable(kupu, 't3')!;
		const blank = valueCells(t3).find((c) => c.id === 't3.partial.research')!;
		expect(blank.state).toBe('blank');
		expect(blank.raw).toBe('');
		const absent = t3.rows.find((r) => r.absent)!;
		const merged = absent.cells.find((c) => c.absentRow)!;
		expect(merged.colspan).toBe(7);
		expect(merged.rowIds).toContain('t3.other.misc.total');
		expect(t3.absentRows).toEqual(['（六）其他处理·其他']);
	});

	it('every value cell names its row and column headers, which exist as header cells', () => {
		for (const key of ['t2', 't3', 't4'] as const) {
			const t = viewTable(kupu, key)!;
			const hids = new Set(t.rows.flatMap((r) => r.cells).filter((c) => c.header && c.hid).map((c) => c.hid));
			for (const c of valueCells(t)) {
				expect(c.headers!.length, c.id).toBeGreaterThan(0);
				for (const h of c.headers!) expect(hids.has(h), `${c.id} → ${h}`).toBe(true);
			}
		}
		const t3 = viewTable(kupu, 't3')!;
		const byHid = new Map(t3.rows.flatMap((r) => r.cells).filter((c) => c.hid).map((c) => [c.hid!, c.text]));
		const cell = valueCells(t3).find((c) => c.id === 't3.denied.third_party.commercial')!;
		const texts = cell.headers!.map((h) => byHid.get(h));
		expect(texts).toEqual(expect.arrayContaining(['4.保护第三方合法权益', '（三）不予公开', '商业企业', '法人或其他组织', '申请人情况']));
	});
});

describe('findings', () => {
	it('marks the cells of each finding with its strongest severity', () => {
		const kupu = load('toli_kupu_2024.txt');
		const fs = viewFindings(kupu);
		expect(fs[0].severity).not.toBe('info');
		const marks = cellMarks(fs);
		expect(marks.get('t3.new.total')!.severity).toBe('warning');
		expect(marks.get('t3.partial.research')!.severity).toBe('info');
		expect(marks.get('t3.partial.research')!.findings).toHaveLength(2);
	});

	it('splits cross-year cells between this report and the other', () => {
		const r = {
			id: 'b_2022',
			meta: { year: 2022 },
			findings: [
				{ rule: 'X1', severity: 'error', status: 'fail', report: 'b_2022', cells: ['b_2021#t3.forward.total', 't3.carried.total'], expected: 1, actual: 2, other: 'b_2021', message: 'm' }
			]
		} as unknown as CheckedReport;
		const [f] = viewFindings(r);
		expect(f.cells).toEqual(['t3.carried.total']);
		expect(f.otherCells).toEqual(['t3.forward.total']);
		expect(f.otherYear).toBe(2021);
		const [back] = viewInbound('b_2021', [
			{ reportId: 'b_2022', year: 2022, rule: 'X1', severity: 'error', status: 'fail', cells: 'b_2021#t3.forward.total,t3.carried.total', expected: 1, actual: 2, message: 'm' }
		]);
		expect(back.cells).toEqual(['t3.forward.total']);
		expect(back.otherCells).toEqual(['t3.carried.total']);
		expect(back.other).toBe('b_2022');
		expect(back.inbound).toBe(true);
	});

	it('prose counts carry the matching table figure', () => {
		const hongze = load('huaian_hongze_2023.pdf');
		const [received] = viewProseCounts(hongze);
		expect(received.label).toBe('受理/收到申请');
		expect(received.table).toBe(hongze.cells['t3.new.total']);
	});
});

describe('quality view in the URL', () => {
	it('round-trips through the query string, defaults left out', () => {
		const v = { ...DEFAULT_VIEW, rule: 'R4', body: '托里县库普乡', year: 2024, sort: 'body' as const, order: 'desc' as const };
		expect(parseView(new URLSearchParams(viewQuery(v)))).toEqual(v);
		expect(viewQuery(DEFAULT_VIEW)).toBe('');
		expect(parseView(new URLSearchParams('year=abc&sort=drop'))).toEqual(DEFAULT_VIEW);
	});

	it('sorts by severity, then body, then year', () => {
		const row = (severity: string, body: string, year: number) => ({ severity, body, year, rule: 'R1', reportId: `${body}${year}` }) as QualityRow;
		const rows = [row('info', '甲', 2020), row('error', '乙', 2021), row('error', '甲', 2022), row('error', '甲', 2019), row('warning', '甲', 2020)];
		const out = sortRows(rows, 'severity', 'asc').map((r) => `${r.severity}${r.body}${r.year}`);
		expect(out).toEqual(['error甲2019', 'error甲2022', 'error乙2021', 'warning甲2020', 'info甲2020']);
		expect(sortRows(rows, 'year', 'desc')[0].year).toBe(2022);
	});
});
