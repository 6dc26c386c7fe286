import { describe, expect, it } from 'vitest';
import { extractHtml } from './html';
import { tables, paragraphs } from './model';

const enc = (s: string) => new TextEncoder().encode(s);

describe('html adapter', () => {
	const page = `<html><head><meta charset="utf-8"><title>某县2023年政府信息公开工作年度报告</title>
<script>var x = "<td>9</td>";</script><style>td{}</style></head><body>
<div class="nav">首页 &gt; 政务公开</div>
<div class="article"><p>一、总体情况</p><p>本年受理申请<b>3</b>件。</p>
<table><tbody><tr><td colspan="2" rowspan="3">说明</td><td>自然人<br/>申请</td></tr>
<tr><td>&nbsp;</td></tr><tr><td>1<span>2</span></td></tr>
<tr><td><table><tr><td>内</td></tr></table></td></tr></tbody></table>
六、其他需要报告的事项<br>无。</div></body></html>`;

	it('keeps spans, decodes entities, joins inline runs, skips scripts and nested table rows', () => {
		const doc = extractHtml('p.html', enc(page));
		expect(doc.title).toBe('某县2023年政府信息公开工作年度报告');
		const [t] = tables(doc);
		expect(t.rows.map((r) => r.map((c) => [c.text, c.colspan, c.rowspan]))).toEqual([
			[
				['说明', 2, 3],
				['自然人\n申请', 1, 1]
			],
			[['', 1, 1]],
			[['12', 1, 1]],
			[['内', 1, 1]]
		]);
		expect(paragraphs(doc).map((p) => p.text)).toEqual(['首页 > 政务公开', '一、总体情况', '本年受理申请3件。', '六、其他需要报告的事项', '无。']);
	});

	it('decodes a GBK page by its meta charset', () => {
		// <meta charset="gbk"><p>规章</p>
		const head = enc('<html><head><meta charset="gbk"></head><body><p>');
		const bytes = new Uint8Array([...head, 0xb9, 0xe6, 0xd5, 0xc2, ...enc('</p></body></html>')]);
		const doc = extractHtml('g.html', bytes);
		expect(doc.encoding).toBe('gb18030');
		expect(paragraphs(doc)[0].text).toBe('规章');
	});

	it('detects GBK without a declared charset', () => {
		const bytes = new Uint8Array([...enc('<p>'), 0xb9, 0xe6, 0xd5, 0xc2, ...enc('</p>')]);
		expect(paragraphs(extractHtml('g.html', bytes))[0].text).toBe('规章');
	});

	it('refuses empty and binary files', () => {
		expect(() => extractHtml('e.html', new Uint8Array())).toThrow(/文件为空/);
		expect(() => extractHtml('b.html', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0]))).toThrow(/二进制/);
	});
});
