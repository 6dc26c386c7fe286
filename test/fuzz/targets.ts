/**
 * What is fuzzed: generated reports (randomSpec, both formats) as .txt, .html and .docx, and the
 * real corpus files when present (truth.json as expected), each with structural, encoding and byte
 * mutations. A target is a fast-check arbitrary of cases and a runner that ingests the mutated
 * file and judges the result (oracle.ts).
 */
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import iconv from 'iconv-lite';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { extractDocx } from '../../src/lib/extract/docx';
import { extractHtml } from '../../src/lib/extract/html';
import { extractTxt } from '../../src/lib/extract/txt';
import { isPdfjsStrayRejection } from '../../src/lib/extract/pdf';
import type { DocModel } from '../../src/lib/extract/model';
import { buildDocx } from '../../src/lib/generate/docx';
import { writeHtml } from '../../src/lib/generate/html';
import { writeTxt } from '../../src/lib/generate/txt';
import { ingestBytes } from '../../src/lib/store/ingest';
import type { FormatVersion } from '../../src/lib/template';
import { randomSpec } from '../fixtures/specs';
import {
	DECLARATIONS,
	ENCODINGS,
	applyBytes,
	applyStruct,
	byteOffsets,
	byteOpsArb,
	byteLocator,
	rowValueIds,
	encode,
	redeclare,
	structOpArb,
	type Base,
	type ByteOps,
	type Declaration,
	type Encoding,
	type StructOp,
	type Touched
} from './mutate';
import { judge, type Violation } from './oracle';
import { docxSpans, htmlSpans, txtSpans, type SpanDoc } from './spans';

export const CORPUS_DIR = resolve(process.env.CORPUS_DIR ?? resolve(import.meta.dirname, '../../../shared/corpus'));
export const hasCorpus = existsSync(resolve(CORPUS_DIR, 'truth.json'));

/** Time limit of one case (ingest + checks), in ms. */
export const LIMIT_MS = { text: 20_000, pdf: 30_000 };

/* ---------- bases: the unmutated files ---------- */

type Kind = 'txt' | 'html' | 'docx';

interface FileBase extends Base {
	kind: Kind;
	name: string;
	bytes: Uint8Array;
	/** How the text is written back as bytes (txt/html). */
	charset: 'utf-8' | 'gbk';
	/** docx: the package parts, document.xml replaced on write, and their compression level. */
	parts?: Record<string, Uint8Array>;
	zipLevel: 0 | 6;
}

/** Generated bases per kind: POOL specs, alternating 2021 / 2019, with varied printing options. */
export const POOL = 24;
const cache = new Map<string, Promise<FileBase>>();

async function buildBase(
	name: string,
	kind: Kind,
	bytes: Uint8Array,
	expected: Record<string, number | null>,
	charset: 'utf-8' | 'gbk',
	zipLevel: 0 | 6 = 6
): Promise<FileBase> {
	const res = await ingestBytes(name, bytes);
	if (!res.ok) throw new Error(`base ${name} does not read: ${res.reason}`);
	const report = res.report;
	const diff = [...new Set([...Object.keys(expected), ...Object.keys(report.cells)])].filter((id) => report.cells[id] !== expected[id]);
	if (diff.length) throw new Error(`base ${name} reads wrong: ${diff.slice(0, 5).map((id) => `${id}=${report.cells[id]} (want ${expected[id]})`).join(', ')}`);
	let doc: SpanDoc;
	let parts: Record<string, Uint8Array> | undefined;
	if (kind === 'docx') {
		parts = unzipSync(bytes);
		const xml = new TextDecoder().decode(parts['word/document.xml']);
		doc = docxSpans(xml, extractDocx(name, bytes), report);
	} else {
		const model: DocModel = kind === 'txt' ? extractTxt(name, bytes) : extractHtml(name, bytes);
		const text = charset === 'gbk' ? iconv.decode(Buffer.from(bytes), 'gb18030') : new TextDecoder().decode(bytes).replace(/^\ufeff/, '');
		doc = (kind === 'txt' ? txtSpans : htmlSpans)(text, model, report);
	}
	return { kind, name, bytes, expected, charset, parts, zipLevel, doc, format: report.format as FormatVersion };
}

