/**
 * Adapter for text extracted from .docx (the layout of Word's "save as text" and docx2txt-style tools):
 * paragraphs are plain lines; a table cell is a line that starts with a tab; a cell that wraps goes
 * on over following lines without a tab; a blank line ends a table row; an empty cell is a line
 * holding only the tab. Two blank lines, or a plain line after a blank line, end the table.
 */
import { decodeText, looksBinary } from './decode';
import { ExtractError, type Block, type Cell, type DocModel, type Table } from './model';

export function extractTxt(file: string, bytes: Uint8Array): DocModel {
	if (bytes.length === 0) throw new ExtractError(file, '文件为空');
	if (looksBinary(bytes)) throw new ExtractError(file, '不是文本文件（含二进制内容）');
	let decoded;
	try {
		decoded = decodeText(bytes);
	} catch (e) {
		throw new ExtractError(file, (e as Error).message);
	}
	return { file, kind: 'txt', encoding: decoded.encoding, blocks: txtBlocks(decoded.text) };
}

export function txtBlocks(text: string): Block[] {
	const lines = text.replace(/\r\n?/g, '\n').split('\n');
	const blocks: Block[] = [];
	let table: Table | undefined;
	let row: Cell[] | undefined;
	let blankRun = 0;

	const endRow = () => {
		if (table && row && row.length) table.rows.push(row);
		row = undefined;
	};
	const endTable = () => {
		endRow();
		if (table && table.rows.length) blocks.push(table);
		table = undefined;
	};

	lines.forEach((line, i) => {
		const lineNo = i + 1;
		if (line.trim() === '' && !line.startsWith('\t')) {
			blankRun++;
			endRow();
			return;
		}
		if (line.startsWith('\t')) {
			if (table && blankRun >= 2) endTable();
			if (!table) table = { kind: 'table', rows: [], where: { line: lineNo, table: countTables(blocks) } };
			if (!row) row = [];
			row.push({
				text: line.trim(), // (the leading tabs are whitespace that trim drops)
				colspan: 1,
				rowspan: 1,
				where: { line: lineNo, table: table.where.table, row: table.rows.length, cell: row.length }
			});
			blankRun = 0;
			return;
		}
		// a plain line: continuation of the cell above, or a paragraph
		if (table && row && row.length && blankRun === 0) {
			const cell = row[row.length - 1];
			cell.text = cell.text ? `${cell.text}\n${line.trim()}` : line.trim();
			return;
		}
		endTable();
		blankRun = 0;
		blocks.push({ kind: 'p', text: line.trim(), where: { line: lineNo } });
	});
	endTable();
	return blocks;
}

function countTables(blocks: Block[]): number {
	return blocks.filter((b) => b.kind === 'table').length;
}
