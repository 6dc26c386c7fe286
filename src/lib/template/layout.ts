/**
 * The official printed layout of the three tables, derived from the template: header rows, merged
 * cells and the numbering (一、 （一） 1.) the national format prints. Used to write report files
 * (test fixtures, demo data) and to show a report in its official layout in the UI.
 */
import { FORMATS, T3_APPLICANT_HEAD, T3_CORNER, T3_GROUPS, T4_HEAD } from './tables';
import { cellId } from './ids';
import type { FormatVersion, RowDef, TableDef } from './types';

export interface LayoutCell {
	text: string;
	colspan?: number;
	rowspan?: number;
	/** Canonical id when the cell holds a value. */
	id?: string;
	header?: boolean;
}
export type LayoutRow = LayoutCell[];

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function valueCells(table: TableDef['key'], row: RowDef, cols: { key: string }[]): LayoutCell[] {
	return cols.map((c) => ({ text: '', id: cellId(table, row.key, c.key) }));
}

function table2(format: FormatVersion): LayoutRow[] {
	const t = FORMATS[format].tables.find((x) => x.key === 't2')!;
	const width = Math.max(...t.blocks.map((b) => b.columns.length)) + 1;
	const rows: LayoutRow[] = [];
	for (const b of t.blocks) {
		const span = (i: number, n: number) => (i === n - 1 ? width - n : 1); // last column takes the rest
		rows.push([{ text: b.label, colspan: width, header: true }]);
		rows.push([
			{ text: '信息内容', header: true },
			...b.columns.map((c, i) => ({ text: c.label, header: true, colspan: span(i, b.columns.length) }))
		]);
		for (const r of b.rows)
			rows.push([{ text: r.label, header: true }, ...valueCells('t2', r, b.columns).map((c, i) => ({ ...c, colspan: span(i, b.columns.length) }))]);
	}
	return rows.map((r) => r.map((c) => (c.colspan === 1 ? { ...c, colspan: undefined } : c)));
}

function table3(format: FormatVersion): LayoutRow[] {
	const t = FORMATS[format].tables.find((x) => x.key === 't3')!;
	const b = t.blocks[0];
	const [G_RESULT] = T3_GROUPS;
	const cols = b.columns;
	const rows: LayoutRow[] = [
		[
			{ text: T3_CORNER, colspan: 3, rowspan: 3, header: true },
			{ text: T3_APPLICANT_HEAD.all, colspan: 7, header: true }
		],
		[
			{ text: cols[0].label, rowspan: 2, header: true },
			{ text: T3_APPLICANT_HEAD.orgs, colspan: 5, header: true },
			{ text: cols[6].label, rowspan: 2, header: true }
		],
		cols.slice(1, 6).map((c) => ({ text: c.label, header: true }))
	];
	// rows actually printed: the 2021 format prints the three （六） rows, not the single alternative
	const printed = b.rows.filter((r) => !r.alternativeOf);
	const results = printed.filter((r) => r.group && r.key !== 'new');
	let top = 0;
	let sub = 0;
	let resultStarted = false;
	const groupSeen = new Set<string>();
	for (const r of printed) {
		const vals = valueCells('t3', r, cols);
		if (!r.group) {
			rows.push([{ text: `${CN[top++]}、${r.label}`, colspan: 3, header: true }, ...vals]);
			continue;
		}
		const lead: LayoutCell[] = [];
		if (!resultStarted) {
			resultStarted = true;
			lead.push({ text: `${CN[top++]}、${G_RESULT.replace(/^三、/, '')}`, rowspan: results.length, header: true });
		}
		const label = `${r.label}${r.remark ?? ''}`;
		if (r.group === G_RESULT) {
			rows.push([...lead, { text: `（${CN[sub++]}）${label}`, colspan: 2, header: true }, ...vals]);
			continue;
		}
		const members = printed.filter((x) => x.group === r.group);
		if (!groupSeen.has(r.group)) {
			groupSeen.add(r.group);
			lead.push({ text: `（${CN[sub++]}）${r.group.replace(/^（.）/, '')}`, rowspan: members.length, header: true });
		}
		rows.push([...lead, { text: `${members.indexOf(r) + 1}.${label}`, header: true }, ...vals]);
	}
	return rows;
}

function table4(format: FormatVersion): LayoutRow[] {
	const b = FORMATS[format].tables.find((x) => x.key === 't4')!.blocks[0];
	const n = b.columns.length;
	const [review, ...suits] = b.rows;
	return [
		[
			{ text: T4_HEAD.review, colspan: n, header: true },
			{ text: T4_HEAD.suit, colspan: n * suits.length, header: true }
		],
		[...b.columns.map((c) => ({ text: c.label, rowspan: 2, header: true })), ...suits.map((s) => ({ text: s.label, colspan: n, header: true }))],
		suits.flatMap(() => b.columns.map((c) => ({ text: c.label, header: true }))),
		[review, ...suits].flatMap((r) => valueCells('t4', r, b.columns))
	];
}

/** The printed layout of one table of a format. */
export function officialLayout(format: FormatVersion, table: TableDef['key']): LayoutRow[] {
	return table === 't2' ? table2(format) : table === 't3' ? table3(format) : table4(format);
}
