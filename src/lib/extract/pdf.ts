/**
 * Adapter for PDF reports with a text layer, read with pdfjs-dist (legacy build: runs on Node 20
 * and in browsers). For each page it takes the positioned text items and the ruling lines drawn on
 * the page, rebuilds the ruled tables cell by cell (merged cells, blank cells, wrapped labels,
 * vertical labels in their own cell) and the running text as paragraphs; see pdf-layout.ts and
 * pdf-grid.ts. A PDF without any text (a scan) is refused: its numbers are never guessed.
 *
 * pdfjs runs without a Web Worker: the worker module is loaded into the same thread (talking to it
 * over a DirectPort, which hands messages over without cloning them), so nothing is fetched from
 * the network. Fonts are parsed for their metrics and Unicode maps but never loaded for display
 * (see skipFontLoading). Cost per report is mostly pdfjs's own: sanitising the embedded font
 * programs (about half), parsing each page's content twice (text, then ruling lines) and zlib.
 * CMaps and standard fonts (needed only by PDFs that do not embed their fonts) are read from the
 * pdfjs-dist package folder in Node; a browser caller passes their URLs (or a worker port) once
 * with configurePdf().
 */
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { ExtractError, type Block, type DocModel } from './model';
import { layoutPages, type PageInput } from './pdf-layout';
import type { PdfText } from './pdf-grid';
import { lostTextOps, rulingLines, type OpCodes } from './pdf-ops';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

export interface PdfResources {
	/** Folder URLs (ending in '/') of pdfjs-dist's cmaps/, standard_fonts/ and wasm/ (file paths in Node). */
	cMapUrl?: string;
	standardFontDataUrl?: string;
	wasmUrl?: string;
	/** A pdfjs BinaryDataFactory class, to serve those files some other way. */
	BinaryDataFactory?: unknown;
	/** A port to a real pdf.worker (browser); without it pdfjs runs in this thread. */
	workerPort?: unknown;
}

export interface PdfOptions {
	/** Give up after this long (ms) per document. */
	timeoutMs?: number;
	/** Refuse documents with more pages than this. */
	maxPages?: number;
}

/** The exception classes pdfjs's worker side throws (its BaseException subclasses set `name`). */
const PDFJS_EXCEPTIONS = new Set(['XRefEntryException', 'XRefParseException', 'FormatError', 'InvalidPDFException', 'MissingDataException', 'UnknownErrorException', 'PasswordException', 'AbortException', 'ResponseException']);

/**
 * Whether an unhandled rejection is one pdfjs leaves behind inside itself on a damaged file: its
 * page-tree walk (Catalog.getPageDict) prefetches the top-level page dictionaries into a cache and
 * never awaits the ones it does not need, so a bad cross-reference entry rejects with nobody
 * listening. The document itself has been answered by then (read, or refused with its reason), so
 * callers (ingest command, its workers, the upload worker, the fuzz oracle) let these pass and
 * treat any other unhandled rejection as a fault.
 */
export function isPdfjsStrayRejection(reason: unknown): boolean {
	return reason instanceof Error && PDFJS_EXCEPTIONS.has(reason.name);
}

export const SCANNED_REASON = '扫描版 PDF，没有文字层，无法读取表格（不做猜测）';
const DEFAULTS: Required<PdfOptions> = { timeoutMs: 60_000, maxPages: 500 };

let resources: PdfResources | undefined;
let loaded: Promise<Pdfjs> | undefined;

/** Where pdfjs finds CMaps, standard fonts and its worker (call before the first extractPdf). */
export function configurePdf(r: PdfResources): void {
	resources = { ...resources, ...r };
}

/** In Node: the pdfjs-dist package folder, found at run time (no node: import in this module). */
function nodeDefaults(): PdfResources {
	const proc = (globalThis as { process?: { versions?: { node?: string }; getBuiltinModule?: (m: string) => unknown } }).process;
	if (!proc?.versions?.node || typeof proc.getBuiltinModule !== 'function') return {};
	try {
		const mod = proc.getBuiltinModule('module') as { createRequire(u: string): { resolve(s: string): string } };
		const pkg = mod.createRequire(import.meta.url).resolve('pdfjs-dist/package.json').replace(/package\.json$/, '');
		return { cMapUrl: `${pkg}cmaps/`, standardFontDataUrl: `${pkg}standard_fonts/`, wasmUrl: `${pkg}wasm/` };
	} catch {
		return {};
	}
}

/**
 * The legacy build's core-js replaces these natives, for the whole process, with spec-complete
 * versions that are 4–7 times slower (JSON.stringify/parse for JSON.rawJSON, push for lengths past
 * 2^32); pdfjs needs none of that, so the natives are put back after loading it.
 */
