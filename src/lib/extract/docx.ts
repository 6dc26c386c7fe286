/**
 * Adapter for Word documents (.docx): opens the zip with fflate and parses the main document part
 * (word/document.xml, found through _rels/.rels) with @xmldom/xmldom, namespace-aware, then walks the
 * body in document order into paragraphs and tables. Both libraries are plain JavaScript and run in
 * Node, browsers and workers alike (no node: imports here).
 *
 * Text: the runs of a paragraph joined (a number split over runs, "1" "2", reads 12); w:tab → tab,
 * w:br/w:cr → a new line, which starts a new paragraph block (as <br> does in the html adapter);
 * tracked deletions, field instructions, hidden runs, drawings and text boxes are left out.
 * Tables: one Cell per w:tc with colspan from w:gridSpan; a cell continuing a vertical merge
 * (w:vMerge without restart) is kept as an empty cell so each row keeps its positional layout, and
 * the restart cell's rowspan counts the merged rows. A nested table's text stays in its cell.
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import { ExtractError, type Block, type Cell, type DocModel, type Table } from './model';

/** WordprocessingML, transitional and strict. */
const W_NS = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);
const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const OFFICE_DOCUMENT_REL = /\/officeDocument$/;
const DEFAULT_MAIN = 'word/document.xml';

/** The unpacked size of one part we are willing to read (a report's document.xml is well under 5 MB). */
const MAX_PART_BYTES = 200 * 1024 * 1024;
/** More entries than this in a central directory means a broken or hostile zip, not a Word file. */
const MAX_ZIP_ENTRIES = 20000;

const CORRUPT = '文件已损坏或不是 Word 文档';

export function extractDocx(file: string, bytes: Uint8Array): DocModel {
	if (bytes.length === 0) throw new ExtractError(file, '文件为空');
	sniff(file, bytes);
	const xml = mainDocumentXml(file, bytes);
	let blocks: Block[];
	try {
		blocks = new Walker().run(parseXml(xml, 'word/document.xml'));
	} catch (e) {
		if (e instanceof ExtractError) throw new ExtractError(file, e.reason);
		throw new ExtractError(file, `${CORRUPT}（正文无法读取：${(e as Error)?.message ?? String(e)}）`);
	}
	if (!blocks.length) throw new ExtractError(file, 'Word 文档中没有文字内容（可能只有图片或扫描件）');
	return { file, kind: 'docx', blocks };
}

/* ---------- the container ---------- */

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/** Reject what is plainly not a .docx before unzipping, with a reason a person can act on. */
function sniff(file: string, bytes: Uint8Array) {
	if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
		// an OLE compound file: an old binary .doc, or a password-protected .docx (an EncryptedPackage inside OLE)
		if (containsUtf16(bytes, 'EncryptedPackage') || containsUtf16(bytes, 'EncryptionInfo'))
			throw new ExtractError(file, 'Word 文档已加密（设有打开密码），请去除密码后另存为 .docx');
		throw new ExtractError(file, '是旧版 Word .doc 格式，请另存为 .docx（用 Word 或 WPS 打开后“另存为”）');
	}
	if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) throw new ExtractError(file, `${CORRUPT}（这是一个 PDF 文件，请把扩展名改为 .pdf）`);
	if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) throw new ExtractError(file, `${CORRUPT}（这是 RTF 格式，请用 Word 或 WPS 打开后另存为 .docx）`);
	if (!startsWith(bytes, [0x50, 0x4b])) throw new ExtractError(file, `${CORRUPT}（不是 .docx 压缩包）`);
}

/** Whether an ASCII name occurs UTF-16LE-encoded (as OLE directory entries store stream names). */
function containsUtf16(bytes: Uint8Array, name: string): boolean {
	const pat = Array.from(name).flatMap((ch) => [ch.charCodeAt(0), 0]);
	outer: for (let i = 0; i + pat.length <= bytes.length; i++) {
		if (bytes[i] !== pat[0]) continue;
		for (let j = 1; j < pat.length; j++) if (bytes[i + j] !== pat[j]) continue outer;
		return true;
	}
	return false;
}

