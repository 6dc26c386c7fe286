/**
 * Mutations of a report file, each with what it does to the numbers a correct reader must report.
 *
 * Structural mutations work on the source text at the level of the document model (txt lines, html
 * cells, docx <w:tc>), where the cell they touch is known; byte mutations work on the file's bytes,
 * and the cell a byte lands in (if any) is found from the source spans. Every mutation returns
 * `touched`: ids whose printed text it changed, with the value that text now means — a number, null
 * (blank / placeholder), NO_NUMBER (no number is right: the cell must be left out or reported) or
 * ANY (text of unknown meaning: a byte landed in it).
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { cellsOf, normalizeLabel, rowLabels, tableOf, type ColumnDef, type FormatVersion, type TableKey } from '../../src/lib/template';
import { applyEdits, cellAt, duplicateAfter, remove, setText, type Edit, type SpanDoc } from './spans';

export const NO_NUMBER = 'no-number' as const;
export const ANY = 'any' as const;
export type Want = number | null | typeof NO_NUMBER | typeof ANY;
export type Touched = Map<string, Want>;

/* ---------- printed texts with a known meaning ---------- */

export const TEXT_STYLES = [
	'plain', 'fullwidth', 'grouped', 'badgroup', 'countword', 'wan', 'yuan', 'decimal', 'negative', 'plus',
	'placeholder', 'blank', 'spaced', 'garbage', 'huge', 'padded', 'leadingzero'
] as const;
export type TextStyle = (typeof TEXT_STYLES)[number];
export interface TextGen {
	style: TextStyle;
	v: number;
	pick: number;
}

const FULL = '０１２３４５６７８９';
const PLACEHOLDERS = ['-', '—', '/', '无', '－', '——', '空', '暂无', '／', '~'];
const COUNT_WORDS = ['件', '个', '项', '次', '条'];
const GARBAGE = [(v: number) => `${v}a`, (v: number) => `约${v}`, (v: number) => `${v}余`, (v: number) => `${v}%`, (v: number) => `${v}/${v + 1}`,
	(v: number) => `(${v})`, (v: number) => `${v}.`, (v: number) => `${v}-${v}`, (v: number) => `第${v}`, (v: number) => `${v}件件`, (v: number) => `${v}人次`,
	(v: number) => `${v}e3`, (v: number) => `0x${v}`, (v: number) => `${v}万`, (v: number) => `${v},`, (v: number) => `,${v}`, (v: number) => `${v}..5`];

/** The text a style prints for value v in this column, and the number that text means. */
export function printed(g: TextGen, col: ColumnDef): { text: string; want: Want } {
	const v = g.v;
	const s = String(v);
	switch (g.style) {
		case 'plain':
			return { text: s, want: v };
		case 'fullwidth':
			return { text: [...s].map((d) => FULL[Number(d)]).join(''), want: v };
		case 'grouped':
			return { text: v.toLocaleString('en-US'), want: v };
		case 'badgroup': {
			if (s.length < 2) return { text: `${s},0`, want: NO_NUMBER };
			const at = 1 + (g.pick % (s.length - 1));
			const text = `${s.slice(0, at)},${s.slice(at)}`;
			return { text, want: /^\d{1,3}(,\d{3})+$/.test(text) ? v : NO_NUMBER };
		}
		case 'countword':
			return { text: s + COUNT_WORDS[g.pick % COUNT_WORDS.length], want: v };
		case 'wan':
			return { text: `${s}万元`, want: col.unit === '万元' ? v : col.unit === '元' ? v * 10000 : NO_NUMBER };
		case 'yuan':
			return { text: `${s}元`, want: col.unit === '元' ? v : col.unit === '万元' ? v / 10000 : NO_NUMBER };
		case 'decimal': {
			const text = `${s}.${1 + (g.pick % 9)}`;
			return { text, want: col.allowDecimal ? Number(text) : NO_NUMBER };
		}
		case 'negative':
			return { text: `-${s}`, want: col.allowNegative ? (v === 0 ? 0 : -v) : NO_NUMBER };
		case 'plus':
			return { text: `+${s}`, want: v };
		case 'placeholder':
			return { text: PLACEHOLDERS[g.pick % PLACEHOLDERS.length], want: null };
		case 'blank':
			return { text: '', want: null };
		case 'spaced':
			return { text: `${s}${g.pick % 2 ? ' ' : '\u3000'}${g.pick % 10}`, want: NO_NUMBER };
		case 'garbage':
			return { text: GARBAGE[g.pick % GARBAGE.length](v), want: NO_NUMBER };
		case 'huge': {
			const digits = `${1 + (g.pick % 9)}${String(v).padStart(5, '0')}${'0123456789'.repeat(2)}`.slice(0, 15 + (g.pick % 8));
			return { text: digits, want: Number.isSafeInteger(Number(digits)) ? Number(digits) : NO_NUMBER };
		}
		case 'padded':
			return { text: g.pick % 2 ? `  ${s} ` : `\u3000${s}\u3000`, want: v };
		case 'leadingzero':
			return { text: `0${s}`, want: v };
	}
}

