/** The data behind a chart or table, in a form every export writes: a header row and cells. */

/** A cell: a number (written as a number), text, or null (blank — never written as 0). */
export type SheetCell = number | string | null;

export interface SheetColumn {
	label: string;
	/** A number column (right-aligned; numbers stay numbers). */
	num?: boolean;
	/** Excel number format of the column, e.g. 0.0% for rates kept as fractions. */
	format?: string;
}

export interface SheetData {
	columns: SheetColumn[];
	rows: SheetCell[][];
}
