/**
 * What the report page shows, computed from one stored record (pure: no DOM, no database).
 *
 * - the three tables in the official printed layout (`officialLayout`), each value cell carrying the text
 *   exactly as printed, whether it was blank, not printed at all, or unreadable, and the header cells it sits
 *   under (for the `headers` attribute, so screen readers announce row and column);
 * - the findings, split into cells of this report and cells of the other year's report (cross-year rules);
 * - which cells each finding marks, and the strongest severity per cell.
 */
import type { CheckedReport } from '$lib/check';
import { RULE_NAMES, type Finding, type Rule, type Severity, type Status } from '$lib/check/finding';
import {
	FORMATS,
	PROSE_COUNTS,
	cellDef,
	cellId,
	cellLabel,
	officialLayout,
	type FormatVersion,
	type LayoutCell,
	type LayoutRow,
	type TableKey
} from '$lib/template';

export type CellState = 'value' | 'blank' | 'absent' | 'unreadable';

export interface ViewCell {
	text: string;
	colspan?: number;
	rowspan?: number;
	/** Header cell (rendered as th when value cells refer to it, else as a header-styled td). */
	header?: boolean;
	/** Element id of a header cell that value cells refer to. */
	hid?: string;
	/** Canonical id of a value cell. */
	id?: string;
	state?: CellState;
	/** The text as printed (value cells; '' for blank). */
	raw?: string;
	/** How the value was read when not plain (unit conversion, placeholder…), or why it could not be read. */
	note?: string;
	/** Ids of the header cells this value cell sits under (row headers first). */
	headers?: string[];
	/** A merged cell standing for a whole row that the report does not print. */
	absentRow?: boolean;
	/** The canonical ids of the row a merged 未列出 cell stands for. */
	rowIds?: string[];
}

export interface ViewRow {
	cells: ViewCell[];
	/** The row is not printed in the report. */
	absent?: boolean;
}

export interface ViewTable {
	key: TableKey;
	/** 二、主动公开政府信息情况 */
	heading: string;
	/** No cell of the table was read: the report does not print it (or it could not be read at all). */
	missing: boolean;
	rows: ViewRow[];
	/** Value cells with a reading note, in table order. */
	notes: { id: string; label: string; note: string }[];
	/** Labels of template rows the report does not print. */
	absentRows: string[];
}

/* ---------------- words ---------------- */

export const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
/** Marker symbols, so severity is never told by colour alone. */
export const SEVERITY_MARK: Record<Severity, string> = { error: '✖', warning: '▲', info: '●' };
export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
export const STATUS_ZH: Record<Status, string> = { fail: '不符', unverifiable: '无法核对', notice: '需注意' };
export const SECTION_TITLES: Record<string, string> = {
	一: '一、总体情况',
	二: '二、主动公开政府信息情况',
	三: '三、收到和处理政府信息公开申请情况',
	四: '四、政府信息公开行政复议、行政诉讼情况',
	五: '五、存在的主要问题及改进情况',
	六: '六、其他需要报告的事项'
};
export const SECTION_KEYS = ['一', '二', '三', '四', '五', '六'] as const;
/** Shown where a real report was bundled without its prose. */
export const NO_PROSE = '原文未随数据提供（仅保留数字）';
export const META_FIELDS: { key: 'body' | 'county' | 'township' | 'year'; label: string }[] = [
	{ key: 'body', label: '单位' },
	{ key: 'county', label: '县（区）' },
	{ key: 'township', label: '乡镇（街道）' },
	{ key: 'year', label: '年度' }
];

export function ruleName(rule: string): string {
	return RULE_NAMES[rule as Rule] ?? rule;
}

export function severityZh(s: string): string {
	return SEVERITY_ZH[s as Severity] ?? s;
}

export function statusZh(s: string): string {
	return STATUS_ZH[s as Status] ?? s;
}

export function formatName(format: string | null): string {
	return format && format in FORMATS ? FORMATS[format as FormatVersion].name : '格式未知';
}

/* ---------------- tables ---------------- */

function rowKeyOf(id: string): string | undefined {
	return cellDef(id)?.row.key;
}