export const textGenArb: fc.Arbitrary<TextGen> = fc.record({
	style: fc.constantFrom(...TEXT_STYLES),
	v: fc.oneof(fc.nat({ max: 50 }), fc.nat({ max: 99999 })),
	pick: fc.nat({ max: 1000 })
});

/* ---------- structural mutations ---------- */

export type StructOp =
	| { k: 'none' }
	| { k: 'set'; cell: number; text: TextGen }
	| { k: 'swap'; a: number; b: number }
	| { k: 'delCell'; cell: number }
	| { k: 'dupCell'; cell: number }
	| { k: 'fuse'; cell: number; mode: 'drop' | 'blank' | 'space' }
	| { k: 'delRow'; row: number }
	| { k: 'dupRow'; row: number }
	| { k: 'swapLabels'; a: number; b: number }
	| { k: 'misspell'; label: number; pos: number; how: 'sub' | 'ins' | 'del'; ch: number }
	| { k: 'delLabel'; row: number }
	| { k: 'truncRows'; table: number; n: number }
	| { k: 'cut'; at: number }
	| { k: 'delLine'; line: number }
	| { k: 'dupLine'; line: number };

const ix = fc.nat();
export const structOpArb: fc.Arbitrary<StructOp> = fc.oneof(
	{ arbitrary: fc.record({ k: fc.constant('set' as const), cell: ix, text: textGenArb }), weight: 4 },
	{ arbitrary: fc.record({ k: fc.constant('swap' as const), a: ix, b: ix }), weight: 2 },
	{ arbitrary: fc.record({ k: fc.constant('delCell' as const), cell: ix }), weight: 2 },
	{ arbitrary: fc.record({ k: fc.constant('dupCell' as const), cell: ix }), weight: 2 },
	{ arbitrary: fc.record({ k: fc.constant('fuse' as const), cell: ix, mode: fc.constantFrom('drop' as const, 'blank' as const, 'space' as const) }), weight: 3 },
	{ arbitrary: fc.record({ k: fc.constant('delRow' as const), row: ix }), weight: 1 },
	{ arbitrary: fc.record({ k: fc.constant('dupRow' as const), row: ix }), weight: 1 },
	{ arbitrary: fc.record({ k: fc.constant('swapLabels' as const), a: ix, b: ix }), weight: 1 },
	{
		arbitrary: fc.record({ k: fc.constant('misspell' as const), label: ix, pos: ix, how: fc.constantFrom('sub' as const, 'ins' as const, 'del' as const), ch: ix }),
		weight: 3
	},
	{ arbitrary: fc.record({ k: fc.constant('delLabel' as const), row: ix }), weight: 1 },
	{ arbitrary: fc.record({ k: fc.constant('truncRows' as const), table: ix, n: fc.integer({ min: 1, max: 8 }) }), weight: 1 },
	{ arbitrary: fc.record({ k: fc.constant('cut' as const), at: ix }), weight: 1 },
	{ arbitrary: fc.record({ k: fc.constant('delLine' as const), line: ix }), weight: 2 },
	{ arbitrary: fc.record({ k: fc.constant('dupLine' as const), line: ix }), weight: 2 }
);

