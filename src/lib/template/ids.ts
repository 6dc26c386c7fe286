import type { TableKey } from './types';

/**
 * Ids already built, by table → row → column. The same string object comes back each time: ids are keys of the
 * per-report cell maps (objects with ~250 keys), and a freshly built key string must be hashed and looked up in
 * V8's string table on every use, which was a tenth of the parse-and-check time.
 */
const built = new Map<string, Map<string, Map<string, string>>>();

/** Canonical id of a cell: t3.denied.third_party.natural. */
export function cellId(table: TableKey, row: string, column: string): string {
	let rows = built.get(table);
	if (!rows) built.set(table, (rows = new Map()));
	let cols = rows.get(row);
	if (!cols) {
		if (rows.size > 10000) rows.clear();
		rows.set(row, (cols = new Map()));
	}
	let id = cols.get(column);
	if (id === undefined) {
		if (cols.size > 10000) cols.clear();
		cols.set(column, (id = `${table}.${row}.${column}`));
	}
	return id;
}
