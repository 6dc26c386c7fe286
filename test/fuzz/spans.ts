/**
 * Where every table cell of a report file sits in its source text, so a mutation knows exactly
 * which cell it touches. A SpanDoc is built from the source text (.txt lines, .html markup, or a
 * .docx's word/document.xml) together with the adapter's own reading of the unmutated file: each
 * value cell is tied to its canonical id through the adapter's `where` (table, row, cell), so ids
 * come from the parser's correct reading of the unmutated file, never from a second parser.
 */
import { parseDocument } from 'htmlparser2';
import { isTag, type AnyNode, type Element } from 'domhandler';
import type { DocModel, Table } from '../../src/lib/extract/model';
import type { Report } from '../../src/lib/parse';

export interface Span {
	start: number;
	end: number;
}

export interface SCell {
	/** The whole cell in the source (a txt cell's lines with their newlines, an html <td>, a <w:tc>). */
	span: Span;
	/** The cell's content: what setText replaces (txt: after the tab; html: inside the tags). */
	inner: Span;
	/** docx: the <w:t> contents inside the cell (setText writes into the first, empties the rest). */
	segments?: Span[];
	/** The cell text as the adapter read it. */
	text: string;
	/** Canonical id of a value cell. */
	id?: string;
	/** A cell with words in it (row label, header, group label). */
	label: boolean;
	table: number;
	row: number;
}

export interface SRow {
	/** The row in the source (txt: its lines and the blank line after it). */
	span: Span;
	cells: SCell[];
	table: number;
	/** Row key of a labelled data row (t3.granted); 't4' for table 4's data row. */
	rowKey?: string;
	/** The label the row is read by (the last label cell before the values). */
	labelCell?: SCell;
}

export interface STable {
	span: Span;
	rows: SRow[];
}

export type SpanKind = 'txt' | 'html' | 'docx';

export interface SpanDoc {
	kind: SpanKind;
	/** txt/html: the decoded file text; docx: word/document.xml. */
	text: string;
	tables: STable[];
	/** Every table cell, in document order. */
	cells: SCell[];
	rows: SRow[];
	/** Value cells (with an id) in document order. */
	values: SCell[];
	/** Label cells (words) in document order. */
	labels: SCell[];
	/** From the start of the first table to the end of the last. */
	tableRegion: Span;
}

const isLabelText = (t: string) => /[\p{Script=Han}A-Za-z]/u.test(t);

/** (table, row, cell) of the adapter → canonical id, from the parser's detail. */
function idIndex(report: Report): Map<string, string> {
	const m = new Map<string, string>();
	for (const [id, d] of Object.entries(report.detail)) m.set(`${d.where.table}/${d.where.row}/${d.where.cell}`, id);
	return m;
}

function finish(kind: SpanKind, text: string, tables: STable[], report: Report): SpanDoc {
	const ids = idIndex(report);
	for (const t of tables)
		for (const r of t.rows) {
			for (const c of r.cells) {
				c.id = ids.get(`${c.table}/${c.row}/${r.cells.indexOf(c)}`);
				c.label = !c.id && isLabelText(c.text);
			}
			const first = r.cells.findIndex((c) => c.id);
			if (first < 0) continue;
			const id = r.cells[first].id!;
			r.rowKey = id.startsWith('t4.') ? 't4' : id.slice(0, id.lastIndexOf('.'));
			for (let i = first - 1; i >= 0; i--)
				if (r.cells[i].label) {
					r.labelCell = r.cells[i];
					break;
				}
		}
	const found = new Set(tables.flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.id).filter(Boolean))));
	const missing = Object.keys(report.detail).filter((id) => !found.has(id));
	if (missing.length) throw new Error(`spans: ${missing.length} cells not located (${missing.slice(0, 3).join(', ')})`);
	const rows = tables.flatMap((t) => t.rows);
	const cells = rows.flatMap((r) => r.cells);
	const tableRegion = tables.length ? { start: tables[0].span.start, end: tables[tables.length - 1].span.end } : { start: 0, end: text.length };
	return { kind, text, tables, cells, rows, values: cells.filter((c) => c.id), labels: cells.filter((c) => c.label), tableRegion };
}

/* ---------- txt: lines ---------- */

