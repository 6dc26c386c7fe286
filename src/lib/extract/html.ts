/**
 * Adapter for saved web pages (.html/.htm): decodes by the page's declared charset or by detection,
 * parses with htmlparser2 (a well-kept, forgiving HTML parser that runs in Node, browsers and
 * workers), and walks the DOM in document order into paragraphs and tables. Cells keep their
 * colspan/rowspan; script, style and navigation chrome are skipped.
 */
import { parseDocument } from 'htmlparser2';
import { isComment, isTag, isText, type AnyNode, type Element } from 'domhandler';
import { decodeText, looksBinary, sniffHtmlCharset } from './decode';
import { ExtractError, type Block, type Cell, type DocModel, type Table } from './model';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'select', 'option', 'button', 'svg', 'object', 'embed', 'head']);
const BLOCK = new Set([
	'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
	'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'center', 'form', 'fieldset', 'figure', 'figcaption',
	'hr', 'body', 'html', 'caption', 'address'
]);

export function extractHtml(file: string, bytes: Uint8Array): DocModel {
	if (bytes.length === 0) throw new ExtractError(file, '文件为空');
	if (looksBinary(bytes)) throw new ExtractError(file, '不是网页文件（含二进制内容）');
	let decoded;
	try {
		decoded = decodeText(bytes, sniffHtmlCharset(bytes));
	} catch (e) {
		throw new ExtractError(file, (e as Error).message);
	}
	const dom = parseDocument(decoded.text, { decodeEntities: true, lowerCaseTags: true, withStartIndices: true });
	const title = findTitle(dom.children);
	const blocks = new Walker(decoded.text).run(dom.children);
	if (!blocks.length) throw new ExtractError(file, '网页中没有正文内容');
	return { file, kind: 'html', encoding: decoded.encoding, title, blocks };
}

function findTitle(nodes: AnyNode[]): string | undefined {
	for (const n of nodes) {
		if (!isTag(n)) continue;
		if (n.name === 'title') return textOf(n).trim() || undefined;
		const t = findTitle(n.children);
		if (t) return t;
	}
	return undefined;
}

/** Text content of a node, with <br> and block boundaries as line breaks. */
function textOf(node: AnyNode): string {
	if (isText(node)) return node.data;
	if (!isTag(node) || SKIP.has(node.name)) return '';
	if (node.name === 'br') return '\n';
	const inner = node.children.map(textOf).join('');
	return BLOCK.has(node.name) ? `\n${inner}\n` : inner;
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
 * What makes the markup of a node (or of anything inside it) look damaged, or undefined. A stretch
 * of bytes decoded out of step (a lost byte in UTF-16, a cut GBK sequence) becomes text without
 * `<`/`>`; the parser then takes it, up to the next `>`, as the name of a tag, an attribute, or as a
 * bogus comment (`</` + not a letter), and whatever tags stood there (cells, row ends) vanish, so the
 * cells after it slide into the wrong columns. Real pages (Word's `<![if …]>`, `<o:p>`, `x:str`)
 * pass these tests.
 */
function damageIn(node: AnyNode, source: string): string | undefined {
	const own = ownDamage(node, source);
	if (own || !isTag(node) || node.name === 'table') return own; // a nested table's damage is its own
	for (const c of node.children) {
		const d = damageIn(c, source);
		if (d) return d;
	}
	return undefined;
}

function ownDamage(node: AnyNode, source: string): string | undefined {
	if (isComment(node)) return source.startsWith('</', node.startIndex ?? -1) ? `的源文件标记损坏（“</${node.data.slice(0, 12)}…”），数据格可能错位` : undefined;
	if (!isTag(node)) return undefined;
	if (!TAG_NAME.test(node.name)) return `的源文件标记损坏（标签名“${node.name.slice(0, 12)}”），数据格可能错位`;
	for (const [k, v] of Object.entries(node.attribs)) {
		if (!ATTR_NAME.test(k)) return `的源文件标记损坏（属性名“${k.slice(0, 12)}”），数据格可能错位`;
		if (TAG_IN_VALUE.test(v)) return '的源文件标记损坏（属性值中含有标签），数据格可能错位';
	}
	return undefined;
}

/** Damage in a table's own markup outside its rows: its tag, thead/tbody/tfoot, anything between rows. */
function tableDamage(table: Element, source: string): string | undefined {
	const between = (n: AnyNode): string | undefined => {
		if (isTag(n) && n.name === 'tr') return undefined;
		if (isTag(n) && (n.name === 'thead' || n.name === 'tbody' || n.name === 'tfoot'))
			return ownDamage(n, source) ?? n.children.map(between).find(Boolean);
		return damageIn(n, source);
	};
	return ownDamage(table, source) ?? table.children.map(between).find(Boolean);
}

class Walker {
	blocks: Block[] = [];
	buf = '';
	tableCount = 0;

	constructor(private source: string) {}

	run(nodes: AnyNode[]): Block[] {
		nodes.forEach((n) => this.visit(n));
		this.flush();
		return this.blocks;
	}

	flush() {
		for (const line of this.buf.split('\n')) {
			const t = line.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
			if (t) this.blocks.push({ kind: 'p', text: t, where: {} });
		}
		this.buf = '';
	}

	visit(node: AnyNode) {
		if (isText(node)) {
			this.buf += node.data.replace(/\n/g, ' ');
			return;
		}
		if (!isTag(node) || SKIP.has(node.name)) return;
		if (node.name === 'br') {
			this.buf += '\n';
			return;
		}
		if (node.name === 'table') {
			this.flush();
			this.table(node);
			return;
		}
		const block = BLOCK.has(node.name);
		if (block) this.buf += '\n';
		node.children.forEach((c) => this.visit(c));
		if (block) this.buf += '\n';
	}

	table(el: Element) {
		const index = this.tableCount++;
		const rows: Cell[][] = [];
		const inTable = tableDamage(el, this.source);
		for (const tr of ownRows(el)) {
			const cells: Cell[] = [];
			const damaged = inTable ?? damageIn(tr, this.source);
			for (const td of tr.children) {
				if (!isTag(td) || (td.name !== 'td' && td.name !== 'th')) continue;
				cells.push({
					text: cleanCellText(textOf(td)),
					colspan: span(td.attribs.colspan),
					rowspan: span(td.attribs.rowspan),
					where: { table: index, row: rows.length, cell: cells.length },
					...(damaged ? { damaged } : {})
				});
			}
			if (cells.length) rows.push(cells);
		}
		const t: Table = { kind: 'table', rows, where: { table: index } };
		if (rows.length) this.blocks.push(t);
		// text inside nested tables' cells is kept in the cell; nested tables themselves are not split out
	}
}

/** The <tr> elements of a table, through thead/tbody/tfoot but not into nested tables. */
function ownRows(table: Element): Element[] {
	const out: Element[] = [];
	const walk = (nodes: AnyNode[]) => {
		for (const n of nodes) {
			if (!isTag(n)) continue;
			if (n.name === 'tr') out.push(n);
			else if (n.name === 'thead' || n.name === 'tbody' || n.name === 'tfoot') walk(n.children);
		}
	};
	walk(table.children);
	return out;
}

function span(v: string | undefined): number {
	const n = Number.parseInt(v ?? '', 10);
	return Number.isFinite(n) && n > 0 && n < 1000 ? n : 1;
}