export function generatedBase(kind: Kind, index: number): Promise<FileBase> {
	const key = `${kind}/${index}`;
	let p = cache.get(key);
	if (!p) {
		p = (async () => {
			const format: FormatVersion = index % 2 === 0 ? '2021' : '2019';
			const omit = format === '2021' && index % 6 === 2 ? ['t3.other.misc'] : undefined;
			const g = randomSpec(format, 7000 + index, { omitRows: omit });
			const year = format === '2021' ? 2024 : 2019;
			const name = `case${index}_${year}.${kind}`;
			if (kind === 'txt') return buildBase(name, kind, new TextEncoder().encode(writeTxt(g.spec)), g.expected, 'utf-8');
			if (kind === 'html') {
				const charset = index % 4 === 1 ? 'gbk' : 'utf-8';
				const html = writeHtml(g.spec, { charset, boilerplate: index % 3 === 0 });
				return buildBase(name, kind, encode(html, charset === 'gbk' ? 'gbk' : 'utf-8'), g.expected, charset);
			}
			let bytes = await buildDocx(g.spec, { seed: index + 1, revisions: index % 4 === 3, blankText: index % 5 === 1 ? '\u3000\u3000' : '' });
			// some packages stored without compression (as some tools write them): a flipped byte lands in the text itself
			if (index % 4 === 2) bytes = rezip(unzipSync(bytes), 0);
			return buildBase(name, kind, bytes, g.expected, 'utf-8', index % 4 === 2 ? 0 : 6);
		})();
		cache.set(key, p);
	}
	return p;
}

interface Truth {
	[file: string]: { format: string; cells: Record<string, number | null> };
}
let truthCache: Truth | undefined;
export function corpusTruth(): Truth {
	return (truthCache ??= JSON.parse(readFileSync(resolve(CORPUS_DIR, 'truth.json'), 'utf8')));
}
const corpusBytes = (file: string) => new Uint8Array(readFileSync(resolve(CORPUS_DIR, file)));

export const CORPUS_FILES: Record<Kind, string> = { txt: 'toli_kupu_2024.txt', html: 'shanghai_office_2019.html', docx: 'template_2021_blank.docx' };
export const CORPUS_PDFS = ['huaian_hongze_2023.pdf', 'huaian_hongze_2024.pdf', 'huaian_city_2024.pdf'];

export function corpusBase(kind: Kind): Promise<FileBase> {
	const key = `corpus/${kind}`;
	let p = cache.get(key);
	if (!p) {
		const file = CORPUS_FILES[kind];
		p = buildBase(file, kind, corpusBytes(file), corpusTruth()[file].cells, 'utf-8');
		cache.set(key, p);
	}
	return p;
}

/* ---------- cases ---------- */

export type FileCase =
	| { mode: 'struct'; base: number; op: StructOp; enc: Encoding; decl: Declaration }
	| { mode: 'bytes'; base: number; enc: Encoding; bytes: ByteOps }
	| { mode: 'zip'; base: number; bytes: ByteOps };

export interface Outcome {
	violations: Violation[];
	/** The mutation, for a person. */
	note: string;
	ok: boolean;
	reason?: string;
	ms: number;
}

export interface Target<C = unknown> {
	name: string;
	arb: fc.Arbitrary<C>;
	run(c: C): Promise<Outcome>;
}

const encArb = (kind: Kind) =>
	kind === 'docx' ? fc.constant('utf-8' as Encoding) : fc.oneof({ arbitrary: fc.constant('utf-8' as Encoding), weight: 6 }, { arbitrary: fc.constantFrom(...ENCODINGS), weight: 1 });
const declArb = (kind: Kind) =>
	kind === 'html' ? fc.oneof({ arbitrary: fc.constant('keep' as Declaration), weight: 8 }, { arbitrary: fc.constantFrom(...DECLARATIONS), weight: 1 }) : fc.constant('keep' as Declaration);

function fileCaseArb(kind: Kind, bases: number): fc.Arbitrary<FileCase> {
	const base = fc.nat({ max: bases - 1 });
	const arbs: { arbitrary: fc.Arbitrary<FileCase>; weight: number }[] = [
		{ arbitrary: fc.record({ mode: fc.constant('struct' as const), base, op: structOpArb, enc: encArb(kind), decl: declArb(kind) }), weight: 6 },
		{ arbitrary: fc.record({ mode: fc.constant('bytes' as const), base, enc: encArb(kind), bytes: byteOpsArb }), weight: 3 }
	];
	if (kind === 'docx') arbs.push({ arbitrary: fc.record({ mode: fc.constant('zip' as const), base, bytes: zipOpsArb }), weight: 2 });
	return fc.oneof(...arbs);
}