const NATIVES = [
	[Array.prototype, 'push'],
	[JSON, 'stringify'],
	[JSON, 'parse']
] as const;

/** The worker side of pdfjs, when it runs in this thread. */
interface WorkerModule {
	WorkerMessageHandler?: { initializeFromPort?(port: unknown): void };
}

let workerModule: WorkerModule | undefined;

async function pdfjs(): Promise<Pdfjs> {
	loaded ??= (async () => {
		const natives = NATIVES.map(([o, k]) => Object.getOwnPropertyDescriptor(o, k));
		const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
		resources = { ...nodeDefaults(), ...resources };
		if (resources.workerPort) lib.GlobalWorkerOptions.workerPort = resources.workerPort as Worker;
		else {
			// the worker's message handler in this thread: pdfjs uses it instead of starting a worker
			// @ts-expect-error pdfjs-dist ships no type declarations for its worker module
			workerModule = (await import('pdfjs-dist/legacy/build/pdf.worker.mjs')) as WorkerModule;
			inflateInThread();
		}
		NATIVES.forEach(([o, k], i) => {
			const d = natives[i];
			if (d && (o as unknown as Record<string, unknown>)[k] !== d.value) Object.defineProperty(o, k, d);
		});
		return lib;
	})();
	return loaded;
}

/**
 * In Node, with pdfjs's worker side in this thread: pdfjs inflates each compressed stream (every page's content, every
 * font) through DecompressionStream when there is one, and Node's runs zlib on its thread pool, a round trip per
 * stream: this thread sat idle ~13 ms of a generated report's ~55 ms. Without DecompressionStream pdfjs inflates in
 * this thread with its own decoder (the path it takes where there is none): the same bytes; in interleaved rounds on a
 * noisy machine (2026-11-24) a median of 12.6 against 11.4 generated PDFs per wall second, 3.0 against 1.3 real ones.
 * The global goes for the whole process; in Node that is
 * the ingest command and its workers, and nothing else in this project uses it. Browsers keep theirs (pdfjs runs in
 * its own worker there, and their DecompressionStream does not hop threads).
 */
function inflateInThread(): void {
	const proc = (globalThis as { process?: { versions?: { node?: string } } }).process;
	if (proc?.versions?.node && 'DecompressionStream' in globalThis) delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;
}

type Listener = (event: { data: unknown }) => void;

/**
 * One end of an in-thread message channel between pdfjs's main side and its worker side. pdfjs's
 * own in-thread channel (LoopbackPort) structuredClones every message, as a real worker boundary
 * would: a fifth of the time went into cloning operator lists and text items that this thread only
 * reads. Here a message is handed over as it is, in a microtask like LoopbackPort. The one thing
 * the worker side reuses after sending is a stream chunk's arrays (an operator list chunk's
 * fnArray/argsArray are emptied after each flush), so a chunk's array members are copied (shallow).
 * Transferred buffers are shared rather than detached; the sender never touches them again (with a
 * real worker they would be detached).
 */
class DirectPort {
	peer: DirectPort | undefined;
	private listeners = new Set<Listener>();

	postMessage(message: unknown): void {
		const peer = this.peer;
		if (!peer) return;
		const event = { data: copyChunk(message) };
		queueMicrotask(() => {
			for (const listener of peer.listeners) listener.call(peer, event);
		});
	}

	addEventListener(type: string, listener: Listener, options?: { signal?: AbortSignal }): void {
		if (type !== 'message' || options?.signal?.aborted) return;
		this.listeners.add(listener);
		options?.signal?.addEventListener('abort', () => this.listeners.delete(listener), { once: true });
	}

	removeEventListener(type: string, listener: Listener): void {
		if (type === 'message') this.listeners.delete(listener);
	}

	close(): void {
		this.listeners.clear();
		if (this.peer) this.peer.peer = undefined;
		this.peer = undefined;
	}
}

function copyChunk(message: unknown): unknown {
	const chunk = (message as { chunk?: unknown } | null)?.chunk;
	if (!chunk || typeof chunk !== 'object' || Array.isArray(chunk)) return message;
	const copy: Record<string, unknown> = { ...(chunk as Record<string, unknown>) };
	for (const k in copy) if (Array.isArray(copy[k])) copy[k] = (copy[k] as unknown[]).slice();
	return { ...(message as object), chunk: copy };
}