/** What a correct reader makes of the unmutated file, and the format's columns. */
export interface Base {
	doc: SpanDoc;
	format: FormatVersion;
	expected: Record<string, number | null>;
}

const columnCache = new Map<FormatVersion, Map<string, { column: ColumnDef; table: TableKey; row: string; block: string }>>();
export function cellInfo(format: FormatVersion, id: string) {
	let m = columnCache.get(format);
	if (!m) {
		m = new Map();
		for (const c of cellsOf(format)) m.set(c.id, { column: c.column, table: c.table, row: c.row.key, block: c.block });
		columnCache.set(format, m);
	}
	return m.get(id);
}

/** Han characters for misspellings: common ones and those of the template's labels (near misses). */
const HAN = [...new Set([...'的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长', ...cellsOf('2021').map((c) => c.row.label).join('')].filter((ch) => /\p{Script=Han}/u.test(ch)))];

/** Every normalised row label of a format (a misspelling that lands on one is a relabelling, skipped). */
const labelSets = new Map<FormatVersion, Set<string>>();
function allRowLabels(format: FormatVersion): Set<string> {
	let s = labelSets.get(format);
	if (!s) {
		s = new Set(cellsOf(format).flatMap((c) => rowLabels(c.row).map(normalizeLabel)));
		labelSets.set(format, s);
	}
	return s;
}

function rowIds(format: FormatVersion, table: TableKey, row: string): string[] {
	return tableOf(format, table).blocks.flatMap((b) => (b.rows.some((r) => r.key === row) ? b.columns.map((c) => `${table}.${row}.${c.key}`) : []));
}

function blockOfRow(format: FormatVersion, rowKey: string): string | undefined {
	const [table, ...rest] = rowKey.split('.');
	return tableOf(format, table as TableKey).blocks.find((b) => b.rows.some((r) => r.key === rest.join('.')))?.label;
}

export interface Mutated {
	text: string;
	touched: Touched;
	/** What was done, for people reading a counterexample. */
	note: string;
}

const at = <T>(xs: T[], i: number): T | undefined => (xs.length ? xs[i % xs.length] : undefined);
const plainDigits = (t: string) => /^[0-9０-９]+$/.test(t);
const ascii = (t: string) => t.normalize('NFKC');