export function txtSpans(text: string, doc: DocModel, report: Report): SpanDoc {
	const lines = text.split('\n');
	const starts: number[] = [];
	let o = 0;
	for (const l of lines) {
		starts.push(o);
		o += l.length + 1;
	}
	starts.push(text.length);
	const lineStart = (i: number) => Math.min(starts[Math.min(i, lines.length)], text.length);
	const contentEnd = (i: number) => starts[i] + lines[i].replace(/\r$/, '').length;
	const blank = (i: number) => lines[i].trim() === '' && !lines[i].startsWith('\t');
	const docTables = doc.blocks.filter((b): b is Table => b.kind === 'table');
	const tables: STable[] = docTables.map((t) => {
		const rows: SRow[] = t.rows.map((r) => {
			const cells: SCell[] = r.map((c) => {
				const l0 = c.where.line! - 1;
				let end = l0 + 1;
				while (end < lines.length && !lines[end].startsWith('\t') && !blank(end)) end++;
				const tabs = lines[l0].match(/^\t*/)![0].length;
				return {
					span: { start: lineStart(l0), end: lineStart(end) },
					inner: { start: starts[l0] + tabs, end: contentEnd(end - 1) },
					text: c.text,
					label: false,
					table: c.where.table!,
					row: c.where.row!
				};
			});
			const last = r[r.length - 1];
			let end = last.where.line!;
			while (end < lines.length && !lines[end].startsWith('\t') && !blank(end)) end++;
			if (end < lines.length && blank(end)) end++;
			return { span: { start: cells[0].span.start, end: lineStart(end) }, cells, table: t.where.table! };
		});
		return { span: { start: rows[0].span.start, end: rows[rows.length - 1].span.end }, rows };
	});
	return finish('txt', text, tables, report);
}

/* ---------- html: the markup, walked as the adapter walks it ---------- */

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'select', 'option', 'button', 'svg', 'object', 'embed', 'head']);

export function htmlSpans(text: string, doc: DocModel, report: Report): SpanDoc {
	const dom = parseDocument(text, { decodeEntities: true, lowerCaseTags: true, withStartIndices: true, withEndIndices: true });
	const found: Element[] = [];
	const walk = (nodes: AnyNode[]) => {
		for (const n of nodes) {
			if (!isTag(n) || SKIP.has(n.name)) continue;
			if (n.name === 'table') found.push(n);
			else walk(n.children);
		}
	};
	walk(dom.children);
	const docTables = new Map(doc.blocks.filter((b): b is Table => b.kind === 'table').map((t) => [t.where.table!, t]));
	const tables: STable[] = [];
	found.forEach((el, ti) => {
		const model = docTables.get(ti);
		if (!model) return;
		const rows: SRow[] = [];
		for (const tr of ownRows(el)) {
			const tds = tr.children.filter((c): c is Element => isTag(c) && (c.name === 'td' || c.name === 'th'));
			if (!tds.length) continue;
			const r = rows.length;
			const cells = tds.map((td, ci): SCell => {
				const start = td.startIndex!;
				const end = td.endIndex! + 1;
				const close = `</${td.name}>`;
				const closed = text.slice(end - close.length, end).toLowerCase() === close;
				return {
					span: { start, end },
					inner: { start: text.indexOf('>', start) + 1, end: closed ? end - close.length : end },
					text: model.rows[r][ci].text,
					label: false,
					table: ti,
					row: r
				};
			});
			rows.push({ span: { start: tr.startIndex!, end: tr.endIndex! + 1 }, cells, table: ti });
		}
		tables.push({ span: { start: el.startIndex!, end: el.endIndex! + 1 }, rows });
	});
	return finish('html', text, tables, report);
}

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

/* ---------- docx: word/document.xml, scanned for w:tbl / w:tr / w:tc ---------- */

/** Top-level <tag>…</tag> (or <tag/>) elements inside [from, to), not those nested in another <tag>. */
export function xmlElements(xml: string, tag: string, from: number, to: number): Span[] {
	const re = new RegExp(`<(/?)${tag}(?=[\\s/>])[^>]*?(/?)>`, 'g');
	re.lastIndex = from;
	const out: Span[] = [];
	let depth = 0;
	let open = -1;
	for (let m = re.exec(xml); m && m.index < to; m = re.exec(xml)) {
		const closing = m[1] === '/';
		const selfClosing = m[2] === '/';
		if (!closing && selfClosing) {
			if (depth === 0) out.push({ start: m.index, end: m.index + m[0].length });
		} else if (!closing) {
			if (depth++ === 0) open = m.index;
		} else if (--depth === 0) out.push({ start: open, end: m.index + m[0].length });
		if (depth < 0) depth = 0;
	}
	return out;
}

