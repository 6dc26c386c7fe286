/** The normalized report: what the parser makes of one source file. */
import type { SourceKind, Where } from '../extract/model';
import type { FormatVersion, TableKey } from '../template';

/**
 * 2: a cell's `where` is its place in the source only (table, row and cell, or page, line…); schema 1 also repeated
 * the template's table key, row label and column label there, which its canonical id gives (cellDef), ~40 % of a
 * record's bytes.
 */
export const REPORT_SCHEMA = 2;

export interface CellDetail {
	value: number | null;
	/** The cell's text exactly as printed (blank cells: ''). */
	raw: string;
	/** Its place in the source (the row and column it was read as: the cell's id, see cellDef). */
	where: Where;
	/** How the value was read when not a plain number: unit conversion, placeholder, typo-tolerant label. */
	note?: string;
}

/** Something the parser met that a person must look at: becomes a finding in the check stage. */
export interface ParseProblem {
	kind:
		| 'cell.unreadable'
		| 'cell.placeholder'
		| 'row.cell_count'
		| 'row.unknown_label'
		| 'row.fuzzy_label'
		| 'row.duplicate'
		| 'row.ambiguous'
		| 'row.damaged'
		| 'row.unlabelled'
		| 'table.missing'
		| 'format.unknown'
		| 'format.assumed'
		| 'meta.missing';
	message: string;
	table?: TableKey;
	row?: string;
	cells?: string[];
	raw?: string;
	where?: Where;
}

export interface ProseCount {
	key: string;
	value: number;
	/** The sentence fragment the number was read from. */
	text: string;
	section?: string;
	where: Where;
}

export interface ReportMeta {
	title: string | null;
	body: string | null;
	province: string | null;
	city: string | null;
	county: string | null;
	township: string | null;
	year: number | null;
	/** 真实报告 for a published report, 演示数据 for generated demo data; 用户上传 only in the browser's tables (a report the user added). */
	origin: '真实报告' | '演示数据' | '用户上传';
	demo: boolean;
	/** Where each field came from: title, text, file name, sidecar. */
	from: Partial<Record<'body' | 'year' | 'county' | 'township', string>>;
}

export interface Report {
	schema: number;
	id: string;
	source: { file: string; kind: SourceKind; encoding?: string; bytes: number; sha256: string };
	meta: ReportMeta;
	format: FormatVersion | null;
	/** The flat map canonical id → number, or null for a blank cell. Unreadable cells are absent. */
	cells: Record<string, number | null>;
	detail: Record<string, CellDetail>;
	/** The six sections' prose, keyed 一…六 (empty when the report has none or prose is dropped). */
	sections: Record<string, string>;
	prose: ProseCount[];
	problems: ParseProblem[];
}
