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

	it('marks the rows whose markup is damaged, not the ones Word or a real page writes', () => {
		const row = (cells: string) => `<tr>${cells}</tr>`;
		const page = `<table>${[
			row('<td>甲</td><td>1</td></tr>'), // a stray end tag
			row('<td>乙</td><td>2</琀搀㸀㰀琀搀 渀漀>3</td>'), // bytes out of step: a bogus end tag swallowing a cell boundary
			row('<td 渀漀眀="1">丙</td><td>4</td>'), // ... or an attribute name
			row('<td title="<td>5</td>">丁</td>'), // a tag inside an attribute value: the quote was lost
			row('<td><![if !supportLists]>戊<![endif]><o:p></o:p></td><td x:num="6" style="a:b">6</td>'), // Word's own markup
			row('<td><!-- 注释 -->己</td><td>7</td>')
		].join('')}</table>`;
		const [t] = tables(extractHtml('d.html', enc(page)));
		expect(t.rows.map((r) => r.every((c) => c.damaged === r[0].damaged) && Boolean(r[0].damaged))).toEqual([false, true, true, true, false, false]);
		expect(t.rows[1][0].damaged).toMatch(/^的源文件标记损坏（“<\/琀搀/);
		expect(t.rows[2][0].damaged).toMatch(/属性名/);
		expect(t.rows[3][0].damaged).toMatch(/属性值中含有标签/);
		// damage outside the rows (the table's own markup) marks every row
		const [u] = tables(extractHtml('e.html', enc(`<table><tbody 琀="1"><tr><td>1</td></tr><tr><td>2</td></tr></tbody></table>`)));
		expect(u.rows.every((r) => r[0].damaged)).toBe(true);
	});

	it('keeps the DOM walk\'s edge rules: title search, damage after the rows, nested tables, a tag cut off at the end', () => {
		const title = (html: string) => extractHtml('t.html', enc(`${html}<p>正文</p>`)).title;
		expect(title('<head><title> 甲 </title></head><title>乙</title>')).toBe('甲');
		// an empty title ends the search among its siblings; it resumes after its parent
		expect(title('<div><title></title><title>乙</title></div><title>丙</title>')).toBe('丙');
		expect(title('<title></title><title>乙</title>')).toBeUndefined();
		expect(title('<svg><title>图</title></svg>')).toBe('图'); // found inside skipped elements too
		// damage in the table outside its rows, even after them, marks every row; inside a nested table it does not count
		const rows = (html: string) => tables(extractHtml('d.html', enc(html)))[0].rows;
		expect(rows('<table><tr><td>1</td></tr><tr><td>2</td></tr><tfoot 琀="1"></tfoot></table>').every((r) => r[0].damaged)).toBe(true);
		expect(rows('<table><tr><td>1<table><tr><td 琀="1">2</td></tr></table></td></tr></table>')[0][0]).toEqual({
			text: '12',
			colspan: 1,
			rowspan: 1,
			where: { table: 0, row: 0, cell: 0 }
		});
		// rows only directly under the table or its thead/tbody/tfoot; text outside cells goes nowhere
		expect(rows('<table>外<div><tr><td>不算</td></tr></div><tbody><tr>x<td>算</td></tr></tbody></table>').map((r) => r.map((c) => c.text))).toEqual([['算']]);
		// a file cut off inside a tag
		const cut = extractHtml('c.html', enc('<p>一</p><table><tr><td>1</td><td c'));
		expect(tables(cut)[0].rows.map((r) => r.map((c) => c.text))).toEqual([['1']]);
		expect(paragraphs(cut).map((p) => p.text)).toEqual(['一']);
	});

	it('refuses empty and binary files', () => {
		expect(() => extractHtml('e.html', new Uint8Array())).toThrow(/文件为空/);
		expect(() => extractHtml('b.html', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0]))).toThrow(/二进制/);
	});
});