/** Unzip only the named parts (matching case-insensitively); also lists every entry name. */
function unzipParts(file: string, bytes: Uint8Array, wanted: (name: string) => boolean): { parts: Record<string, Uint8Array>; names: string[] } {
	const names: string[] = [];
	let parts: Record<string, Uint8Array>;
	try {
		parts = unzipSync(bytes, {
			filter: (f: UnzipFileInfo) => {
				names.push(f.name);
				if (names.length > MAX_ZIP_ENTRIES) throw new ExtractError(file, `${CORRUPT}（压缩包目录异常）`);
				if (!wanted(f.name)) return false;
				if (f.originalSize > MAX_PART_BYTES || f.size > bytes.length)
					throw new ExtractError(file, `${CORRUPT}（正文大小异常：${f.name}）`);
				if (f.compression !== 0 && f.compression !== 8)
					throw new ExtractError(file, `${CORRUPT}（不支持的压缩方式 ${f.compression}，可能已加密）`);
				return true;
			}
		});
	} catch (e) {
		if (e instanceof ExtractError) throw e;
		const msg = (e as Error)?.message ?? String(e);
		if (/invalid zip data/.test(msg)) throw new ExtractError(file, `${CORRUPT}（压缩包不完整，可能下载中断或文件被截断）`);
		throw new ExtractError(file, `${CORRUPT}（压缩包数据损坏：${msg}）`);
	}
	// fflate does not check the CRC-32 the zip records: a damaged byte would otherwise be read as text (3 → 7)
	const crcs = Object.keys(parts).length ? recordedCrcs(bytes) : new Map<string, number>();
	for (const [name, data] of Object.entries(parts)) {
		const recorded = crcs.get(name);
		if (recorded && crc32(data) !== recorded) throw new ExtractError(file, `${CORRUPT}（${name} 校验和不符，文件内容已损坏）`);
	}
	return { parts, names };
}

const CRC_TABLE = (() => {
	const t = new Int32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		t[n] = c;
	}
	return t;
})();

/** CRC-32 (the zip/PNG polynomial) of the bytes. */
function crc32(b: Uint8Array): number {
	let c = -1;
	for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
	return (c ^ -1) >>> 0;
}

/** Entry name → CRC-32 as the zip's central directory records it (empty when the directory cannot be read). */
function recordedCrcs(zip: Uint8Array): Map<string, number> {
	const out = new Map<string, number>();
	const u16 = (o: number) => zip[o] | (zip[o + 1] << 8);
	const u32 = (o: number) => (u16(o) | (u16(o + 2) << 16)) >>> 0;
	let eocd = -1;
	for (let o = zip.length - 22; o >= Math.max(0, zip.length - 22 - 0xffff); o--)
		if (u32(o) === 0x06054b50) {
			eocd = o;
			break;
		}
	if (eocd < 0) return out;
	let o = u32(eocd + 16);
	for (let i = u16(eocd + 10); i > 0 && o + 46 <= zip.length && u32(o) === 0x02014b50; i--) {
		const n = u16(o + 28);
		const name = new TextDecoder(u16(o + 8) & 0x800 ? 'utf-8' : 'latin1').decode(zip.subarray(o + 46, o + 46 + n));
		out.set(name, u32(o + 16));
		o += 46 + n + u16(o + 30) + u16(o + 32);
	}
	return out;
}

function mainDocumentXml(file: string, bytes: Uint8Array): string {
	const lower = (s: string) => s.toLowerCase();
	const first = unzipParts(file, bytes, (n) => lower(n) === '_rels/.rels' || lower(n) === DEFAULT_MAIN);
	const get = (parts: Record<string, Uint8Array>, name: string) => {
		const key = Object.keys(parts).find((k) => lower(k) === lower(name));
		return key === undefined ? undefined : parts[key];
	};
	let target = DEFAULT_MAIN;
	const rels = get(first.parts, '_rels/.rels');
	if (rels) {
		try {
			target = officeDocumentTarget(parseXml(decodeXml(rels), '_rels/.rels')) ?? DEFAULT_MAIN;
		} catch {
			target = DEFAULT_MAIN; // a broken relationships part: try the usual place
		}
	}
	let main = get(first.parts, target) ?? get(first.parts, DEFAULT_MAIN);
	if (!main && lower(target) !== DEFAULT_MAIN && first.names.some((n) => lower(n) === lower(target)))
		main = get(unzipParts(file, bytes, (n) => lower(n) === lower(target)).parts, target);
	if (!main) throw new ExtractError(file, `压缩包中没有 Word 正文（word/document.xml），不是 Word 文档${otherOfficeHint(first.names)}`);
	if (main.length === 0) throw new ExtractError(file, `${CORRUPT}（正文 word/document.xml 是空的）`);
	return decodeXml(main);
}

function otherOfficeHint(names: string[]): string {
	if (names.some((n) => n.startsWith('xl/'))) return '（这是 Excel 表格）';
	if (names.some((n) => n.startsWith('ppt/'))) return '（这是 PowerPoint 演示文稿）';
	if (names.includes('content.xml') && names.includes('mimetype')) return '（这是 OpenDocument .odt 等格式，请另存为 .docx）';
	if (!names.length) return '（压缩包是空的）';
	return '';
}

