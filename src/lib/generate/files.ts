/**
 * A report spec as the bytes of a file: .txt (docx-text layout, UTF-8), .html (UTF-8 or GBK, as
 * older portals publish them), .docx (a real Word package from the docx builder) or .pdf (ruled
 * tables in an embedded CJK font, from the PDFKit writer).
 */
import iconv from 'iconv-lite';
import type { ReportSpec } from './document';
import { buildDocx } from './docx';
import { buildPdf } from './pdf';
import { writeHtml } from './html';
import { writeTxt } from './txt';

export type FileKind = 'txt' | 'html' | 'docx' | 'pdf';
export type Charset = 'utf-8' | 'gbk';

export interface FileOptions {
	charset?: Charset;
	/** Portal navigation and footer around the article (html), naming the site's owner. */
	boilerplate?: boolean;
	site?: string;
	/** Seed for how a .docx splits its text into runs. */
	seed?: number;
}

const utf8 = new TextEncoder();

export async function fileBytes(spec: ReportSpec, kind: FileKind, o: FileOptions = {}): Promise<Uint8Array> {
	if (kind === 'txt') return utf8.encode(writeTxt(spec));
	if (kind === 'docx') return buildDocx(spec, { seed: o.seed ?? 1, creator: '演示数据生成器' });
	if (kind === 'pdf') return buildPdf(spec, { creator: '演示数据生成器' });
	const html = writeHtml(spec, { charset: o.charset ?? 'utf-8', boilerplate: o.boilerplate, site: o.site });
	if (o.charset !== 'gbk') return utf8.encode(html);
	const bytes = iconv.encode(html, 'gbk');
	// every character must survive: iconv-lite writes '?' for one GBK lacks
	if (iconv.decode(bytes, 'gbk') !== html) throw new Error(`${spec.title}：含有 GBK 无法表示的字符`);
	return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** What a generated report needs to become a file (demo.ts GeneratedReport has these fields). */
export interface FileOf {
	spec: ReportSpec;
	kind: FileKind;
	charset?: Charset;
	docxSeed: number;
	/** The portal owner named in a web page's footer. */
	site: string;
}

/** The bytes of a generated report's file: web pages with the portal's navigation and footer. */
export function bytesOf(g: FileOf): Promise<Uint8Array> {
	return fileBytes(g.spec, g.kind, { charset: g.charset, seed: g.docxSeed, boilerplate: g.kind === 'html', site: g.site });
}