const unescapeXml = (s: string) =>
	s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
		e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
	);

/** The <w:t> contents of a range (not w:delText, w:tab, w:tbl …). */
function textSegments(xml: string, span: Span): Span[] {
	const re = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g;
	re.lastIndex = span.start;
	const out: Span[] = [];
	for (let m = re.exec(xml); m && m.index < span.end; m = re.exec(xml)) {
		const start = m.index + m[0].indexOf('>') + 1;
		out.push({ start, end: start + m[1].length });
	}
	return out;
}

export function docxSpans(xml: string, doc: DocModel, report: Report): SpanDoc {
	const body = xmlElements(xml, 'w:body', 0, xml.length)[0] ?? { start: 0, end: xml.length };
	const docTables = new Map(doc.blocks.filter((b): b is Table => b.kind === 'table').map((t) => [t.where.table!, t]));
	const tables: STable[] = [];
	let ti = 0;
	for (const tbl of xmlElements(xml, 'w:tbl', body.start + 1, body.end)) {
		const trs = xmlElements(xml, 'w:tr', tbl.start + 1, tbl.end);
		if (!trs.length) continue;
		const model = docTables.get(ti);
		const rows: SRow[] = trs.map((tr, r) => {
			const tcs = xmlElements(xml, 'w:tc', tr.start + 1, tr.end);
			const cells = tcs.map((tc, ci): SCell => {
				const segments = textSegments(xml, tc);
				const open = xml.indexOf('>', tc.start) + 1;
				return {
					span: tc,
					inner: { start: open, end: tc.end - '</w:tc>'.length },
					segments,
					text: model?.rows[r]?.[ci]?.text ?? segments.map((s) => unescapeXml(xml.slice(s.start, s.end))).join(''),
					label: false,
					table: ti,
					row: r
				};
			});
			return { span: tr, cells, table: ti };
		});
		tables.push({ span: tbl, rows });
		ti++;
	}
	return finish('docx', xml, tables, report);
}

/* ---------- edits ---------- */

export interface Edit {
	start: number;
	end: number;
	insert: string;
}

/** Apply non-overlapping edits (any order). */
export function applyEdits(text: string, edits: Edit[]): string {
	const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
	let out = text;
	for (const e of sorted) out = out.slice(0, e.start) + e.insert + out.slice(e.end);
	return out;
}

const escHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escXml = (s: string) => escHtml(s).replace(/"/g, '&quot;');

/** Edits that make a cell print `text` (one line; docx/html get no line breaks). */
export function setText(doc: SpanDoc, cell: SCell, text: string): Edit[] {
	if (doc.kind === 'txt') return [{ ...cell.inner, insert: text.replace(/\t/g, ' ') }];
	const flat = text.replace(/[\n\t]/g, ' ');
	if (doc.kind === 'html') return [{ ...cell.inner, insert: escHtml(flat) }];
	const segs = cell.segments ?? [];
	if (segs.length) return segs.map((s, i) => ({ ...s, insert: i === 0 ? escXml(flat) : '' }));
	if (!flat) return [];
	const run = `<w:r><w:t xml:space="preserve">${escXml(flat)}</w:t></w:r>`;
	const xml = doc.text;
	const pEnd = xml.indexOf('</w:p>', cell.span.start);
	if (pEnd >= 0 && pEnd < cell.span.end) return [{ start: pEnd, end: pEnd, insert: run }];
	const empty = /<w:p(?:\s[^>]*)?\/>/g;
	empty.lastIndex = cell.span.start;
	const m = empty.exec(xml);
	if (m && m.index < cell.span.end) return [{ start: m.index, end: m.index + m[0].length, insert: `${m[0].slice(0, -2)}>${run}</w:p>` }];
	const close = cell.span.end - '</w:tc>'.length;
	return [{ start: close, end: close, insert: `<w:p>${run}</w:p>` }];
}

export const remove = (s: Span): Edit => ({ ...s, insert: '' });
export const duplicateAfter = (doc: SpanDoc, s: Span): Edit => ({ start: s.end, end: s.end, insert: doc.text.slice(s.start, s.end) });

/** The cell whose source span contains the offset (a character index in doc.text). */
export function cellAt(doc: SpanDoc, offset: number): SCell | undefined {
	let lo = 0;
	let hi = doc.cells.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const c = doc.cells[mid];
		if (offset < c.span.start) hi = mid - 1;
		else if (offset >= c.span.end) lo = mid + 1;
		else return c;
	}
	return undefined;
}
