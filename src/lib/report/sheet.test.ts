/** The export rows of an official table, on real records of data/. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckedReport } from '$lib/check';
import { toCsv } from '$lib/export/csv';
import { viewFindings, viewTable } from './model';
import { tableSheet } from './sheet';

const DATA = resolve(import.meta.dirname, '../../../data');
const load = (id: string): CheckedReport => JSON.parse(readFileSync(resolve(DATA, `${id}.json`), 'utf8'));

describe('tableSheet', () => {
	const hongze = load('huaian_hongze_2023.pdf');
	const sheetOf = (r: CheckedReport, key: 't2' | 't3' | 't4') => tableSheet(r, viewTable(r, key)!, viewFindings(r));
	const byId = (rows: ReturnType<typeof sheetOf>['rows']) => new Map(rows.map((row) => [row[2] as string, row]));

	it('table 4: its 15 cells in the printed order, numbers as read, raw text kept, findings named', () => {
		const s = sheetOf(hongze, 't4');
		expect(s.columns.map((c) => c.label)).toEqual(['行', '列', '单元格编号', '数值', '报告原文', '读取说明', '核查']);
		expect(s.rows).toHaveLength(15);
		const rows = byId(s.rows);
		expect(rows.get('t4.review.upheld')!.slice(0, 5)).toEqual(['行政复议', '结果维持', 't4.review.upheld', 10, '10']);
		// the report's 总计 of 行政复议 does not add up (R4): the cell says so
		expect(hongze.cells['t4.review.total']).toBe(0);
		expect(rows.get('t4.review.total')![6]).toMatch(/（错误）/);
		for (const row of s.rows) expect(row[3]).toBe(hongze.cells[row[2] as string] ?? null);
	});

	it('every cell of table 3 the record holds, each once, blanks empty and said to be blank', () => {
		const s = sheetOf(hongze, 't3');
		const ids = s.rows.map((r) => r[2] as string);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids.sort()).toEqual(Object.keys(hongze.detail).filter((id) => id.startsWith('t3.')).sort());
		for (const row of s.rows) {
			const d = hongze.detail[row[2] as string];
			expect(row[4]).toBe(d.value === null && !d.raw.trim() ? '' : d.raw.trim());
			if (d.value === null) expect([row[3], row[5]]).toEqual([null, '空白（不是 0）']);
		}
		// table 2 rows carry their 第二十条 item
		expect(sheetOf(hongze, 't2').rows[0][0]).toBe('第二十条第（一）项·规章');
	});

	it('a row the report does not print is listed cell by cell as 报告未列出, with no number', () => {
		const kupu = load('toli_kupu_2024.txt');
		const t3 = viewTable(kupu, 't3')!;
		const s = tableSheet(kupu, t3, viewFindings(kupu));
		expect(t3.absentRows).toEqual(['（六）其他处理·其他']);
		const absent = s.rows.filter((r) => r[5] === '报告未列出');
		// the seven applicant columns of that row, none in the record
		expect(absent).toHaveLength(7);
		for (const r of absent) {
			expect([r[0], r[3], r[4]]).toEqual(['（六）其他处理/其他', null, '']);
			expect(r[2] as string in kupu.detail).toBe(false);
		}
		expect(toCsv(s).split('\r\n')[0]).toBe('\uFEFF行,列,单元格编号,数值,报告原文,读取说明,核查');
	});
});
