/**
 * Mapping the tables of a document onto the template: which table is which, which format the
 * report uses, and which printed row and column every cell belongs to.
 */
import type { Block, Cell, Row, Table } from '../extract/model';
import {
	T3_GROUPS,
	FORMATS,
	cellId,
	matchLabel,
	normalizeLabel,
	rowLabels,
	tableOf,
	type BlockDef,
	type LabelMatch,
	type FormatVersion,
	type RowDef,
	type TableKey
} from '../template';
import { isValueLike, readCell } from './number';
import type { CellDetail, ParseProblem } from './report';
import type { SectionKey } from './sections';

const SECTION_TABLE: Partial<Record<SectionKey, TableKey>> = { 二: 't2', 三: 't3', 四: 't4' };

/*
 * What classifyTable looks for, as literal words. Every word lies inside one cell's normalised text (none holds
 * the '|' the cells used to be joined with), so each cell is looked at once and its verdict memoised by its text.
 */
const T3_WORDS = ['本年新收政府信息公开申请', '上年结转政府信息公开申请', '申请人情况'];
const REVIEW_WORDS = ['行政复议'];
const SUIT_WORDS = ['行政诉讼', '复议后起诉', '直接起诉'];
const T2_WORDS = ['第二十条', '信息内容', '行政事业性收费', '行政许可', '规范性文件'];
const T3_BIT = 1;
const REVIEW_BIT = 2;
const SUIT_BIT = 4;
const T2_BIT = 8;

/** Which of the word groups a cell's normalised text holds, by the cell's text (memoised: labels recur). */
const wordBits = new Map<string, number>();
function wordsIn(text: string): number {
	let bits = wordBits.get(text);
	if (bits === undefined) {
		if (wordBits.size > 20000) wordBits.clear();
		const n = normalizeLabel(text);
		const has = (words: string[]) => words.some((w) => n.includes(w));
		bits = (has(T3_WORDS) ? T3_BIT : 0) | (has(REVIEW_WORDS) ? REVIEW_BIT : 0) | (has(SUIT_WORDS) ? SUIT_BIT : 0) | (has(T2_WORDS) ? T2_BIT : 0);
		wordBits.set(text, bits);
	}
	return bits;
}

/** What kind of table this is, by its content, else by the section it stands in. */
export function classifyTable(t: Table, section: SectionKey | undefined): TableKey | undefined {
	let bits = 0;
	for (const r of t.rows) for (const c of r) bits |= wordsIn(c.text);
	if (bits & T3_BIT) return 't3';
	if (bits & REVIEW_BIT && bits & SUIT_BIT) return 't4';
	if (bits & T2_BIT) return 't2';
	return section ? SECTION_TABLE[section] : undefined;
}

/** Tables of each kind, with the rows of a table that continues (over pages, split sub-tables) joined. */
export function groupTables(blocks: Block[], sectionOfBlock: (SectionKey | undefined)[]): Partial<Record<TableKey, Row[]>> {
	const out: Partial<Record<TableKey, Row[]>> = {};
	blocks.forEach((b, i) => {
		if (b.kind !== 'table') return;
		const key = classifyTable(b, sectionOfBlock[i]);
		if (key) (out[key] ??= []).push(...b.rows);
	});
	return out;
}

/** The format whose table-2 column headers the report prints; undefined when none is recognisable. */
export function detectFormat(t2: Row[] | undefined, t3: Row[] | undefined): FormatVersion | undefined {
	const text = (rows: Row[] | undefined) => (rows ?? []).flatMap((r) => r.map((c) => normalizeLabel(c.text))).join('|');
	const s2 = text(t2);
	let best: FormatVersion | undefined;
	let bestHits = 0;
	for (const f of Object.values(FORMATS)) {
		const hits = f.signature.filter((sig) => s2.includes(normalizeLabel(sig))).length;
		if (hits > bestHits) {
			bestHits = hits;
			best = f.version;
		}
	}
	if (best) return best;
	// no table 2: the three （六） rows exist only in the 2021 format
	if (/逾期不补正|逾期未按收费通知/.test(text(t3))) return '2021';
	return undefined;
}