export function applyStruct(base: Base, op: StructOp): Mutated {
	const { doc, format, expected } = base;
	const touched: Touched = new Map();
	const out = (edits: Edit[], note: string): Mutated => ({ text: applyEdits(doc.text, edits), touched, note });
	const none = (why: string): Mutated => ({ text: doc.text, touched, note: `none (${why})` });
	switch (op.k) {
		case 'none':
			return none('no mutation');
		case 'set': {
			const c = at(doc.values, op.cell);
			if (!c) return none('no value cell');
			const info = cellInfo(format, c.id!)!;
			const p = printed(op.text, info.column);
			touched.set(c.id!, p.want);
			return out(setText(doc, c, p.text), `${c.id}: “${c.text}” → “${p.text}”`);
		}
		case 'swap': {
			const a = at(doc.values, op.a);
			const b = at(doc.values, op.b);
			if (!a || !b || a === b) return none('same cell');
			touched.set(a.id!, expected[b.id!]);
			touched.set(b.id!, expected[a.id!]);
			return out([...setText(doc, a, b.text), ...setText(doc, b, a.text)], `swap ${a.id} “${a.text}” ⇄ ${b.id} “${b.text}”`);
		}
		case 'delCell': {
			const c = at(doc.values, op.cell);
			if (!c) return none('no value cell');
			return out([remove(c.span)], `delete cell ${c.id} “${c.text}”`);
		}
		case 'dupCell': {
			const c = at(doc.cells, op.cell);
			if (!c) return none('no cell');
			return out([duplicateAfter(doc, c.span)], `duplicate cell ${c.id ?? `“${c.text}”`}`);
		}
		case 'fuse': {
			// a value cell and the next one in its row, both printed as plain digits: "1" "2" → "12"
			const pairs = doc.rows.flatMap((r) =>
				r.cells.slice(0, -1).flatMap((c, i) => {
					const d = r.cells[i + 1];
					return c.id && d.id && plainDigits(c.text) && plainDigits(d.text) ? [[c, d] as const] : [];
				})
			);
			const pair = at(pairs, op.cell);
			if (!pair) return none('no two adjacent digit cells');
			const [a, b] = pair;
			const fused = op.mode === 'space' ? `${a.text} ${b.text}` : a.text + b.text;
			touched.set(a.id!, op.mode === 'space' ? NO_NUMBER : Number(ascii(fused)));
			if (op.mode === 'blank') touched.set(b.id!, null);
			const edits = [...setText(doc, a, fused), ...(op.mode === 'blank' ? setText(doc, b, '') : [remove(b.span)])];
			return out(edits, `fuse ${a.id} “${a.text}” + ${b.id} “${b.text}” → “${fused}” (${op.mode})`);
		}
		case 'delRow': {
			const r = at(doc.rows, op.row);
			if (!r) return none('no row');
			return out([remove(r.span)], `delete row ${r.rowKey ?? `“${r.cells.map((c) => c.text).join('|')}”`}`);
		}
		case 'dupRow': {
			const r = at(doc.rows, op.row);
			if (!r) return none('no row');
			return out([duplicateAfter(doc, r.span)], `duplicate row ${r.rowKey ?? `“${r.cells.map((c) => c.text).join('|')}”`}`);
		}
		case 'swapLabels': {
			const labelled = doc.rows.filter((r) => r.labelCell && r.rowKey && r.rowKey !== 't4');
			const a = at(labelled, op.a);
			const b = at(labelled, op.b);
			if (!a || !b || a === b || a.labelCell === b.labelCell) return none('same row');
			if (blockOfRow(format, a.rowKey!) !== blockOfRow(format, b.rowKey!)) return none('rows of different blocks');
			const [ta, ra] = [a.rowKey!.split('.')[0] as TableKey, a.rowKey!.split('.').slice(1).join('.')];
			const [tb, rb] = [b.rowKey!.split('.')[0] as TableKey, b.rowKey!.split('.').slice(1).join('.')];
			const ia = rowIds(format, ta, ra);
			const ib = rowIds(format, tb, rb);
			ia.forEach((id, j) => touched.set(id, ib[j] in expected ? expected[ib[j]] : NO_NUMBER));
			ib.forEach((id, j) => touched.set(id, ia[j] in expected ? expected[ia[j]] : NO_NUMBER));
			return out([...setText(doc, a.labelCell!, b.labelCell!.text), ...setText(doc, b.labelCell!, a.labelCell!.text)], `swap labels of ${a.rowKey} and ${b.rowKey}`);
		}
		case 'misspell': {
			const c = at(doc.labels, op.label);
			if (!c) return none('no label');
			const chars = [...c.text];
			const han = chars.flatMap((ch, i) => (/\p{Script=Han}/u.test(ch) ? [i] : []));
			const pos = at(han, op.pos);
			if (pos === undefined) return none('no Han character');
			const ch = HAN[op.ch % HAN.length];
			if (op.how === 'sub') chars[pos] = ch;
			else if (op.how === 'ins') chars.splice(pos, 0, ch);
			else chars.splice(pos, 1);
			const text = chars.join('');
			if (normalizeLabel(text) !== normalizeLabel(c.text) && allRowLabels(format).has(normalizeLabel(text))) return none('misspelling is another row label');
			return out(setText(doc, c, text), `label “${c.text}” → “${text}”`);
		}
		case 'delLabel': {
			const r = at(
				doc.rows.filter((x) => x.labelCell),
				op.row
			);
			if (!r) return none('no labelled row');
			return out(setText(doc, r.labelCell!, ''), `blank the label of ${r.rowKey}`);
		}
		case 'truncRows': {
			const t = at(doc.tables, op.table);
			if (!t) return none('no table');
			const cut = t.rows.slice(Math.max(1, t.rows.length - op.n));
			return out(cut.map((r) => remove(r.span)), `drop the last ${cut.length} rows of table ${doc.tables.indexOf(t)}`);
		}
		case 'cut': {
			if (doc.kind === 'docx') return none('docx is cut at the byte level');
			const { start, end } = doc.tableRegion;
			const pos = start + (op.at % Math.max(1, end - start));
			const c = cellAt(doc, pos);
			if (c?.id) touched.set(c.id, ANY);
			return { text: doc.text.slice(0, pos), touched, note: `cut at ${pos} (in ${c?.id ?? (c ? `“${c.text}”` : 'no cell')})` };
		}
		case 'delLine':
		case 'dupLine': {
			// txt: a line; html/docx: a tag
			const chunks = lineChunks(doc);
			const ch = at(chunks, op.line);
			if (!ch) return none('no line');
			const c = cellAt(doc, ch.start);
			// a tag dropped or doubled inside a cell changes only that cell's text; a txt line is a cell or structure
			if (c?.id && doc.kind !== 'txt' && ch.start > c.span.start && ch.end < c.span.end) touched.set(c.id, ANY);
			const what = JSON.stringify(doc.text.slice(ch.start, Math.min(ch.end, ch.start + 40)));
			return out([op.k === 'delLine' ? remove(ch) : duplicateAfter(doc, ch)], `${op.k === 'delLine' ? 'delete' : 'duplicate'} ${what}`);
		}
	}
}