/** Canonical ids read as unreadable (absent from cells, named by a parse problem), with their raw text. */
function unreadableCells(r: CheckedReport): Map<string, { raw: string; message: string }> {
	const out = new Map<string, { raw: string; message: string }>();
	for (const p of r.problems ?? [])
		if (p.kind === 'cell.unreadable') for (const id of p.cells ?? []) out.set(id, { raw: p.raw ?? '', message: p.message });
	return out;
}

/**
 * The official layout adapted to what the report prints: a 2021 report printing the single （六）其他处理 row
 * (the 2019 row) gets that row in place of (or, if it prints both, after) the three 2021 rows.
 */
function adaptedLayout(format: FormatVersion, key: TableKey, has: (id: string) => boolean): LayoutRow[] {
	const rows = officialLayout(format, key).map((r) => r.map((c) => ({ ...c })));
	if (key !== 't3' || format !== '2021') return rows;
	const cols = FORMATS[format].tables.find((t) => t.key === 't3')!.blocks[0].columns;
	const single = cols.map((c) => cellId('t3', 'other', c.key));
	if (!single.some(has)) return rows;
	const isOther3 = (row: LayoutRow) => row.some((c) => c.id && rowKeyOf(c.id)?.startsWith('other.'));
	const first = rows.findIndex(isOther3);
	const count = rows.filter(isOther3).length;
	if (first < 0) return rows;
	const threePrinted = rows.slice(first, first + count).some((row) => row.some((c) => c.id && has(c.id)));
	const singleRow: LayoutRow = [
		{ text: '（六）其他处理', colspan: 2, header: true },
		...single.map((id) => ({ text: '', id }))
	];
	// the 三、本年度办理结果 cell spans every result row
	const lead = rows.find((row) => row[0]?.rowspan && row[0].text.includes('本年度办理结果'))?.[0];
	if (threePrinted) {
		rows.splice(first + count, 0, singleRow);
		if (lead?.rowspan) lead.rowspan += 1;
	} else {
		rows.splice(first, count, singleRow);
		if (lead?.rowspan) lead.rowspan += 1 - count;
	}
	return rows;
}

interface Placed {
	cell: ViewCell;
	r: number;
	c: number;
}

/** Place cells on a grid (HTML table algorithm, colspan/rowspan) and work out each value cell's headers. */
function assignHeaders(key: TableKey, rows: ViewRow[]): void {
	const grid: (Placed | undefined)[][] = [];
	const placed: Placed[] = [];
	rows.forEach((row, r) => {
		grid[r] ??= [];
		let c = 0;
		for (const cell of row.cells) {
			while (grid[r][c]) c++;
			const p: Placed = { cell, r, c };
			placed.push(p);
			for (let dr = 0; dr < (cell.rowspan ?? 1); dr++)
				for (let dc = 0; dc < (cell.colspan ?? 1); dc++) (grid[r + dr] ??= [])[c + dc] = p;
			c += cell.colspan ?? 1;
		}
	});
	const used = new Set<Placed>();
	for (const p of placed) {
		if (!p.cell.id && !p.cell.absentRow) continue;
		const heads: Placed[] = [];
		const add = (h: Placed | undefined) => {
			if (h && h.cell.header && !heads.includes(h)) heads.push(h);
		};
		// row headers: everything to the left that is a header, in the cell's rows
		for (let dr = 0; dr < (p.cell.rowspan ?? 1); dr++) for (let c = 0; c < p.c; c++) add(grid[p.r + dr]?.[c]);
		// column headers: walk up past value cells, then take the run of header cells above
		for (let dc = 0; dc < (p.cell.colspan ?? 1); dc++) {
			let seen = false;
			for (let r = p.r - 1; r >= 0; r--) {
				const above = grid[r]?.[p.c + dc];
				if (!above || above === p) continue;
				if (above.cell.header) {
					seen = true;
					add(above);
				} else if (seen) break;
			}
		}
		for (const h of heads) used.add(h);
		p.cell.headers = heads.map((h) => (h.cell.hid ??= `${key}-h${h.r}-${h.c}`));
	}
	// header cells no value cell refers to (the corner cell, 信息内容) are shown as plain cells
	for (const p of placed) if (p.cell.header && !used.has(p)) p.cell.header = false;
	for (const p of placed) if (!used.has(p) && p.cell.hid) delete p.cell.hid;
}

