/**
 * Adapter for saved web pages (.html/.htm): decodes by the page's declared charset or by detection,
 * parses with htmlparser2 (a well-kept, forgiving HTML parser that runs in Node, browsers and
 * workers) through its streaming Parser API, and turns its open/close/text/comment events, in
 * document order, into paragraphs and tables (no DOM is built: building and walking one was most of
 * the time). Cells keep their colspan/rowspan; script, style and navigation chrome are skipped.
 *
 * What the events give is what a DOM walk gave: the parser's events nest (every element it opens it
 * closes, implied closes included), so a stack of open elements stands for the path from the root.
 *  - paragraphs: the text outside tables and outside SKIP elements, a line break for <br> and around
 *    BLOCK elements;
 *  - a table (one not inside another): its rows are the <tr> directly under it or under its
 *    thead/tbody/tfoot; a row's cells are its <td>/<th> children, each with the text of everything in it
 *    (nested tables included, SKIP elements not); its rows, cells and text outside rows go nowhere else;
 *  - the title: the text of the first <title> in document order; an empty one ends the search among its
 *    siblings (and their insides), which resumes after its parent;
 *  - damaged markup (see damage below): looked for in a table's elements and comments, except inside a
 *    nested table (whose own tag is looked at); what lies in a row marks that row, anything else in the
 *    table marks every row of it, and the first (in document order) is the one reported.
 */
import { Parser, type Handler } from 'htmlparser2';
import { decodeText, looksBinary, sniffHtmlCharset } from './decode';
import { ExtractError, type Block, type Cell, type DocModel } from './model';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'select', 'option', 'button', 'svg', 'object', 'embed', 'head']);
const BLOCK = new Set([
	'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
	'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'center', 'form', 'fieldset', 'figure', 'figcaption',
	'hr', 'body', 'html', 'caption', 'address'
]);
const SECTIONS = new Set(['thead', 'tbody', 'tfoot']);

export function extractHtml(file: string, bytes: Uint8Array): DocModel {
	if (bytes.length === 0) throw new ExtractError(file, '文件为空');
	if (looksBinary(bytes)) throw new ExtractError(file, '不是网页文件（含二进制内容）');
	let decoded;
	try {
		decoded = decodeText(bytes, sniffHtmlCharset(bytes));
	} catch (e) {
		throw new ExtractError(file, (e as Error).message);
	}
	const reader = new Reader(decoded.text);
	const parser = new Parser(reader, { decodeEntities: true, lowerCaseTags: true });
	reader.parser = parser;
	parser.end(decoded.text);
	const blocks = reader.blocks;
	if (!blocks.length) throw new ExtractError(file, '网页中没有正文内容');
	return { file, kind: 'html', encoding: decoded.encoding, title: reader.title, blocks };
}

function cleanCellText(s: string): string {
	if (!/\s/.test(s)) return s; // nothing to collapse or trim (\s covers the nbsp and U+3000 below)
	return s
		.split('\n')
		.map((l) => l.replace(/[\s\u00a0\u3000]+/g, ' ').trim())
		.filter(Boolean)
		.join('\n');
}

/* ---------- damaged markup ---------- */

const TAG_NAME = /^[a-z][a-z0-9]*(?:[:_.-][a-z0-9]+)*$/i;
const ATTR_NAME = /^[a-z_:@][-a-z0-9_:.@]*$/i;
const TAG_IN_VALUE = /<\/?[a-z]/i;

/**
 * What makes the markup of an element or a comment look damaged, or undefined. A stretch of bytes decoded out
 * of step (a lost byte in UTF-16, a cut GBK sequence) becomes text without `<`/`>`; the parser then takes it, up
 * to the next `>`, as the name of a tag, an attribute, or as a bogus comment (`</` + not a letter), and whatever
 * tags stood there (cells, row ends) vanish, so the cells after it slide into the wrong columns. Real pages
 * (Word's `<![if …]>`, `<o:p>`, `x:str`) pass these tests.
 */
