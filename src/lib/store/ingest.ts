/**
 * One file → one checked report, or a one-line reason it could not be read. Pure: runs in Node
 * (the ingest command) and in the browser (upload), on bytes the caller has read.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { extractDocx } from '../extract/docx';
import { extractHtml } from '../extract/html';
import { extractPdf } from '../extract/pdf';
import { ExtractError, type DocModel } from '../extract/model';
import { extractTxt } from '../extract/txt';
import { ParseError, parseReport, type ParseOptions, type Report } from '../parse';

type Adapter = (file: string, bytes: Uint8Array) => DocModel | Promise<DocModel>;

/** Adapters by file extension. */
export const ADAPTERS: Record<string, Adapter> = {
	'.txt': extractTxt,
	'.html': extractHtml,
	'.htm': extractHtml,
	'.docx': extractDocx,
	'.pdf': extractPdf,
	'.doc': legacyWord
};

/** Old binary Word files: say what to do instead of "unsupported type". */
function legacyWord(file: string): DocModel {
	throw new ExtractError(file, '是旧版 Word .doc 格式，无法直接读取，请在 Word/WPS 中另存为 .docx 后再导入');
}

/** Files larger than this are refused before reading (reports are well under 20 MB). */
export const MAX_BYTES = 50 * 1024 * 1024;

export function extensionOf(file: string): string {
	const m = file.toLowerCase().match(/\.[a-z0-9]+$/);
	return m ? m[0] : '';
}

export function isReportFile(file: string): boolean {
	return extensionOf(file) in ADAPTERS;
}

export type IngestResult = { ok: true; report: Report } | { ok: false; file: string; reason: string };

export function hashOf(bytes: Uint8Array): string {
	return bytesToHex(sha256(bytes));
}

export async function ingestBytes(
	file: string,
	bytes: Uint8Array,
	opts: Omit<ParseOptions, 'bytes' | 'sha256'> & {
		/** SHA-256 in hex, when the caller has a faster one than this pure-JS hash (the Node command uses node:crypto). */
		hash?: (bytes: Uint8Array) => string;
	} = {}
): Promise<IngestResult> {
	const { hash = hashOf, ...parseOpts } = opts;
	const adapter = ADAPTERS[extensionOf(file)];
	if (!adapter)
		return { ok: false, file, reason: `不支持的文件类型“${extensionOf(file) || '无扩展名'}”（支持 ${Object.keys(ADAPTERS).join(' ')}）` };
	if (bytes.length > MAX_BYTES) return { ok: false, file, reason: `文件过大（${(bytes.length / 1048576).toFixed(1)} MB，上限 ${MAX_BYTES / 1048576} MB）` };
	try {
		const doc = await adapter(file, bytes);
		const report = parseReport(doc, { ...parseOpts, bytes: bytes.length, sha256: hash(bytes) });
		return { ok: true, report };
	} catch (e) {
		if (e instanceof ExtractError || e instanceof ParseError) return { ok: false, file, reason: e.reason };
		return { ok: false, file, reason: `解析出错：${(e as Error).message ?? String(e)}` };
	}
}