export interface TableReading {
	detail: Record<string, CellDetail>;
	problems: ParseProblem[];
	/** When given, each cell's value is put here too (the report's flat map, filled as the detail is). */
	cells?: Record<string, number | null>;
}

/** A row label has words in it; a cell of digits and punctuation is a (possibly unreadable) value. */
function isLabelLike(text: string): boolean {
	let r = labelLike.get(text);
	if (r === undefined) {
		if (labelLike.size > 20000) labelLike.clear();
		r = /[\p{Script=Han}A-Za-z]/u.test(text) && !isValueLike(text);
		labelLike.set(text, r);
	}
	return r;
}
/** isLabelLike by text (memoised: the same labels and values recur in every report). */
const labelLike = new Map<string, boolean>();

function labelCellIndex(cells: Cell[]): number {
	for (let i = cells.length - 1; i >= 0; i--) if (isLabelLike(cells[i].text)) return i;
	return -1;
}

/** A template row's block and cell ids (column order), per format and table (built once). */
interface RowInfo {
	block: BlockDef;
	ids: string[];
}
const rowInfos = new Map<string, Map<RowDef, RowInfo>>();
function rowInfo(format: FormatVersion, key: TableKey, row: RowDef): RowInfo {
	const k = `${format}/${key}`;
	let m = rowInfos.get(k);
	if (!m) {
		m = new Map();
		for (const block of tableOf(format, key).blocks)
			for (const r of block.rows) if (!m.has(r)) m.set(r, { block, ids: block.columns.map((c) => cellId(key, r.key, c.key)) });
		rowInfos.set(k, m);
	}
	return m.get(row)!;
}

function blockOf(format: FormatVersion, key: TableKey, row: RowDef): BlockDef {
	return rowInfo(format, key, row).block;
}

function readValues(
	out: TableReading,
	key: TableKey,
	row: RowDef,
	block: BlockDef,
	ids: string[],
	values: Cell[],
	note?: string
) {
	const cols = block.columns;
	for (let j = 0; j < cols.length; j++) {
		const col = cols[j];
		const cell = values[j];
		const id = ids[j];
		const reading = readCell(cell.text, col);
		if (reading.kind === 'unreadable') {
			out.problems.push({ kind: 'cell.unreadable', message: reading.reason, table: key, row: row.key, cells: [id], raw: cell.text, where: cell.where });
			continue;
		}
		const d: CellDetail = { value: reading.kind === 'number' ? reading.value : null, raw: cell.text, where: cell.where };
		const cellNote = reading.kind !== 'blank' ? reading.note : undefined;
		if (note || cellNote) d.note = note && cellNote ? `${note}；${cellNote}` : note || cellNote;
		if (reading.kind === 'placeholder')
			out.problems.push({ kind: 'cell.placeholder', message: reading.note, table: key, row: row.key, cells: [id], raw: cell.text, where: cell.where });
		out.detail[id] = d;
		if (out.cells) out.cells[id] = d.value;
	}
}

/** Exact-label index of a table's rows (normalised label → rows), built once per format and table. */
const labelIndex = new Map<string, Map<string, RowDef[]>>();
function rowsByLabel(format: FormatVersion, key: TableKey, defs: RowDef[]): Map<string, RowDef[]> {
	const k = `${format}/${key}`;
	let m = labelIndex.get(k);
	if (!m) {
		m = new Map();
		for (const r of defs) for (const l of rowLabels(r)) m.set(normalizeLabel(l), [...(m.get(normalizeLabel(l)) ?? []), r]);
		labelIndex.set(k, m);
	}
	return m;
}
const GROUP_LABELS = new Map(T3_GROUPS.map((g) => [normalizeLabel(g), g]));

/** A table's row definitions in template order, once per format and table. */
const rowDefs = new Map<string, RowDef[]>();
function defsOf(format: FormatVersion, key: TableKey): RowDef[] {
	const k = `${format}/${key}`;
	let d = rowDefs.get(k);
	if (!d) rowDefs.set(k, (d = tableOf(format, key).blocks.flatMap((b) => b.rows)));
	return d;
}

/**
 * `matchLabel` over a table's rows, memoised by normalised label per format and table: the result depends only
 * on the normalised text, and the same printed labels (and header cells, which match nothing after a full
 * edit-distance scan) recur in every report.
 */