/** A pdfjs worker running in this thread over a DirectPort; undefined where that is not possible. */
function directWorker(lib: Pdfjs): { worker: InstanceType<Pdfjs['PDFWorker']>; close(): void } | undefined {
	const init = workerModule?.WorkerMessageHandler?.initializeFromPort;
	if (typeof init !== 'function') return undefined;
	const main = new DirectPort();
	const side = new DirectPort();
	main.peer = side;
	side.peer = main;
	try {
		init.call(workerModule!.WorkerMessageHandler, side);
		const worker = lib.PDFWorker.create({ port: main as unknown as Worker, verbosity: lib.VerbosityLevel.ERRORS });
		return {
			worker,
			close() {
				worker.destroy();
				main.close();
				side.close();
			}
		};
	} catch {
		main.close();
		side.close();
		return undefined;
	}
}

function indexOfBytes(bytes: Uint8Array, pattern: string, from: number, to: number): number {
	const end = Math.min(bytes.length, to) - pattern.length;
	const first = pattern.charCodeAt(0);
	outer: for (let i = Math.max(0, from); i <= end; i++) {
		if (bytes[i] !== first) continue;
		for (let j = 1; j < pattern.length; j++) if (bytes[i + j] !== pattern.charCodeAt(j)) continue outer;
		return i;
	}
	return -1;
}

/** A text item in page space; undefined for blanks. */
function toText(it: TextItem, vertical: boolean): PdfText | undefined {
	const str = it.str;
	if (!str || !str.trim()) return undefined;
	const [a, b, c, d, e, f] = it.transform as number[];
	const size = Math.hypot(c, d) || Math.hypot(a, b) || it.height || 1;
	const rotated = Math.abs(b) > 1e-3 * Math.abs(a) || Math.abs(c) > 1e-3 * Math.abs(d) || a < 0 || d < 0;
	if (rotated) {
		const ux = a / (Math.hypot(a, b) || 1);
		const uy = b / (Math.hypot(a, b) || 1);
		const vx = c / (Math.hypot(c, d) || 1);
		const vy = d / (Math.hypot(c, d) || 1);
		const xs: number[] = [];
		const ys: number[] = [];
		for (const t of [0, it.width]) for (const s of [-0.2 * size, 0.8 * size]) xs.push(e + ux * t + vx * s), ys.push(f + uy * t + vy * s);
		const y1 = Math.max(...ys);
		return { str, x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1, base: y1, size, vertical, rotated };
	}
	if (vertical) return { str, x0: e, x1: e + Math.max(it.width, size), y0: f - Math.max(it.height, size), y1: f, base: f, size, vertical, rotated };
	return { str, x0: e, x1: e + it.width, y0: f - 0.2 * size, y1: f + 0.8 * size, base: f, size, vertical, rotated };
}

/**
 * Nothing is drawn, so the fonts pdfjs posts with each operator list are not loaded into a document
 * (in Node there is none: loading would fail and pdfjs would fall back to posting a path for every
 * glyph, as it does with disableFontFace). pdfjs has no option for this; if its private field is
 * ever gone, only speed suffers.
 */
function skipFontLoading(doc: unknown): void {
	const loader = (doc as { _transport?: { fontLoader?: { bind?: unknown } } })._transport?.fontLoader;
	if (loader && typeof loader.bind === 'function') loader.bind = async () => undefined;
}

/**
 * Text a damaged font or content stream kept pdfjs from reading leaves a blank where the page prints
 * something: on a page with such losses, a table row with a blank cell is marked damaged (the parser
 * then refuses the row and names its cells) instead of reading the blank as the printed value.
 */
function markLostText(blocks: Block[], lostByPage: Map<number, number>): Block[] {
	if (!lostByPage.size) return blocks;
	for (const b of blocks) {
		if (b.kind !== 'table') continue;
		for (const row of b.rows) {
			const page = row.find((c) => !c.text.trim() && c.where.page !== undefined && lostByPage.has(c.where.page))?.where.page;
			if (page === undefined) continue;
			const damaged = `所在的 PDF 第 ${page} 页有 ${lostByPage.get(page)} 处文字无法解码（字体或内容流损坏），其中的空白格可能是读不出的数字`;
			for (const c of row) c.damaged = damaged;
		}
	}
	return blocks;
}

function withTimeout<T>(p: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const limit = new Promise<never>((_, reject) => {
		timer = setTimeout(() => {
			onTimeout();
			reject(new Error('timeout'));
		}, ms);
	});
	return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}

function reasonOf(e: unknown, ms: number): string {
	const err = e as { name?: string; message?: string };
	if (err?.message === 'timeout') return `读取 PDF 超时（超过 ${ms >= 1000 ? `${Math.round(ms / 1000)} 秒` : `${ms} 毫秒`}），已放弃`;
	if (err?.name === 'PasswordException') return 'PDF 文件已加密（需要密码才能打开），无法读取';
	if (err?.name === 'InvalidPDFException') return 'PDF 文件已损坏，结构无效，无法读取';
	return `PDF 文件无法读取：${err?.message ?? String(e)}`;
}