/** One table of the report in the official layout with the report's own cell texts. */
export function viewTable(r: CheckedReport, key: TableKey): ViewTable | undefined {
	if (!r.format || !(r.format in FORMATS)) return undefined;
	const format = r.format;
	const def = FORMATS[format].tables.find((t) => t.key === key)!;
	const unreadable = unreadableCells(r);
	const has = (id: string) => id in r.detail || unreadable.has(id);
	const layout = adaptedLayout(format, key, has);
	const notes: ViewTable['notes'] = [];
	const absentRows: string[] = [];
	const rows: ViewRow[] = layout.map((row) => {
		const cells: ViewCell[] = row.map((c: LayoutCell) => {
			if (!c.id) return { text: c.text, colspan: c.colspan, rowspan: c.rowspan, header: c.header };
			const d = r.detail[c.id];
			const u = unreadable.get(c.id);
			if (d) {
				const blank = d.value === null && d.raw.trim() === '';
				if (d.note) notes.push({ id: c.id, label: cellLabel(c.id), note: d.note });
				return { text: '', id: c.id, colspan: c.colspan, state: blank ? 'blank' : 'value', raw: blank ? '' : d.raw.trim(), note: d.note };
			}
			if (u) {
				notes.push({ id: c.id, label: cellLabel(c.id), note: `无法读取：${u.message}` });
				return { text: '', id: c.id, colspan: c.colspan, state: 'unreadable', raw: u.raw.trim(), note: `无法读取：${u.message}` };
			}
			return { text: '', id: c.id, colspan: c.colspan, state: 'absent', raw: '' };
		});
		const values = cells.filter((c) => c.id);
		const rowKeys = [...new Set(values.map((c) => rowKeyOf(c.id!)))];
		if (values.length > 1 && values.every((c) => c.state === 'absent') && rowKeys.length === 1 && cells.at(-1)?.id) {
			// a row the report does not print: one greyed cell across its value columns
			const first = cells.indexOf(values[0]);
			const span = values.reduce((n, c) => n + (c.colspan ?? 1), 0);
			const label = cellDef(values[0].id!)!;
			absentRows.push(`${label.row.group && key === 't3' && !label.row.group.startsWith('三') ? `${label.row.group}·` : ''}${label.row.label}`);
			return {
				absent: true,
				cells: [
					...cells.slice(0, first),
					{ text: '未列出', colspan: span, absentRow: true, rowIds: values.map((c) => c.id!), state: 'absent' as const, raw: '' }
				]
			};
		}
		return { cells };
	});
	assignHeaders(key, rows);
	const missing = !Object.keys(r.detail).some((id) => id.startsWith(`${key}.`)) && ![...unreadable.keys()].some((id) => id.startsWith(`${key}.`));
	return {
		key,
		heading: `${def.section}、${def.title}`,
		missing,
		rows,
		notes,
		absentRows
	};
}

/* ---------------- findings ---------------- */

export interface ViewFinding {
	/** Stable key within the page. */
	key: string;
	rule: string;
	severity: Severity;
	status: string;
	message: string;
	kind?: string;
	expected: number | null;
	actual: number | null;
	/** Canonical ids of this report's cells involved (marked in the tables). */
	cells: string[];
	/** Cells of the other report of a cross-year rule (ids without the prefix). */
	otherCells: string[];
	/** The other report (cross-year rules). */
	other?: string;
	otherYear?: number | null;
	blanks: string[];
	holdsIfBlankZero?: boolean;
	/** The finding belongs to the other report and names cells of this one. */
	inbound?: boolean;
}