const labelMatches = new Map<string, Map<string, LabelMatch<RowDef> | null>>();
function matchRow(format: FormatVersion, key: TableKey, defs: RowDef[], text: string): LabelMatch<RowDef> | undefined {
	const k = `${format}/${key}`;
	let m = labelMatches.get(k);
	if (!m) labelMatches.set(k, (m = new Map()));
	const n = normalizeLabel(text);
	let r = m.get(n);
	if (r === undefined) {
		if (m.size > 20000) m.clear();
		r = matchLabel(text, defs, rowLabels) ?? null;
		m.set(n, r);
	}
	return r ?? undefined;
}

/** Tables 2 and 3: every row carries its label; values follow the last label cell, in column order. */
/** `out`: where to add the cells and problems (a fresh reading when not given). */
export function readLabelledTable(format: FormatVersion, key: TableKey, rows: Row[], out: TableReading = { detail: {}, problems: [] }): TableReading {
	const defs = defsOf(format, key);
	const exact = rowsByLabel(format, key, defs);
	const seen = new Set<string>();
	const labelWhere = new Map<string, Cell['where']>();
	let inData = key !== 't3';
	let group: string | undefined;

	for (const cells of rows) {
		let li = labelCellIndex(cells);
		// a value cell holding words (“<img …>”, “见附件”) reads as the last label cell; when that “label”
		// matches no row but an earlier cell is an exact row label with a full row of cells after it, the
		// earlier cell is the label and the wordy cell an (unreadable) value, reported as such
		if (li > 0 && !exact.has(normalizeLabel(cells[li].text)) && !matchRow(format, key, defs, cells[li].text)) {
			for (let j = li - 1; j >= 0; j--) {
				const rows = isLabelLike(cells[j].text) ? exact.get(normalizeLabel(cells[j].text)) : undefined;
				if (rows && cells.length - j - 1 === blockOf(format, key, rows[0]).columns.length) {
					li = j;
					break;
				}
			}
		}
		for (const c of cells.slice(0, li + 1)) group = GROUP_LABELS.get(normalizeLabel(c.text)) ?? group;
		const values = cells.slice(li + 1);
		if (li < 0) {
			if (inData && values.some((c) => c.text.trim()))
				out.problems.push({
					kind: 'row.unlabelled',
					message: `表格中有一行数字没有行标题：${values.map((c) => c.text || '空').join('、')}`,
					table: key,
					raw: values.map((c) => c.text).join('\t'),
					where: values[0]?.where
				});
			continue;
		}
		const label = cells[li].text;
		const hits = exact.get(normalizeLabel(label));
		// an exact label wins (the one in the current group if the label recurs); else a typo-tolerant match
		const match: LabelMatch<RowDef> | undefined = hits
			? { item: hits.find((r) => r.group === group) ?? hits[0], fuzzy: false }
			: matchRow(format, key, defs, label);
		if (!match) {
			if (inData && values.some((c) => c.text.trim()))
				out.problems.push({
					kind: 'row.unknown_label',
					message: `无法识别的行标题“${label.replace(/\n/g, '')}”`,
					table: key,
					raw: label,
					where: cells[li].where
				});
			continue;
		}
		const row = match.item;
		if (values.length === 0) continue; // a header cell that happens to read like a row label
		if (key === 't3' && row.key === 'new') inData = true;
		if (!inData) continue;
		const { block, ids: rowIds } = rowInfo(format, key, row);
		// a row with more cells than columns is refused even when the extra cells are blank at the end:
		// dropping them would guess that the stray cell is there, and shift every value after it
		const vals = values;
		// a row the source damaged, or with the wrong number of cells, is refused whole
		const damaged = cells.find((c) => c.damaged)?.damaged;
		const refusal = damaged
			? { kind: 'row.damaged' as const, message: `“${row.label}”一行${damaged}，整行未采用` }
			: vals.length !== block.columns.length
				? { kind: 'row.cell_count' as const, message: `“${row.label}”一行应有 ${block.columns.length} 个数据格，实际读到 ${vals.length} 个，整行未采用` }
				: undefined;
		if (refusal) {
			out.problems.push({ ...refusal, table: key, row: row.key, cells: [...rowIds], raw: vals.map((c) => c.text).join('\t'), where: cells[li].where });
			continue;
		}
		if (seen.has(row.key)) {
			out.problems.push({ kind: 'row.duplicate', message: `“${row.label}”一行出现了两次，采用第一次`, table: key, row: row.key, cells: [...rowIds], where: cells[li].where });
			continue;
		}
		seen.add(row.key);
		labelWhere.set(row.key, cells[li].where);
		let note: string | undefined;
		if (match.fuzzy) {
			note = `行标题“${label.replace(/\n/g, '')}”按“${row.label}”识别`;
			out.problems.push({ kind: 'row.fuzzy_label', message: note, table: key, row: row.key, cells: [...rowIds], raw: label, where: cells[li].where });
		}
		readValues(out, key, row, block, rowIds, vals, note);
	}
	// the single （六） row printed beside the rows it stands for: a subtotal, or one of those rows
	// whose own label is lost (its group label then reads as the row label); either way not the single row
	for (const alt of defs.filter((d) => d.alternativeOf && seen.has(d.key))) {
		const parts = defs.filter((d) => d.key.startsWith(`${alt.alternativeOf}.`) && seen.has(d.key));
		if (!parts.length) continue;
		const ids = blockOf(format, key, alt).columns.map((c) => cellId(key, alt.key, c.key));
		for (const id of ids) {
			delete out.detail[id];
			if (out.cells) delete out.cells[id];
		}
		out.problems.push({
			kind: 'row.ambiguous',
			message: `“${alt.label}”一行与其下的分项行同时出现，无法确定是合计还是缺了标题的分项，整行未采用`,
			table: key,
			row: alt.key,
			cells: ids,
			where: labelWhere.get(alt.key)
		});
	}
	return out;
}