function tagDamage(name: string, attribs: Record<string, string>): string | undefined {
	if (!goodName(name, TAG_NAME)) return `的源文件标记损坏（标签名“${name.slice(0, 12)}”），数据格可能错位`;
	for (const k in attribs) {
		if (!goodName(k, ATTR_NAME)) return `的源文件标记损坏（属性名“${k.slice(0, 12)}”），数据格可能错位`;
		if (TAG_IN_VALUE.test(attribs[k])) return '的源文件标记损坏（属性值中含有标签），数据格可能错位';
	}
	return undefined;
}

/** Tag and attribute names that passed their test (the same few recur on every page); a failing name is not kept. */
const goodTags = new Set<string>();
const goodAttrs = new Set<string>();
function goodName(name: string, re: RegExp): boolean {
	const good = re === TAG_NAME ? goodTags : goodAttrs;
	if (good.has(name)) return true;
	if (!re.test(name)) return false;
	if (good.size > 5000) good.clear();
	good.add(name);
	return true;
}

function commentDamage(data: string, source: string, start: number): string | undefined {
	return source.startsWith('</', start) ? `的源文件标记损坏（“</${data.slice(0, 12)}…”），数据格可能错位` : undefined;
}

/** An open element. */
interface Frame {
	name: string;
	/** Depth (1 for a top element). */
	depth: number;
	/** Depth of the innermost SKIP element open at or above this one; -1 for none. */
	skip: number;
	/** The table being read, or a thead/tbody/tfoot on the path down from it: a <tr> here is one of its rows. */
	rowsHere: boolean;
	/** A table inside the table being read. */
	nested: boolean;
}

interface TextSink {
	/** Depth of the element whose text this is. */
	depth: number;
	text: string;
}

interface RowState {
	depth: number;
	cells: Cell[];
	damage?: string;
}

interface CellState extends TextSink {
	colspan: number;
	rowspan: number;
}

interface TableState {
	depth: number;
	index: number;
	rows: { cells: Cell[]; damage?: string }[];
	/** Damage in the table outside its rows (marks every row). */
	damage?: string;
	/** Tables open inside it. */
	nested: number;
	row?: RowState;
	cell?: CellState;
}

class Reader implements Partial<Handler> {
	parser!: Parser;
	blocks: Block[] = [];
	title: string | undefined;
	private buf = '';
	private tableCount = 0;
	private stack: Frame[] = [];
	private table: TableState | undefined;
	private titleText: TextSink | undefined;
	private titleDone = false;
	/** After an empty <title>: the depth of its parent, whose other children are not searched (-1: none). */
	private titleParked = -1;

	constructor(private source: string) {}

	/** Depth of the innermost open SKIP element (-1: none). */
	private get skip(): number {
		const top = this.stack[this.stack.length - 1];
		return top ? top.skip : -1;
	}

	onopentag(name: string, attribs: Record<string, string>) {
		const parent = this.stack[this.stack.length - 1];
		const depth = this.stack.length + 1;
		const skip = SKIP.has(name) ? depth : parent ? parent.skip : -1;
		const t = this.table;
		const frame: Frame = { name, depth, skip, rowsHere: false, nested: false };
		this.stack.push(frame);

		// the title: the first <title> (see the module comment)
		if (name === 'title' && !this.titleDone && this.titleParked < 0 && !this.titleText) this.titleText = { depth, text: '' };
		else if (this.titleText) this.element(this.titleText, name, skip, this.titleText.depth);

		if (t) {
			if (t.nested > 0) {
				// inside a nested table: only its text counts (for the cell it stands in)
				if (name === 'table') {
					frame.nested = true;
					t.nested++;
				}
				if (t.cell) this.element(t.cell, name, skip, t.cell.depth);
				return;
			}
			if (name === 'tr' && parent?.rowsHere) t.row = { depth, cells: [] };
			else if (SECTIONS.has(name) && parent?.rowsHere) frame.rowsHere = true;
			else if ((name === 'td' || name === 'th') && t.row && !t.cell && depth === t.row.depth + 1) {
				t.cell = { depth, text: '', colspan: span(attribs.colspan), rowspan: span(attribs.rowspan) };
			} else if (t.cell) this.element(t.cell, name, skip, t.cell.depth);
			// a row's own tag and what is in it mark the row; the rest of the table marks every row
			const d = tagDamage(name, attribs);
			if (d) {
				if (t.row) t.row.damage ??= d;
				else t.damage ??= d;
			}
			if (name === 'table') {
				frame.nested = true;
				t.nested++;
			}
			return;
		}
		if (skip >= 0) return;
		if (name === 'table') {
			this.flush();
			frame.rowsHere = true;
			const index = this.tableCount++;
			this.table = { depth, index, rows: [], nested: 0 };
			const d = tagDamage(name, attribs);
			if (d) this.table.damage = d;
			return;
		}
		if (name === 'br') this.buf += '\n';
		else if (BLOCK.has(name)) this.buf += '\n';
	}