/** Inside the table region: txt, every line (with its newline); html/docx, every tag. */
const chunkCache = new WeakMap<SpanDoc, { start: number; end: number }[]>();
function lineChunks(doc: SpanDoc) {
	let out = chunkCache.get(doc);
	if (out) return out;
	out = [];
	if (doc.kind === 'txt') {
		let o = 0;
		for (const l of doc.text.split('\n')) {
			if (o >= doc.tableRegion.start && o < doc.tableRegion.end) out.push({ start: o, end: Math.min(o + l.length + 1, doc.text.length) });
			o += l.length + 1;
		}
	} else {
		const re = /<[^>]+>/g;
		re.lastIndex = doc.tableRegion.start;
		for (let m = re.exec(doc.text); m && m.index < doc.tableRegion.end; m = re.exec(doc.text)) out.push({ start: m.index, end: m.index + m[0].length });
	}
	chunkCache.set(doc, out);
	return out;
}

/* ---------- encodings ---------- */

export const ENCODINGS = ['utf-8', 'utf-8-bom', 'gb18030', 'utf-16le', 'utf-16le-nobom', 'utf-16be', 'utf-16be-nobom', 'utf-8-crlf'] as const;
export type Encoding = (typeof ENCODINGS)[number];
/** What an html page declares: as written, another charset, or nothing. */
export const DECLARATIONS = ['keep', 'utf-8', 'gbk', 'gb2312', 'big5', 'iso-8859-1', 'none'] as const;
export type Declaration = (typeof DECLARATIONS)[number];

