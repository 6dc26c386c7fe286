/**
 * Bytes → text for the text formats. Reports arrive in UTF-8 (with or without BOM), UTF-16 from
 * Windows tools, or GBK/GB18030 from older Chinese sites. TextDecoder (WHATWG Encoding, in Node
 * and browsers) does the decoding; this module only decides which encoding to use.
 */

export interface Decoded {
	text: string;
	encoding: string;
}

function tryDecode(bytes: Uint8Array, label: string): string | undefined {
	try {
		return new TextDecoder(label, { fatal: true }).decode(bytes);
	} catch {
		return undefined;
	}
}

/** Map charset labels seen on Chinese sites to the WHATWG name that decodes them all. */
function canonicalCharset(label: string): string {
	const l = label.trim().toLowerCase();
	if (['gb2312', 'gbk', 'gb18030', 'x-gbk', 'cp936'].includes(l)) return 'gb18030';
	if (l === 'utf8') return 'utf-8';
	return l;
}

/**
 * Decode text bytes. `declared` is a charset the container states (HTML meta); it is honoured when
 * the bytes are valid in it. Otherwise: BOM, then strict UTF-8, then GB18030.
 */
export function decodeText(bytes: Uint8Array, declared?: string): Decoded {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
		return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
	const bomless = utf16WithoutBom(bytes);
	if (bomless) return { text: new TextDecoder(bomless).decode(bytes), encoding: bomless };
	if (declared) {
		const enc = canonicalCharset(declared);
		const t = tryDecode(bytes, enc);
		if (t !== undefined) return { text: t, encoding: enc };
	}
	const utf8 = tryDecode(bytes, 'utf-8');
	if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
	const gb = tryDecode(bytes, 'gb18030');
	if (gb !== undefined) return { text: gb, encoding: 'gb18030' };
	throw new Error('无法识别文本编码（既不是 UTF-8 也不是 GBK/GB18030）');
}

/** UTF-16 saved without a byte-order mark: every other byte of CJK/ASCII text is often zero. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
	const n = Math.min(bytes.length - (bytes.length % 2), 4096);
	if (n < 8) return undefined;
	let evenZero = 0;
	let oddZero = 0;
	for (let i = 0; i < n; i += 2) {
		if (bytes[i] === 0) evenZero++;
		if (bytes[i + 1] === 0) oddZero++;
	}
	const pairs = n / 2;
	if (oddZero / pairs > 0.3 && evenZero / pairs < 0.05) return 'utf-16le';
	if (evenZero / pairs > 0.3 && oddZero / pairs < 0.05) return 'utf-16be';
	return undefined;
}

/** Find a charset declared in the first bytes of an HTML page (meta charset / http-equiv). */
export function sniffHtmlCharset(bytes: Uint8Array): string | undefined {
	// one character per byte, as a latin1 (windows-1252) TextDecoder gives but without building one per file: the two
	// differ only in bytes 0x80–0x9F, which map to no '>', no whitespace, no ASCII letter either way, so the match is the same
	const head = String.fromCharCode.apply(null, bytes.subarray(0, 4096) as unknown as number[]);
	const m = head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i);
	return m?.[1];
}

/** True when the bytes look like binary data rather than text (NUL bytes, many control chars). */
export function looksBinary(bytes: Uint8Array): boolean {
	const n = Math.min(bytes.length, 8192);
	let ctrl = 0;
	for (let i = 0; i < n; i++) {
		const b = bytes[i];
		if (b === 0) return !(bytes[0] === 0xff || bytes[0] === 0xfe || utf16WithoutBom(bytes));
		if (b < 9 || (b > 13 && b < 32)) ctrl++;
	}
	return n > 0 && ctrl / n > 0.05;
}