/** Table 4: one row of 15 values under a two-level header, read in column order. */
export function readUnlabelledTable(format: FormatVersion, key: TableKey, rows: Row[], out: TableReading = { detail: {}, problems: [] }): TableReading {
	const block = tableOf(format, key).blocks[0];
	const width = block.rows.length * block.columns.length;
	const dataRows = rows.filter((r) => r.length > 0 && r.every((c) => !isLabelLike(c.text)));
	const data = dataRows.find((r) => r.length === width) ?? dataRows[dataRows.length - 1];
	if (!data) {
		out.problems.push({ kind: 'table.missing', message: '表四中没有找到数据行', table: key });
		return out;
	}
	// without its header (行政复议 / 行政诉讼 …) a row of 15 cells is table 4 only by where it stands, e.g. the
	// ruled grid of a PDF page whose text was lost: its cells are not read as table 4
	if (!rows.some((r) => r.some((c) => isLabelLike(c.text)))) {
		out.problems.push({
			kind: 'table.missing',
			message: '表四没有表头（行政复议、行政诉讼等栏目名称），无法确认数据行，未采用',
			table: key,
			cells: block.rows.flatMap((r) => block.columns.map((c) => cellId(key, r.key, c.key))),
			raw: data.map((c) => c.text).join('\t'),
			where: data[0]?.where
		});
		return out;
	}
	// a data row the source damaged, or with the wrong number of cells, is refused whole (as in readLabelledTable)
	const damaged = data.find((c) => c.damaged)?.damaged;
	const refusal = damaged
		? { kind: 'row.damaged' as const, message: `表四数据行${damaged}，整行未采用` }
		: data.length !== width
			? { kind: 'row.cell_count' as const, message: `表四数据行应有 ${width} 个数据格，实际读到 ${data.length} 个，整行未采用` }
			: undefined;
	if (refusal) {
		const cells = block.rows.flatMap((r) => block.columns.map((c) => cellId(key, r.key, c.key)));
		out.problems.push({ ...refusal, table: key, cells, raw: data.map((c) => c.text).join('\t'), where: data[0]?.where });
		return out;
	}
	block.rows.forEach((row, i) => {
		readValues(out, key, row, block, rowInfo(format, key, row).ids, data.slice(i * block.columns.length, (i + 1) * block.columns.length));
	});
	return out;
}
