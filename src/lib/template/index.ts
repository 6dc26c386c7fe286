import { FORMATS, T3_GROUPS } from './tables';
import { cellId } from './ids';
import type { CellDef, FormatDef, FormatVersion, RowDef, TableDef, TableKey } from './types';

export * from './types';
export { cellId } from './ids';
export { FORMATS, T3_GROUPS };
export { normalizeLabel, matchLabel, editDistance, type LabelMatch } from './labels';

export const FORMAT_VERSIONS: FormatVersion[] = ['2021', '2019'];


/** Every cell of a format, in table/row/column order. */
export function cellsOf(format: FormatVersion): CellDef[] {
	const out: CellDef[] = [];
	for (const table of FORMATS[format].tables)
		for (const block of table.blocks)
			for (const row of block.rows)
				for (const column of block.columns)
					out.push({ id: cellId(table.key, row.key, column.key), table: table.key, block: block.label, row, column });
	return out;
}

const cellIndex = new Map<string, CellDef>();
for (const f of FORMAT_VERSIONS) for (const c of cellsOf(f)) if (!cellIndex.has(c.id)) cellIndex.set(c.id, c);

/** Every canonical id of either format, each once (the union of both formats). */
export const ALL_CELL_IDS: string[] = [...cellIndex.keys()];

export function cellDef(id: string): CellDef | undefined {
	return cellIndex.get(id);
}

/** Database column name of a canonical id: dots become underscores (t3.new.total → t3_new_total). */
export function dbColumn(id: string): string {
	return id.replaceAll('.', '_');
}

export function tableOf(format: FormatVersion, key: TableKey): TableDef {
	const t = FORMATS[format].tables.find((t) => t.key === key);
	if (!t) throw new Error(`format ${format} has no table ${key}`);
	return t;
}

/** Every row of a table across its blocks. */
export function rowsOf(format: FormatVersion, key: TableKey): RowDef[] {
	return tableOf(format, key).blocks.flatMap((b) => b.rows);
}

/** Labels a row may be printed with. */
export function rowLabels(row: RowDef): string[] {
	return [row.label, ...(row.variants ?? [])];
}

export function formatDef(v: FormatVersion): FormatDef {
	return FORMATS[v];
}

/** The row of a cell in words, with its group where table 3 needs one: （三）不予公开/1.属于国家秘密. */
export function rowText(c: CellDef): string {
	const group = c.row.group && c.table === 't3' && !c.row.group.startsWith('三') ? `${c.row.group}/` : '';
	return `${group}${c.row.label}`;
}

/** Human label of a cell id in Chinese, e.g. 表三·（三）不予公开/1.属于国家秘密·自然人. */
export function cellLabel(id: string): string {
	const c = cellDef(id);
	if (!c) return id;
	const t = c.table === 't2' ? '表二' : c.table === 't3' ? '表三' : '表四';
	return `${t}·${rowText(c)}·${c.column.label}`;
}
export { PROSE_COUNTS, DEMO_MARKER, DEMO_MARK, type ProseCountDef } from './prose';
export { officialLayout, type LayoutCell, type LayoutRow } from './layout';
export { T3_CORNER } from './tables';