export function redeclare(html: string, d: Declaration): string {
	if (d === 'keep') return html;
	const re = /<meta[^>]*charset\s*=\s*["']?\s*[\w-]+["']?[^>]*>/i;
	const tag = d === 'none' ? '' : `<meta charset="${d}">`;
	return re.test(html) ? html.replace(re, tag) : html.replace(/<head>/i, `<head>${tag}`);
}

export function encode(text: string, enc: Encoding | 'gbk'): Uint8Array {
	const bytes = (b: Buffer | Uint8Array) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
	switch (enc) {
		case 'utf-8':
			return new TextEncoder().encode(text);
		case 'utf-8-bom':
			return new TextEncoder().encode(`\ufeff${text}`);
		case 'utf-8-crlf':
			return new TextEncoder().encode(text.replace(/\r?\n/g, '\r\n'));
		case 'gb18030':
		case 'gbk':
			return bytes(iconv.encode(text, enc));
		case 'utf-16le':
			return bytes(iconv.encode(`\ufeff${text}`, 'utf-16le'));
		case 'utf-16le-nobom':
			return bytes(iconv.encode(text, 'utf-16le'));
		case 'utf-16be':
			return bytes(iconv.encode(`\ufeff${text}`, 'utf-16be'));
		case 'utf-16be-nobom':
			return bytes(iconv.encode(text, 'utf-16be'));
	}
}

/**
 * Byte offset of every character boundary of `text` once encoded (offsets[i] = where char i starts),
 * so a byte position can be traced back to a character and so to a cell.
 */
export function byteOffsets(text: string, enc: Encoding | 'gbk'): number[] {
	const offsets = new Array<number>(text.length + 1);
	let o = enc === 'utf-8-bom' ? 3 : enc === 'utf-16le' || enc === 'utf-16be' ? 2 : 0;
	const cache = new Map<string, number>();
	for (let i = 0; i < text.length; i++) {
		offsets[i] = o;
		const code = text.charCodeAt(i);
		if (enc.startsWith('utf-16')) o += 2;
		else if (enc.startsWith('utf-8')) {
			if (code >= 0xd800 && code < 0xdc00) o += 4;
			else if (code >= 0xdc00 && code < 0xe000) o += 0;
			else o += code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
			if (enc === 'utf-8-crlf' && text[i] === '\n' && text[i - 1] !== '\r') o += 1;
		} else {
			const ch = text[i];
			let n = cache.get(ch);
			if (n === undefined) {
				n = iconv.encode(ch, enc).length;
				cache.set(ch, n);
			}
			o += n;
		}
	}
	offsets[text.length] = o;
	return offsets;
}

/* ---------- byte mutations ---------- */

export type ByteOp =
	| { k: 'flip'; at: number; bit: number }
	| { k: 'set'; at: number; byte: number }
	| { k: 'ins'; at: number; bytes: number[] }
	| { k: 'del'; at: number; len: number }
	| { k: 'trunc'; at: number };

export interface ByteOps {
	/** Aim the bytes at the tables (else anywhere in the file). */
	inTables: boolean;
	/** Keep to ASCII: change only ASCII bytes, write only ASCII (the text stays valid UTF-8/GBK, so the parser sees the damage). */
	ascii?: boolean;
	ops: ByteOp[];
}

const byteArb = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x30, 0x31, 0x39, 0x09, 0x0a, 0x0d, 0x20, 0x3c, 0x3e, 0x2c, 0x2e, 0x2d, 0x00, 0xe3, 0x80));
export const byteOpsArb: fc.Arbitrary<ByteOps> = fc.record({
	inTables: fc.boolean(),
	ascii: fc.boolean(),
	ops: fc.array(
		fc.oneof(
			{ arbitrary: fc.record({ k: fc.constant('flip' as const), at: ix, bit: fc.integer({ min: 0, max: 7 }) }), weight: 4 },
			{ arbitrary: fc.record({ k: fc.constant('set' as const), at: ix, byte: byteArb }), weight: 3 },
			{ arbitrary: fc.record({ k: fc.constant('ins' as const), at: ix, bytes: fc.array(byteArb, { minLength: 1, maxLength: 4 }) }), weight: 3 },
			{ arbitrary: fc.record({ k: fc.constant('del' as const), at: ix, len: fc.integer({ min: 1, max: 4 }) }), weight: 3 },
			{ arbitrary: fc.record({ k: fc.constant('trunc' as const), at: ix }), weight: 1 }
		),
		{ minLength: 1, maxLength: 4 }
	)
});

/** Where a byte lies: the value cell (id) and the table row (its index in SpanDoc.rows). */
export interface ByteHome {
	id?: string;
	row?: number;
}

/**
 * Apply byte ops to bytes. `region` is the byte range aimed at; `locate` maps a byte offset to the
 * value cell and row it lies in (undefined: unknown for every byte, as in a zip or PDF). A byte in a
 * value cell changes that cell's text; two or more ops in one row may also move its cells (one
 * dropped, another split off: the same count, shifted), so every value of such a row is then open.
 */
