import type { TableKey } from './types';

/** Canonical id of a cell: t3.denied.third_party.natural. */
export function cellId(table: TableKey, row: string, column: string): string {
	return `${table}.${row}.${column}`;
}