/** The main document part named by the package relationships, as a zip entry name. */
function officeDocumentTarget(rels: Element): string | undefined {
	for (const el of descendants(rels)) {
		if (el.localName !== 'Relationship') continue;
		if (!OFFICE_DOCUMENT_REL.test(el.getAttribute('Type') ?? '')) continue;
		const target = el.getAttribute('Target');
		if (!target || /^[a-z]+:/i.test(target)) continue; // external targets are not parts
		return target.replace(/^\.?\//, '');
	}
	return undefined;
}

function decodeXml(bytes: Uint8Array): string {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
	return new TextDecoder('utf-8').decode(bytes).replace(/^\ufeff/, '');
}

function parseXml(xml: string, part: string): Element {
	let doc;
	try {
		// warnings and recoverable errors are tolerated (and not logged); a fatal error throws
		doc = new DOMParser({ onError: () => undefined }).parseFromString(xml, 'text/xml');
	} catch (e) {
		throw new ExtractError('', `${CORRUPT}（${part} 不是有效的 XML：${(e as Error)?.message ?? String(e)}）`);
	}
	const root = doc.documentElement;
	if (!root) throw new ExtractError('', `${CORRUPT}（${part} 不是有效的 XML）`);
	return root;
}

/* ---------- the XML ---------- */

function* children(el: Element): Generator<Element> {
	for (let n: Node | null = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) yield n as Element;
}

function* descendants(el: Element): Generator<Element> {
	for (const c of children(el)) {
		yield c;
		yield* descendants(c);
	}
}

/** The local name of a WordprocessingML element, else '' (drawing, VML, math … are not read). */
function w(el: Element): string {
	return el.namespaceURI && W_NS.has(el.namespaceURI) ? (el.localName ?? '') : '';
}

function isMc(el: Element, name: string): boolean {
	return el.namespaceURI === MC_NS && el.localName === name;
}

/** The w:val (or another) attribute of a WordprocessingML element. */
function attr(el: Element, name: string): string | null {
	return (el.namespaceURI ? el.getAttributeNS(el.namespaceURI, name) : null) ?? el.getAttribute(`w:${name}`);
}

function child(el: Element | undefined, name: string): Element | undefined {
	if (!el) return undefined;
	for (const c of children(el)) if (w(c) === name) return c;
	return undefined;
}

/** A toggle property (w:vanish, w:del in w:trPr …) that is on: present, and not val="false|0|off". */
function isOn(el: Element | undefined): boolean {
	if (!el) return false;
	const v = attr(el, 'val');
	return v === null || !/^(false|0|off)$/i.test(v);
}

function intAttr(el: Element | undefined, name: string, fallback: number, max = 1000): number {
	const n = el ? Number.parseInt(attr(el, name) ?? '', 10) : NaN;
	return Number.isFinite(n) && n >= 0 && n <= max ? n : fallback;
}

/** Elements inside a paragraph whose content is read: runs and the wrappers around them. */
const INLINE_CONTAINERS = new Set([
	'r', 'ins', 'moveTo', 'hyperlink', 'sdt', 'sdtContent', 'customXml', 'smartTag', 'fldSimple', 'dir', 'bdo', 'ruby', 'rubyBase'
]);
/** Wrappers around block-level content (paragraphs, tables, rows, cells). */
const BLOCK_CONTAINERS = new Set(['sdt', 'sdtContent', 'customXml', 'ins', 'moveTo']);

/**
 * The text of a paragraph. Everything not listed is skipped: w:pPr/w:rPr (tab stops live there),
 * w:del and w:moveFrom (tracked deletions), w:instrText (field codes), w:rt (ruby guides),
 * w:drawing/w:pict (text boxes), bookmarks, comments, foot- and endnote references.
 */
function paragraphText(p: Element): string {
	const out: string[] = [];
	const walk = (el: Element) => {
		for (const c of children(el)) {
			if (isMc(c, 'AlternateContent')) {
				const choice = [...children(c)][0];
				if (choice) walk(choice);
				continue;
			}
			switch (w(c)) {
				case 't':
					out.push(c.textContent ?? '');
					break;
				case 'tab':
				case 'ptab':
					out.push('\t');
					break;
				case 'br':
				case 'cr':
					out.push('\n');
					break;
				case 'noBreakHyphen':
					out.push('-');
					break;
				case 'r':
					if (!isOn(child(child(c, 'rPr'), 'vanish'))) walk(c);
					break;
				default:
					if (INLINE_CONTAINERS.has(w(c))) walk(c);
			}
		}
	};
	walk(p);
	return out.join('');
}

/** Text lines of a body paragraph: runs of spaces (nbsp, U+3000) made one, tabs kept, ends trimmed. */
function paragraphLines(text: string): string[] {
	return text
		.split('\n')
		.map((l) => l.replace(/[^\S\t\n]+/g, ' ').trim())
		.filter(Boolean);
}

/** Cell text: its paragraphs (and nested tables' cells) as lines, blank space collapsed, empty lines dropped. */
function cleanCellText(lines: string[]): string {
	return lines
		.flatMap((l) => l.split('\n'))
		.map((l) => l.replace(/\s+/g, ' ').trim())
		.filter(Boolean)
		.join('\n');
}

/** Open vertical merge in one grid column: the restart cell, and the grid columns it covers. */
interface OpenMerge {
	cell: Cell;
	start: number;
	span: number;
}

class Walker {
	blocks: Block[] = [];
	paragraphIndex = 0;
	tableCount = 0;

	run(root: Element): Block[] {
		if (w(root) !== 'document') throw new ExtractError('', `${CORRUPT}（word/document.xml 不是 Word 正文）`);
		const body = child(root, 'body');
		if (!body) throw new ExtractError('', `${CORRUPT}（word/document.xml 中没有正文）`);
		this.body(body);
		return this.blocks;
	}

	body(el: Element) {
		for (const c of children(el)) {
			if (isMc(c, 'AlternateContent')) {
				const choice = [...children(c)][0];
				if (choice) this.body(choice);
				continue;
			}
			const name = w(c);
			if (name === 'p') {
				const index = this.paragraphIndex++;
				for (const line of paragraphLines(paragraphText(c))) this.blocks.push({ kind: 'p', text: line, where: { paragraph: index } });
			} else if (name === 'tbl') this.table(c);
			else if (BLOCK_CONTAINERS.has(name)) this.body(c);
			// w:sectPr, bookmarks, w:del, w:altChunk …: nothing to read
		}
	}

	table(tbl: Element) {
		const index = this.tableCount++;
		const rows: Cell[][] = [];
		let open: OpenMerge[] = [];
		for (const tr of this.rowsOf(tbl)) {
			const trPr = child(tr, 'trPr');
			if (isOn(child(trPr, 'del')) || isOn(child(trPr, 'hidden'))) continue; // a row deleted with tracked changes, or hidden
			const r = rows.length;
			const cells: Cell[] = [];
			const stillOpen: OpenMerge[] = [];
			let col = intAttr(child(trPr, 'gridBefore'), 'val', 0);
			for (const tc of this.cellsOf(tr)) {
				const tcPr = child(tc, 'tcPr');
				const span = Math.max(1, intAttr(child(tcPr, 'gridSpan'), 'val', 1));
				const hMerge = child(tcPr, 'hMerge');
				if (hMerge && attr(hMerge, 'val') !== 'restart' && cells.length) {
					// legacy horizontal merge: the continuation widens the cell on its left
					cells[cells.length - 1].colspan += span;
					col += span;
					continue;
				}
				const vMerge = child(tcPr, 'vMerge');
				const where = { table: index, row: r, cell: cells.length };
				const from = open.find((m) => m.start === col);
				if (vMerge && attr(vMerge, 'val') !== 'restart' && from) {
					from.cell.rowspan++;
					stillOpen.push(from);
					cells.push({ text: '', colspan: span, rowspan: 1, where });
				} else {
					const cell: Cell = { text: this.cellText(tc), colspan: span, rowspan: 1, where };
					cells.push(cell);
					if (vMerge && attr(vMerge, 'val') === 'restart') stillOpen.push({ cell, start: col, span });
				}
				col += span;
			}
			open = stillOpen;
			if (cells.length) rows.push(cells);
		}
		if (rows.length) this.blocks.push({ kind: 'table', rows, where: { table: index } } satisfies Table);
		else this.tableCount--;
	}

	rowsOf(tbl: Element): Element[] {
		const out: Element[] = [];
		const walk = (el: Element) => {
			for (const c of children(el)) {
				if (w(c) === 'tr') out.push(c);
				else if (BLOCK_CONTAINERS.has(w(c))) walk(c);
			}
		};
		walk(tbl);
		return out;
	}

	cellsOf(tr: Element): Element[] {
		const out: Element[] = [];
		const walk = (el: Element) => {
			for (const c of children(el)) {
				if (w(c) === 'tc') out.push(c);
				else if (BLOCK_CONTAINERS.has(w(c))) walk(c);
			}
		};
		walk(tr);
		return out;
	}

	/** A cell's paragraphs as lines; a nested table contributes its cells' text, row by row. */
	cellText(tc: Element): string {
		const lines: string[] = [];
		const walk = (el: Element) => {
			for (const c of children(el)) {
				const name = w(c);
				if (name === 'p') lines.push(paragraphText(c));
				else if (name === 'tbl') for (const tr of this.rowsOf(c)) for (const inner of this.cellsOf(tr)) walk(inner);
				else if (BLOCK_CONTAINERS.has(name)) walk(c);
			}
		};
		walk(tc);
		return cleanCellText(lines);
	}
}