	/** An element opening inside an element whose text is being gathered: its line breaks (textOf's rules). */
	private element(sink: TextSink, name: string, skip: number, root: number) {
		if (skip > root) return; // inside a SKIP element within the gathered one
		if (name === 'br' || BLOCK.has(name)) sink.text += '\n';
	}

	onclosetag() {
		// the parser closes what it opened; a tag cut off by the end of the file was opened without an onopentag, so
		// at the end one close more comes than opens (a DOM handler pops by position too, ignoring the name)
		const frame = this.stack.pop();
		if (!frame) return;
		const { name, depth, skip } = frame;
		const t = this.table;

		if (this.titleText) {
			if (depth === this.titleText.depth) {
				const text = this.titleText.text.trim();
				this.titleText = undefined;
				if (text) {
					this.title = text;
					this.titleDone = true;
				} else if (depth - 1 === 0) this.titleDone = true;
				else this.titleParked = depth - 1;
			} else if (BLOCK.has(name) && skip <= this.titleText.depth) this.titleText.text += '\n';
		} else if (depth === this.titleParked) this.titleParked = -1;

		if (t) {
			if (t.cell) {
				if (depth === t.cell.depth) {
					const row = t.row!;
					row.cells.push({
						text: cleanCellText(t.cell.text),
						colspan: t.cell.colspan,
						rowspan: t.cell.rowspan,
						where: { table: t.index, row: t.rows.length, cell: row.cells.length }
					});
					t.cell = undefined;
				} else if (BLOCK.has(name) && skip <= t.cell.depth) t.cell.text += '\n';
			}
			if (frame.nested) t.nested--;
			else if (t.row && depth === t.row.depth) {
				if (t.row.cells.length) t.rows.push({ cells: t.row.cells, damage: t.row.damage });
				t.row = undefined;
			} else if (depth === t.depth) this.endTable(t);
			return;
		}
		if (skip >= 0) return;
		if (BLOCK.has(name)) this.buf += '\n';
	}

	ontext(data: string) {
		if (this.titleText && this.skip < this.titleText.depth) this.titleText.text += data;
		const t = this.table;
		if (t) {
			if (t.cell && this.skip < 0) t.cell.text += data;
			return;
		}
		if (this.skip < 0) this.buf += data.replace(/\n/g, ' ');
	}

	oncomment(data: string) {
		const t = this.table;
		if (!t || t.nested > 0) return;
		const d = commentDamage(data, this.source, this.parser.startIndex);
		if (!d) return;
		if (t.row) t.row.damage ??= d;
		else t.damage ??= d;
	}

	onend() {
		this.flush();
	}

	private endTable(t: TableState) {
		this.table = undefined;
		const rows = t.rows.map(({ cells, damage }) => {
			const damaged = t.damage ?? damage;
			if (damaged) for (const c of cells) c.damaged = damaged;
			return cells;
		});
		if (rows.length) this.blocks.push({ kind: 'table', rows, where: { table: t.index } });
		// text inside nested tables' cells is kept in the cell; nested tables themselves are not split out
	}

	private flush() {
		for (const line of this.buf.split('\n')) {
			const t = line.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
			if (t) this.blocks.push({ kind: 'p', text: t, where: {} });
		}
		this.buf = '';
	}
}

function span(v: string | undefined): number {
	if (v === undefined) return 1; // most cells: no attribute (parseInt('') is NaN, which gives 1 below too)
	const n = Number.parseInt(v, 10);
	return Number.isFinite(n) && n > 0 && n < 1000 ? n : 1;
}
