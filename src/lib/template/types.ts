/**
 * The report template as data. One definition of both formats drives the parser, the checks,
 * the official-layout table in the UI and the database columns.
 */
export type FormatVersion = '2021' | '2019';
export type TableKey = 't2' | 't3' | 't4';

/** One column of a table block: the canonical id suffix and the header labels it may carry. */
export interface ColumnDef {
	key: string;
	label: string;
	variants?: string[];
	/** Unit of the value, e.g. 万元 or 元; cells printing another known unit are converted. */
	unit?: string;
	allowNegative?: boolean;
	allowDecimal?: boolean;
}

/** One row: canonical key (dotted path inside the table), official label and variants. */
export interface RowDef {
	key: string;
	label: string;
	variants?: string[];
	/** The group label this row sits under (e.g. （三）不予公开), for display. */
	group?: string;
	/** Rows of one group that are printed instead of (alternatives to) other rows. */
	alternativeOf?: string;
	/** A remark printed after the label, e.g. （区分处理的，只计这一情形，不计其他情形）. */
	remark?: string;
	/** The row is optional: its absence is not a finding (e.g. the single （六） row). */
	optional?: boolean;
}

/** A block of a table: rows that share the same columns. */
export interface BlockDef {
	label: string;
	variants?: string[];
	columns: ColumnDef[];
	rows: RowDef[];
}

export interface TableDef {
	key: TableKey;
	title: string;
	/** Section heading number in the report (二, 三, 四). */
	section: string;
	blocks: BlockDef[];
	/**
	 * Table 4 is one row of values with no row label: values map on the columns in order.
	 */
	unlabelled?: boolean;
}

export interface FormatDef {
	version: FormatVersion;
	name: string;
	tables: TableDef[];
	/** Column headers of table 2 that identify this format. */
	signature: string[];
}

/** One cell of the template, flattened. */
export interface CellDef {
	id: string;
	table: TableKey;
	block: string;
	row: RowDef;
	column: ColumnDef;
}