/** The bytes of a zip entry's (compressed) data, found through its local header. */
function zipEntryRange(zip: Uint8Array, name: string): { start: number; end: number } {
	const u16 = (o: number) => zip[o] | (zip[o + 1] << 8);
	const u32 = (o: number) => (u16(o) | (u16(o + 2) << 16)) >>> 0;
	const want = new TextEncoder().encode(name);
	for (let o = 0; o + 30 < zip.length; o++) {
		if (u32(o) !== 0x04034b50) continue;
		const n = u16(o + 26);
		if (n === want.length && want.every((b, i) => zip[o + 30 + i] === b)) {
			const start = o + 30 + n + u16(o + 28);
			return { start, end: start + u32(o + 18) };
		}
	}
	return { start: 0, end: zip.length };
}

function rezip(parts: Record<string, Uint8Array>, level: 0 | 6): Uint8Array {
	const z: Zippable = {};
	for (const [k, v] of Object.entries(parts)) z[k] = v;
	return zipSync(z, { level, mtime: new Date('2025-01-01T00:00:00Z') });
}

/** Damage inside the stored document.xml: flips and overwrites (an insertion or deletion only shifts the zip directory). */
const zipOpsArb: fc.Arbitrary<ByteOps> = byteOpsArb.map((b) => ({
	...b,
	ops: b.ops.map((op) => (op.k === 'ins' || op.k === 'del' ? { k: 'flip' as const, at: op.at, bit: op.at % 8 } : op))
}));

function zipWith(base: FileBase, xml: string | Uint8Array): Uint8Array {
	return rezip({ ...base.parts!, 'word/document.xml': typeof xml === 'string' ? strToU8(xml) : xml }, base.zipLevel);
}

/** The mutated file of a case, and the cells whose text it changed. */
export function mutate(base: FileBase, c: FileCase): { bytes: Uint8Array; touched: Touched; note: string } {
	const { doc } = base;
	const charsetOf = (enc: Encoding): Encoding | 'gbk' => (base.charset === 'gbk' && enc === 'utf-8' ? 'gbk' : enc);
	if (c.mode === 'struct') {
		const m = applyStruct(base, c.op);
		if (base.kind === 'docx') return { bytes: zipWith(base, m.text), touched: m.touched, note: m.note };
		const text = base.kind === 'html' ? redeclare(m.text, c.decl) : m.text;
		const enc = charsetOf(c.enc);
		const extra = [enc !== 'utf-8' ? enc : '', c.decl !== 'keep' ? `declared ${c.decl}` : ''].filter(Boolean).join(', ');
		return { bytes: encode(text, enc), touched: m.touched, note: extra ? `${m.note}; ${extra}` : m.note };
	}
	if (c.mode === 'bytes') {
		// bytes of the text file (or of document.xml), traced back to cells through the encoding
		const enc = base.kind === 'docx' ? 'utf-8' : charsetOf(c.enc);
		const offsets = byteOffsets(doc.text, enc);
		const bytes = encode(doc.text, enc);
		const region = { start: offsets[doc.tableRegion.start], end: offsets[doc.tableRegion.end] };
		const m = applyBytes(bytes, c.bytes, region, byteLocator(doc, offsets), rowValueIds(doc));
		const note = `${enc !== 'utf-8' ? `${enc}, ` : ''}${base.kind === 'docx' ? 'document.xml ' : ''}bytes ${m.note}`;
		return { bytes: base.kind === 'docx' ? zipWith(base, m.bytes) : m.bytes, touched: m.touched, note };
	}
	// the .docx package itself (aimed at the stored bytes of word/document.xml): which cell a byte lands in is unknown
	const m = applyBytes(base.bytes, c.bytes, zipEntryRange(base.bytes, 'word/document.xml'));
	return { bytes: m.bytes, touched: m.touched, note: `zip bytes ${m.note}` };
}

async function judged(name: string, bytes: Uint8Array, expected: Record<string, number | null>, touched: Touched, note: string, limit: number): Promise<Outcome> {
	const t0 = performance.now();
	let res;
	try {
		res = await ingestBytes(name, bytes);
	} catch (e) {
		return { violations: [{ kind: 'crash', message: `ingestBytes threw: ${(e as Error)?.stack ?? e}` }], note, ok: false, ms: performance.now() - t0 };
	}
	const ms = performance.now() - t0;
	const violations = judge(res, expected, touched, ms, limit);
	// a promise the adapter rejected and never handled (it would end the ingest process) is a crash of this case
	await new Promise((r) => setTimeout(r, 0));
	const late = takeRejections();
	if (late.length) violations.push({ kind: 'crash', message: `unhandled rejection: ${[...new Set(late.map(describeError))].join(' | ')}` });
	return { violations, note, ok: res.ok, reason: res.ok ? undefined : res.reason, ms };
}

