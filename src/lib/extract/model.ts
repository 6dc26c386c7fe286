/**
 * The neutral document model every adapter produces: the body of a report as an ordered list of
 * paragraphs and tables. Each cell keeps its raw text and where it came from, so every number the
 * parser reads can be traced to its source.
 */

/** Where a piece of text sits in the source file. */
export interface Where {
	/** 1-based line in a text file. */
	line?: number;
	/** 0-based index of the table in the document, and row/cell within its source row. */
	table?: number;
	row?: number;
	cell?: number;
	/** 1-based page of a PDF. */
	page?: number;
	/** 0-based index of the paragraph among the body paragraphs of a Word document (empty ones counted). */
	paragraph?: number;
}

export interface Cell {
	text: string;
	colspan: number;
	rowspan: number;
	where: Where;
	/**
	 * Set on every cell of a row whose source is damaged: HTML markup a decoding slip swallowed (the
	 * cells may have slid), or a PDF page with text pdfjs could not decode (a blank may be a lost
	 * number). The parser refuses such a row rather than guess; the text (it follows “某行”) says why.
	 */
	damaged?: string;
}

export type Row = Cell[];

export interface Paragraph {
	kind: 'p';
	text: string;
	where: Where;
}

export interface Table {
	kind: 'table';
	rows: Row[];
	where: Where;
}

export type Block = Paragraph | Table;

export interface DocModel {
	/** Base name of the source file. */
	file: string;
	/** The adapter that read it: txt, html, docx, pdf. */
	kind: SourceKind;
	/** Encoding the bytes were decoded with, for text formats. */
	encoding?: string;
	/** Document title when the source declares one (e.g. HTML <title>). */
	title?: string;
	blocks: Block[];
}

export type SourceKind = 'txt' | 'html' | 'docx' | 'pdf';

/** A file that cannot be read: the reason is for people (Chinese + file name added by the caller). */
export class ExtractError extends Error {
	constructor(
		public file: string,
		public reason: string
	) {
		super(`${file}: ${reason}`);
		this.name = 'ExtractError';
	}
}

export function paragraphs(doc: DocModel): Paragraph[] {
	return doc.blocks.filter((b): b is Paragraph => b.kind === 'p');
}

export function tables(doc: DocModel): Table[] {
	return doc.blocks.filter((b): b is Table => b.kind === 'table');
}