export async function extractPdf(file: string, bytes: Uint8Array, options: PdfOptions = {}): Promise<DocModel> {
	const opts = { ...DEFAULTS, ...options };
	if (bytes.length === 0) throw new ExtractError(file, '文件为空');
	if (indexOfBytes(bytes, '%PDF-', 0, 1024) < 0) throw new ExtractError(file, '不是 PDF 文件（缺少 %PDF 文件头）');
	if (indexOfBytes(bytes, '%%EOF', bytes.length - 8192, bytes.length) < 0)
		throw new ExtractError(file, 'PDF 文件不完整（文件末尾缺少 %%EOF，可能下载中断或被截断），无法可靠读取');

	const lib = await pdfjs();
	const OPS = lib.OPS as unknown as OpCodes;
	const direct = directWorker(lib);
	const task = lib.getDocument({
		data: new Uint8Array(bytes), // a copy: pdfjs takes ownership of the buffer it is given
		isEvalSupported: false,
		useSystemFonts: false,
		// false: with true, getOperatorList turns every glyph drawn into a path and posts it to this
		// thread (two thirds of its time, and a damaged glyph silently cut the operator list short);
		// the fonts it posts instead are not loaded (skipFontLoading)
		disableFontFace: false,
		fontExtraProperties: false,
		enableXfa: false,
		stopAtErrors: true,
		verbosity: lib.VerbosityLevel.ERRORS,
		cMapUrl: resources?.cMapUrl,
		cMapPacked: true,
		standardFontDataUrl: resources?.standardFontDataUrl,
		wasmUrl: resources?.wasmUrl,
		...(direct ? { worker: direct.worker } : {}),
		...(resources?.BinaryDataFactory ? { BinaryDataFactory: resources.BinaryDataFactory } : {})
	} as Parameters<Pdfjs['getDocument']>[0]);

	const read = async () => {
		const doc = await task.promise;
		skipFontLoading(doc);
		if (doc.numPages > opts.maxPages) throw new ExtractError(file, `PDF 有 ${doc.numPages} 页，超过上限 ${opts.maxPages} 页，不像年度报告`);
		const pages: PageInput[] = [];
		const lostByPage = new Map<number, number>();
		let texts = 0;
		for (let n = 1; n <= doc.numPages; n++) {
			try {
				const page = await doc.getPage(n);
				const content = await page.getTextContent({ includeMarkedContent: false });
				const items: PdfText[] = [];
				for (const it of content.items) {
					if (!('str' in it)) continue;
					const t = toText(it, !!content.styles[it.fontName]?.vertical);
					if (t) items.push(t);
				}
				texts += items.length;
				// ruling lines only where there is text to place (skips decoding the images of scanned pages)
				const ops = items.length ? await page.getOperatorList() : undefined;
				const lines = ops ? rulingLines(ops.fnArray, ops.argsArray, OPS) : [];
				const lost = ops ? lostTextOps(ops.fnArray, ops.argsArray, OPS) : 0;
				if (lost) lostByPage.set(n, lost);
				pages.push({ page: n, bottom: page.view[1], top: page.view[3], items, lines });
				page.cleanup();
			} catch (e) {
				if (e instanceof ExtractError || task.destroyed) throw e;
				throw new ExtractError(file, `PDF 第 ${n} 页无法读取：${(e as Error)?.message ?? String(e)}`);
			}
		}
		if (texts === 0) {
			// text is drawn but none could be decoded (e.g. CMaps not available): not a scan
			for (let n = 1; n <= Math.min(3, doc.numPages); n++) {
				const ops = await (await doc.getPage(n)).getOperatorList();
				if (ops.fnArray.some((fn) => fn === lib.OPS.showText || fn === lib.OPS.showSpacedText))
					throw new ExtractError(file, 'PDF 中的文字无法解码（字体编码表 CMap 不可用或字体损坏），无法读取');
			}
			throw new ExtractError(file, SCANNED_REASON);
		}
		const info = ((await doc.getMetadata().catch(() => undefined))?.info ?? {}) as { Title?: unknown };
		const title = typeof info.Title === 'string' && info.Title.trim() ? info.Title.trim() : undefined;
		return { file, kind: 'pdf' as const, ...(title ? { title } : {}), blocks: markLostText(layoutPages(pages), lostByPage) };
	};

	const reading = read();
	reading.catch(() => undefined); // after a timeout its rejection is not awaited
	try {
		return await withTimeout(reading, opts.timeoutMs, () => void task.destroy().catch(() => undefined));
	} catch (e) {
		if (e instanceof ExtractError) throw e;
		throw new ExtractError(file, reasonOf(e, opts.timeoutMs));
	} finally {
		await task.destroy().catch(() => undefined);
		direct?.close();
	}
}