/** Split a finding's cells into this report's and the other report's (`<otherId>#<cell>`). */
function splitCells(cells: string[], self: string): { own: string[]; foreign: string[] } {
	const own: string[] = [];
	const foreign: string[] = [];
	for (const c of cells) {
		const i = c.indexOf('#');
		if (i < 0) own.push(c);
		else if (c.slice(0, i) === self) own.push(c.slice(i + 1));
		else foreign.push(c.slice(i + 1));
	}
	return { own, foreign };
}

export function viewFindings(r: CheckedReport, otherYears: Map<string, number | null> = new Map()): ViewFinding[] {
	return r.findings
		.map((f: Finding, i) => {
			const { own, foreign } = splitCells(f.cells, r.id);
			return {
				key: `f${i}`,
				rule: f.rule,
				severity: f.severity,
				status: f.status,
				message: f.message,
				kind: f.kind,
				expected: f.expected,
				actual: f.actual,
				cells: own,
				otherCells: foreign,
				other: f.other,
				// cross-year rules compare a report with the same body's previous year
				otherYear: f.other ? (otherYears.get(f.other) ?? (r.meta.year ? r.meta.year - 1 : null)) : undefined,
				blanks: f.blanks ?? [],
				holdsIfBlankZero: f.holdsIfBlankZero
			};
		})
		.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** A finding of another report (cross-year rules) that names cells of this one, as stored in the database. */
export interface InboundFinding {
	reportId: string;
	year: number | null;
	rule: string;
	severity: string;
	status: string;
	cells: string;
	expected: number | null;
	actual: number | null;
	message: string;
}

export function viewInbound(self: string, rows: InboundFinding[]): ViewFinding[] {
	return rows.map((f, i) => {
		// in the other report's finding, the cells prefixed with this report's id are ours; the rest are its own
		const own: string[] = [];
		const foreign: string[] = [];
		for (const c of f.cells ? f.cells.split(',') : []) {
			const i = c.indexOf('#');
			if (i >= 0 && c.slice(0, i) === self) own.push(c.slice(i + 1));
			else if (i < 0) foreign.push(c);
		}
		return {
			key: `in${i}`,
			rule: f.rule,
			severity: (f.severity in SEVERITY_ORDER ? f.severity : 'info') as Severity,
			status: f.status,
			message: f.message,
			expected: f.expected,
			actual: f.actual,
			cells: own,
			otherCells: foreign,
			other: f.reportId,
			otherYear: f.year,
			blanks: [],
			inbound: true
		};
	});
}

/** The strongest severity of the findings marking each cell, and which findings mark it. */
export function cellMarks(findings: ViewFinding[]): Map<string, { severity: Severity; findings: string[] }> {
	const out = new Map<string, { severity: Severity; findings: string[] }>();
	for (const f of findings)
		for (const id of f.cells) {
			const m = out.get(id);
			if (!m) out.set(id, { severity: f.severity, findings: [f.key] });
			else {
				if (!m.findings.includes(f.key)) m.findings.push(f.key);
				if (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[m.severity]) m.severity = f.severity;
			}
		}
	return out;
}

/* ---------------- prose counts ---------------- */

export interface ViewProseCount {
	key: string;
	label: string;
	value: number;
	text: string;
	section?: string;
	/** The matching table figure (sum of the rows' 总计), null when blank or not comparable. */
	table: number | null;
}

export function viewProseCounts(r: CheckedReport): ViewProseCount[] {
	return (r.prose ?? []).map((p) => {
		const def = PROSE_COUNTS.find((d) => d.key === p.key);
		let table: number | null = null;
		if (def && def.rows.length) {
			const vals = def.rows.map((row) => r.cells[`${row}.total`]).filter((v) => v !== undefined);
			table = vals.length && vals.every((v) => v !== null) ? (vals as number[]).reduce((a, b) => a + b, 0) : null;
		}
		return { key: p.key, label: def?.label ?? p.key, value: p.value, text: p.text, section: p.section, table };
	});
}

/** Describe where a metadata field came from, in Chinese. */
export function fromZh(from: string | undefined): string {
	if (!from) return '未识别';
	return from
		.split('+')
		.map((s) => ({ title: '标题', text: '正文', file: '文件名', sidecar: '附带说明文件' })[s] ?? s)
		.join('、');
}
