import { describe, expect, it } from 'vitest';
import { extractTxt } from './txt';
import { ExtractError, tables } from './model';

const enc = (s: string) => new TextEncoder().encode(s);

describe('txt adapter (text extracted from .docx)', () => {
	const sample = [
		'某乡2024年政府信息公开工作年度报告',
		'',
		'二、主动公开政府信息情况',
		'\t信息内容',
		'\t本年',
		'制发件数',
		'\t现行有效件数',
		'',
		'\t规章',
		'\t0',
		'\t',
		'',
		'',
		'三、收到和处理政府信息公开申请情况'
	].join('\n');

	it('reads tab lines as cells, wrapped lines as continuations, blank lines as row ends', () => {
		const doc = extractTxt('a.txt', enc(sample));
		const [t] = tables(doc);
		expect(t.rows.map((r) => r.map((c) => c.text))).toEqual([
			['信息内容', '本年\n制发件数', '现行有效件数'],
			['规章', '0', '']
		]);
		expect(t.rows[1][1].where).toMatchObject({ line: 10, table: 0, row: 1, cell: 1 });
		expect(doc.blocks.filter((b) => b.kind === 'p').map((b) => (b.kind === 'p' ? b.text : ''))).toEqual([
			'某乡2024年政府信息公开工作年度报告',
			'二、主动公开政府信息情况',
			'三、收到和处理政府信息公开申请情况'
		]);
	});

	it('reads CRLF and a UTF-8 BOM', () => {
		const doc = extractTxt('a.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...enc(sample.replace(/\n/g, '\r\n'))]));
		expect(tables(doc)[0].rows[0][1].text).toBe('本年\n制发件数');
		expect(doc.encoding).toBe('utf-8');
	});

	it('reads GBK text', () => {
		// 规章 in GBK: B9 E6 D5 C2; 本年 = B1 BE C4 EA
		const gbk = new Uint8Array([0x09, 0xb9, 0xe6, 0xd5, 0xc2, 0x0a, 0x09, 0x30, 0x0a]);
		const doc = extractTxt('g.txt', gbk);
		expect(doc.encoding).toBe('gb18030');
		expect(tables(doc)[0].rows[0].map((c) => c.text)).toEqual(['规章', '0']);
	});

	it('two blank lines separate two tables', () => {
		const doc = extractTxt('a.txt', enc('\ta\n\n\n\tb\n'));
		expect(tables(doc)).toHaveLength(2);
	});

	it('refuses empty and binary files with a reason', () => {
		expect(() => extractTxt('e.txt', new Uint8Array())).toThrow(ExtractError);
		expect(() => extractTxt('e.txt', new Uint8Array())).toThrow(/文件为空/);
		expect(() => extractTxt('b.txt', new Uint8Array([0, 1, 2, 3, 0, 5]))).toThrow(/二进制/);
	});
});

describe('txt adapter: UTF-16 text', () => {
	it('reads UTF-16LE without a byte-order mark (Windows "Unicode" text)', () => {
		const s = '\t规章\n\t0\n';
		const bytes = new Uint8Array(s.length * 2);
		for (let i = 0; i < s.length; i++) {
			bytes[2 * i] = s.charCodeAt(i) & 0xff;
			bytes[2 * i + 1] = s.charCodeAt(i) >> 8;
		}
		const doc = extractTxt('u.txt', bytes);
		expect(doc.encoding).toBe('utf-16le');
		expect(tables(doc)[0].rows[0].map((c) => c.text)).toEqual(['规章', '0']);
	});
});