export function applyBytes(
	bytes: Uint8Array,
	b: ByteOps,
	region: { start: number; end: number },
	locate?: (offset: number) => ByteHome,
	rowIds?: (row: number) => string[]
): { bytes: Uint8Array; touched: Touched; note: string } {
	const touched: Touched = new Map();
	const opsInRow = new Map<number, number>();
	const r = b.inTables ? region : { start: 0, end: bytes.length };
	const len = Math.max(1, r.end - r.start);
	const placed = b.ops.map((op) => ({ op, pos: Math.min(bytes.length, r.start + (op.at % len)) }));
	// from the end backwards, so each offset still means a place in the original
	placed.sort((x, y) => y.pos - x.pos);
	let out = Array.from(bytes);
	const notes: string[] = [];
	for (const placedOp of placed) {
		const op = b.ascii ? asciiOp(placedOp.op) : placedOp.op;
		let pos = placedOp.pos;
		if (b.ascii) {
			// at an ASCII byte (a character boundary in UTF-8 and GBK), and deleting ASCII bytes only
			while (pos < out.length && out[pos] >= 0x80) pos++;
			if (pos >= out.length && op.k !== 'ins') continue;
			if (op.k === 'del') {
				let n = 0;
				while (n < op.len && pos + n < out.length && out[pos + n] < 0x80) n++;
				op.len = n;
			}
		}
		const rows = new Set<number>();
		const mark = (o: number) => {
			const home = locate?.(o);
			if (home?.id) touched.set(home.id, ANY);
			if (home?.row !== undefined) rows.add(home.row);
		};
		switch (op.k) {
			case 'flip':
				if (pos < out.length) {
					out[pos] ^= 1 << op.bit;
					mark(pos);
				}
				break;
			case 'set':
				if (pos < out.length) {
					out[pos] = op.byte;
					mark(pos);
				}
				break;
			case 'ins':
				out.splice(pos, 0, ...op.bytes);
				mark(pos);
				if (pos > 0) mark(pos - 1);
				break;
			case 'del':
				out.splice(pos, op.len);
				for (let i = pos; i < pos + op.len; i++) mark(i);
				break;
			case 'trunc':
				out = out.slice(0, pos);
				mark(pos);
				if (pos > 0) mark(pos - 1);
				break;
		}
		for (const r of rows) opsInRow.set(r, (opsInRow.get(r) ?? 0) + 1);
		notes.push(`${op.k}@${pos}${op.k === 'flip' ? `^${1 << op.bit}` : op.k === 'set' ? `=${op.byte}` : op.k === 'ins' ? `+[${op.bytes}]` : op.k === 'del' ? `-${op.len}` : ''}`);
	}
	for (const [row, n] of opsInRow) if (n >= 2) for (const id of rowIds?.(row) ?? []) touched.set(id, ANY);
	return { bytes: Uint8Array.from(out), touched, note: notes.join(' ') };
}

function asciiOp(op: ByteOp): ByteOp {
	if (op.k === 'flip') return { ...op, bit: op.bit % 7 };
	if (op.k === 'set') return { ...op, byte: op.byte & 0x7f };
	if (op.k === 'ins') return { ...op, bytes: op.bytes.map((x) => x & 0x7f) };
	return { ...op };
}

/** Byte offset → value cell and row, for a SpanDoc written in an encoding. */
export function byteLocator(doc: SpanDoc, offsets: number[]): (offset: number) => ByteHome {
	return (offset) => {
		// the character whose bytes contain the offset
		let lo = 0;
		let hi = offsets.length - 2;
		if (hi < 0 || offset >= offsets[offsets.length - 1]) return {};
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (offsets[mid] <= offset) lo = mid;
			else hi = mid - 1;
		}
		const row = doc.rows.findIndex((r) => lo >= r.span.start && lo < r.span.end);
		return { id: cellAt(doc, lo)?.id, row: row >= 0 ? row : undefined };
	};
}

export const rowValueIds = (doc: SpanDoc) => (row: number) => doc.rows[row].cells.flatMap((c) => (c.id ? [c.id] : []));