function describeError(e: unknown): string {
	const err = e as Error | undefined;
	return err && typeof err === 'object' && 'message' in err ? `${err.name ?? 'Error'}: ${err.message}` : String(e);
}

/** The fixed seed of the CI property tests (test/fuzz/*.test.ts). */
export const CI_SEED = 20250117;

/** `pool`: how many generated files to start from (fewer builds faster: the CI tests use a few). */
export function fileTarget(kind: Kind, source: 'generated' | 'corpus', pool = POOL): Target<FileCase> {
	const bases = source === 'generated' ? Math.min(pool, POOL) : 1;
	const get = (i: number) => (source === 'generated' ? generatedBase(kind, i) : corpusBase(kind));
	return {
		name: source === 'generated' ? kind : `corpus-${kind}`,
		arb: fileCaseArb(kind, bases),
		async run(c) {
			const base = await get(c.base);
			const m = mutate(base, c);
			return judged(base.name, m.bytes, base.expected, m.touched, `${base.name}: ${m.note}`, LIMIT_MS.text);
		}
	};
}

/** PDFs: bytes only (flips, inserts, deletions, truncation); no cell is known to be touched. */
export interface PdfCase {
	file: number;
	bytes: ByteOps;
}
export function pdfTarget(): Target<PdfCase> {
	return {
		name: 'corpus-pdf',
		arb: fc.record({ file: fc.nat({ max: CORPUS_PDFS.length - 1 }), bytes: byteOpsArb }),
		async run(c) {
			const file = CORPUS_PDFS[c.file];
			const bytes = corpusBytes(file);
			const m = applyBytes(bytes, { ...c.bytes, inTables: false }, { start: 0, end: bytes.length });
			return judged(file, m.bytes, corpusTruth()[file].cells, m.touched, `${file}: bytes ${m.note}`, LIMIT_MS.pdf);
		}
	};
}

/* ---------- promises an adapter rejects and never handles ---------- */

const rejections: unknown[] = [];
let tracking = false;
/** Collect unhandled rejections (instead of the process dying on them) for takeRejections(). */
export function trackRejections() {
	if (tracking) return;
	tracking = true;
	process.on('unhandledRejection', (r) => rejections.push(r));
}
/** The unhandled rejections since the last call, less pdfjs's own leftovers (see isPdfjsStrayRejection), which are counted. */
export function takeRejections(): unknown[] {
	const all = rejections.splice(0);
	const ours = all.filter((r) => !isPdfjsStrayRejection(r));
	pdfjsStrays += all.length - ours.length;
	return ours;
}
let pdfjsStrays = 0;
/** How many of pdfjs's own leftover rejections were let pass (the fuzz report prints it). */
export const pdfjsStrayCount = () => pdfjsStrays;

/** Every target, with its share of the runs. */
export function allTargets(): { target: Target<any>; weight: number }[] {
	const out: { target: Target<any>; weight: number }[] = [
		{ target: fileTarget('txt', 'generated'), weight: 24 },
		{ target: fileTarget('html', 'generated'), weight: 24 },
		{ target: fileTarget('docx', 'generated'), weight: 20 }
	];
	if (hasCorpus)
		out.push(
			{ target: fileTarget('txt', 'corpus'), weight: 10 },
			{ target: fileTarget('html', 'corpus'), weight: 10 },
			{ target: fileTarget('docx', 'corpus'), weight: 6 },
			{ target: pdfTarget(), weight: 2 }
		);
	return out;
}

/** A fast-check property over a target: throws with the violations, the mutation and the outcome. */
export function property<C>(t: Target<C>) {
	return fc.asyncProperty(t.arb, async (c) => {
		const o = await t.run(c);
		if (o.violations.length) throw new FuzzFailure(o);
	});
}

export class FuzzFailure extends Error {
	constructor(public outcome: Outcome) {
		super(`${outcome.note}\n  ${outcome.violations.map((v) => v.message).join('\n  ')}`);
		this.name = 'FuzzFailure';
	}
}

