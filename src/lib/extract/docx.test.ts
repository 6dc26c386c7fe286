import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8, strToU8, zipSync } from 'fflate';
import { extractDocx } from './docx';
import { ExtractError, paragraphs, tables, type DocModel, type Paragraph } from './model';
import { ingestBytes, type IngestResult } from '../store/ingest';
import { FORMATS, cellsOf, type FormatVersion } from '../template';
import type { ReportSpec } from '../generate/document';
import { buildDocx, docxFromXml } from '../generate/docx';
import { randomSpec } from '../../../test/fixtures/specs';
import { rng } from '../generate/random';
import { corpusFile, describeCorpus, hasCorpus, truth } from '../../../test/corpus';

const texts = (doc: DocModel) => paragraphs(doc).map((p) => p.text);
const grid = (doc: DocModel, i = 0) => tables(doc)[i].rows.map((r) => r.map((c) => c.text));

async function ingestOk(file: string, bytes: Uint8Array) {
	const res = await ingestBytes(file, bytes);
	if (!res.ok) throw new Error(`ingest failed: ${res.reason}`);
	return res.report;
}

async function ingestFail(file: string, bytes: Uint8Array): Promise<string> {
	const res: IngestResult = await ingestBytes(file, bytes);
	expect(res.ok).toBe(false);
	return res.ok ? '' : res.reason;
}

const PROSE: ReportSpec['prose'] = {
	一: ['（一）主动公开政府信息情况。本年度主动公开政府信息199件。', '（二）依申请公开情况。本年度受理政府信息公开申请0件。'],
	五: ['存在的主要问题：信息公开的及时性有待提高。'],
	六: ['本年度未收取信息处理费。']
};

/** A spec whose printed values are the given cells (null → blank), leaving out rows that have no id. */
function specFromCells(format: FormatVersion, title: string, cells: Record<string, number | null>): ReportSpec {
	const rows = new Map<string, string[]>();
	for (const c of cellsOf(format)) {
		if (c.row.alternativeOf) continue;
		const row = `${c.table}.${c.row.key}`;
		rows.set(row, [...(rows.get(row) ?? []), c.id]);
	}
	const omitRows = [...rows].filter(([, ids]) => ids.every((id) => !(id in cells))).map(([row]) => row);
	const values = Object.fromEntries(Object.entries(cells).map(([id, v]) => [id, v === null ? '' : String(v)]));
	return {
		title,
		format,
		values,
		omitRows,
		prose: PROSE
	};
}

function documentXml(docx: Uint8Array): string {
	return strFromU8(unzipSync(docx, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']);
}

/* ---------------------------------------------------------------------------------------------- */

describeCorpus('docx adapter on the real blank 2021 template (template_2021_blank.docx)', () => {
	const file = 'template_2021_blank.docx';

	it('reads the three Word tables with their merges, blank cells as empty text', () => {
		const doc = extractDocx(file, corpusFile(file));
		expect(doc.kind).toBe('docx');
		const ts = tables(doc);
		expect(ts).toHaveLength(3);
		expect(ts.map((t) => t.rows.length)).toEqual([14, 28, 4]);
		// table 2: full-width spaces in value cells read as ''
		expect(grid(doc, 0)[2]).toEqual(['规章', '', '', '']);
		expect(ts[0].rows[6][1]).toMatchObject({ text: '', colspan: 3, rowspan: 1 });
		// table 3: the 三、本年度办理结果 cell spans the 22 result rows; its continuations are empty cells
		const t3 = ts[1].rows;
		expect(t3[5][0]).toMatchObject({ text: '三、本年度办理结果', rowspan: 22, colspan: 1 });
		expect(t3[6][0]).toMatchObject({ text: '', rowspan: 1 });
		expect(t3[7].slice(0, 3).map((c) => [c.text, c.rowspan])).toEqual([
			['', 1],
			['（三）不予公开', 8],
			['1.属于国家秘密', 1]
		]);
		expect(t3[8].map((c) => c.text)).toEqual(['', '', '2.其他法律行政法规禁止公开', '', '', '', '', '', '', '']);
		expect(t3[2].map((c) => c.text)).toEqual(['', '', '商业\n企业', '科研\n机构', '社会公益组织', '法律服务机构', '其他', '']);
		expect(t3[0][0]).toMatchObject({ colspan: 3, rowspan: 3 });
		// table 4: two-level header, then the row of 15 value cells
		expect(ts[2].rows[1].map((c) => c.rowspan)).toEqual([2, 2, 2, 2, 2, 1, 1]);
		expect(ts[2].rows[3]).toHaveLength(15);
		expect(ts[2].rows[3][14].where).toEqual({ table: 2, row: 3, cell: 14 });
		// paragraphs in order, with their index among the body's paragraphs
		expect(texts(doc)).toEqual([
			'政府信息公开工作年度报告格式模板',
			'一、总体情况',
			'（文字描述）',
			'二、主动公开政府信息情况',
			'三、收到和处理政府信息公开申请情况',
			'四、政府信息公开行政复议、行政诉讼情况',
			'五、存在的主要问题及改进情况',
			'（文字描述）',
			'六、其他需要报告的事项',
			'（文字描述，收取信息处理费情况在此处报告。）'
		]);
		expect(paragraphs(doc)[0].where).toEqual({ paragraph: 1 });
		// document order: paragraph, table, paragraph …
		expect(doc.blocks.map((b) => b.kind[0]).join('')).toBe('pppptptptpppp');
	});

	it('ingests to the 2021 format with exactly the truth cells: all 200 ids, every one null', async () => {
		const report = await ingestOk(file, corpusFile(file));
		const want = truth()[file];
		expect(report.format).toBe(want.format);
		expect(report.format).toBe('2021');
		expect(report.cells).toEqual(want.cells);
		expect(Object.keys(report.cells).sort()).toEqual(Object.keys(want.cells).sort());
		expect(Object.values(report.cells).every((v) => v === null)).toBe(true);
		expect(report.problems.filter((p) => p.kind.startsWith('row.') || p.kind.startsWith('cell.') || p.kind.startsWith('table.'))).toEqual([]);
	});

	it('has no body and no year in the document: the report says they are missing', async () => {
		const bytes = corpusFile(file);
		const report = await ingestOk(file, bytes);
		expect(report.meta.body).toBeNull();
		expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'meta.missing', message: expect.stringContaining('单位名称') }));
		// the document gives no year (the parser's last resort is the file name, whose "2021" is the format)
		expect(report.meta.from.year === '标题' || report.meta.from.year === '正文').toBe(false);
		const neutral = await ingestOk('template_blank.docx', bytes);
		expect(neutral.meta.body).toBeNull();
		expect(neutral.meta.year).toBeNull();
		expect(neutral.problems.filter((p) => p.kind === 'meta.missing').map((p) => p.message)).toEqual([
			expect.stringContaining('单位名称'),
			expect.stringContaining('年份')
		]);
	});
});

/* ---------------------------------------------------------------------------------------------- */

describe('docx built from report values (docx library, runs split, real merges)', () => {
	if (!hasCorpus) console.warn('[docx] real corpus not found: the 托里县库普乡 values are replaced by seeded generated ones');

	it(`a 2021 report with ${hasCorpus ? 'the 托里县库普乡 2024 truth values' : 'seeded generated values'} reads back exactly`, async () => {
		const title = '托里县库普乡2024年政府信息公开工作年度报告';
		let spec: ReportSpec;
		let expected: Record<string, number | null>;
		if (hasCorpus) {
			expected = truth()['toli_kupu_2024.txt'].cells;
			spec = specFromCells('2021', title, expected);
			expect(spec.omitRows).toEqual(['t3.other.misc']); // the report prints only rows 1 and 2 of （六）
		} else {
			const g = randomSpec('2021', 2024, { title, omitRows: ['t3.other.misc'] });
			({ spec, expected } = g);
			spec = { ...spec, prose: PROSE };
		}
		const bytes = await buildDocx(spec, { seed: 5 });
		// the file really has Word merges and numbers split over runs
		const xml = documentXml(bytes);
		expect(xml).toMatch(/<w:gridSpan w:val="3"\/>/);
		expect(xml).toMatch(/<w:vMerge w:val="restart"\/>/);
		expect(xml).toMatch(/<w:vMerge w:val="continue"\/>/);
		expect(xml).toContain('w:name="_GoBack"');

		const report = await ingestOk('toli_kupu_2024.docx', bytes);
		expect(report.source.kind).toBe('docx');
		expect(report.format).toBe('2021');
		expect(report.cells).toEqual(expected);
		expect(report.meta).toMatchObject({ body: '托里县库普乡', year: 2024, county: '托里县', township: '库普乡' });
		expect(report.problems).toEqual([]);
		expect(Object.keys(report.sections)).toEqual(['一', '五', '六']);
		expect(report.prose.length).toBeGreaterThan(0);
	});

	it.each([1, 2, 3])('2021 format, seed %i: multi-digit numbers split one digit per run, blanks as full-width spaces, tracked changes', async (seed) => {
		const { spec, expected } = randomSpec('2021', seed);
		const bytes = await buildDocx(spec, { seed, blankText: '\u3000\u3000', revisions: true });
		const xml = documentXml(bytes);
		expect(xml).toContain('<w:del ');
		expect(xml).toContain('<w:ins ');
		// some number of 2+ digits is printed, and no w:t of the value cells holds two digits
		expect(Object.values(spec.values).some((v) => /\d\d/.test(v))).toBe(true);
		const tablesXml = xml.slice(xml.indexOf('<w:tbl>'), xml.lastIndexOf('</w:tbl>'));
		expect(tablesXml).not.toMatch(/<w:t(?: [^>]*)?>[0-9０-９]{2,}<\/w:t>/);
		const report = await ingestOk(`seed${seed}.docx`, bytes);
		expect(report.format).toBe('2021');
		expect(report.cells).toEqual(expected);
		expect(report.problems.filter((p) => p.kind !== 'cell.placeholder')).toEqual([]);
	});

	it('2019 trial format reads back exactly', async () => {
		const { spec, expected } = randomSpec('2019', 11);
		const report = await ingestOk('trial.docx', await buildDocx(spec, { seed: 11 }));
		expect(report.format).toBe('2019');
		expect(report.cells).toEqual(expected);
	});

	it('reads the same without split runs', async () => {
		const { spec, expected } = randomSpec('2021', 42);
		const report = await ingestOk('plain.docx', await buildDocx(spec, { splitRuns: false, bookmark: false }));
		expect(report.cells).toEqual(expected);
	});

	it('the builder covers every row of the template (nothing hard-coded a second time)', async () => {
		const { spec } = randomSpec('2021', 9);
		const doc = extractDocx('x.docx', await buildDocx(spec));
		const t3 = FORMATS['2021'].tables.find((t) => t.key === 't3')!;
		const printed = t3.blocks[0].rows.filter((r) => !r.alternativeOf).length;
		expect(tables(doc)[1].rows).toHaveLength(3 + printed);
	});
});

/* ---------------------------------------------------------------------------------------------- */

const P = (inner: string) => `<w:p>${inner}</w:p>`;
const R = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const TC = (inner: string, pr = '') => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${inner || '<w:p/>'}</w:tc>`;
const TR = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
const TBL = (...rows: string[]) => `<w:tbl><w:tblPr/><w:tblGrid/>${rows.join('')}</w:tbl>`;

describe('docx adapter: text of paragraphs', () => {
	it('joins runs, keeps tabs, turns line breaks into paragraph blocks', () => {
		const doc = extractDocx(
			'a.docx',
			docxFromXml(
				P(R('本年度共主动公开') + R('1') + R('9') + R('9') + R('件')) +
					P('') +
					P(R('一、总体情况') + '<w:r><w:br/></w:r>' + R('（一）主动') + '<w:r><w:tab/></w:r>' + R('公开')) +
					P(R('\u3000\u3000缩进的段落\u00a0 ') )
			)
		);
		expect(texts(doc)).toEqual(['本年度共主动公开199件', '一、总体情况', '（一）主动\t公开', '缩进的段落']);
		expect(paragraphs(doc).map((p: Paragraph) => p.where.paragraph)).toEqual([0, 2, 2, 3]);
	});

	it('skips deleted text, keeps inserted text, ignores field instructions, bookmarks, hidden runs and text boxes', () => {
		const doc = extractDocx(
			'a.docx',
			docxFromXml(
				P(
					'<w:bookmarkStart w:id="0" w:name="_GoBack"/>' +
						R('受理') +
						'<w:del w:id="1" w:author="a"><w:r><w:delText>9</w:delText></w:r></w:del>' +
						'<w:ins w:id="2" w:author="a">' + R('1') + '</w:ins>' +
						R('2') +
						'<w:bookmarkEnd w:id="0"/>' +
						'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
						R('件') +
						'<w:r><w:fldChar w:fldCharType="end"/></w:r>' +
						'<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>' +
						'<w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t>。</w:t></w:r>' +
						'<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></wp:inline></w:drawing></w:r>' +
						'<mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:drawing/></w:r></mc:Choice><mc:Fallback><w:r><w:pict><w:txbxContent><w:p>' + R('旧文本框') + '</w:p></w:txbxContent></w:pict></w:r></mc:Fallback></mc:AlternateContent>' +
						'<w:hyperlink r:id="x" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' + R('（链接）') + '</w:hyperlink>' +
						'<w:fldSimple w:instr="DATE">' + R('2025年') + '</w:fldSimple>'
				) + '<w:sdt><w:sdtPr/><w:sdtContent>' + P(R('内容控件中的段落')) + '</w:sdtContent></w:sdt>'
			)
		);
		expect(texts(doc)).toEqual(['受理12件。（链接）2025年', '内容控件中的段落']);
	});

	it('reads the strict OOXML namespace too', () => {
		const doc = extractDocx('s.docx', docxFromXml(P(R('严格格式')), { namespace: 'http://purl.oclc.org/ooxml/wordprocessingml/main' }));
		expect(texts(doc)).toEqual(['严格格式']);
	});

	it('finds the main part through _rels/.rels when it is not word/document.xml', () => {
		const body = docxFromXml(P(R('正文')));
		const parts = unzipSync(body);
		const moved = zipSync({
			'_rels/.rels': strToU8(
				'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
					'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>'
			),
			'word/document2.xml': parts['word/document.xml']
		});
		expect(texts(extractDocx('m.docx', moved))).toEqual(['正文']);
	});
});

describe('docx adapter: tables', () => {
	it('colspan from gridSpan; vertical merges as empty continuation cells and a rowspan; where of each cell', () => {
		const doc = extractDocx(
			'a.docx',
			docxFromXml(
				P(R('前言')) +
					TBL(
						TR(TC(P(R('组')), '<w:vMerge w:val="restart"/>'), TC(P(R('标题')), '<w:gridSpan w:val="2"/>')),
						TR(TC('', '<w:vMerge/>'), TC(P(R('1') + R('2'))), TC(P(R('\u3000\u3000')))),
						TR(TC('', '<w:vMerge w:val="continue"/>'), TC(P(R('3'))), TC(P(R('\u00a0')))),
						TR(TC(P(R('下一组'))), TC(P(R('4'))), TC(P('')))
					) +
					P(R('后记'))
			)
		);
		expect(doc.blocks.map((b) => b.kind)).toEqual(['p', 'table', 'p']);
		const [t] = tables(doc);
		expect(grid(doc)).toEqual([
			['组', '标题'],
			['', '12', ''],
			['', '3', ''],
			['下一组', '4', '']
		]);
		expect(t.rows[0].map((c) => [c.colspan, c.rowspan])).toEqual([
			[1, 3],
			[2, 1]
		]);
		expect(t.rows[1][0]).toEqual({ text: '', colspan: 1, rowspan: 1, where: { table: 0, row: 1, cell: 0 } });
		expect(t.rows[3][0].rowspan).toBe(1);
		expect(t.rows[2][1].where).toEqual({ table: 0, row: 2, cell: 1 });
	});

	it('a merge in a later column and a wide merged cell track grid columns, also after gridBefore', () => {
		const doc = extractDocx(
			'a.docx',
			docxFromXml(
				TBL(
					TR(TC(P(R('A')), '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>'), TC(P(R('B')), '<w:vMerge w:val="restart"/>')),
					TR(TC('', '<w:gridSpan w:val="2"/><w:vMerge/>'), TC('', '<w:vMerge/>')),
					'<w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr>' + TC('', '<w:vMerge/>') + '</w:tr>'
				)
			)
		);
		const [t] = tables(doc);
		expect(t.rows.map((r) => r.map((c) => [c.text, c.colspan, c.rowspan]))).toEqual([
			[
				['A', 2, 2],
				['B', 1, 3]
			],
			[
				['', 2, 1],
				['', 1, 1]
			],
			[['', 1, 1]]
		]);
	});

	it('cell text: paragraphs joined by newlines, nested tables kept in the cell, legacy hMerge, deleted and hidden rows skipped', () => {
		const doc = extractDocx(
			'a.docx',
			docxFromXml(
				TBL(
					TR(TC(P(R('商业')) + P('') + P(R('企业'))), TC(P(R('外')) + TBL(TR(TC(P(R('内1'))), TC(P(R('内2'))))))),
					TR(TC(P(R('宽')), '<w:hMerge w:val="restart"/>'), TC('', '<w:hMerge/>')),
					'<w:tr><w:trPr><w:del w:id="9" w:author="a"/></w:trPr>' + TC(P(R('删除的行'))) + '</w:tr>',
					'<w:tr><w:trPr><w:hidden/></w:trPr>' + TC(P(R('隐藏的行'))) + '</w:tr>',
					'<w:sdt><w:sdtContent>' + TR(TC(P(R('控件行')))) + '</w:sdtContent></w:sdt>'
				)
			)
		);
		expect(tables(doc)).toHaveLength(1); // the nested table is not a block of its own
		expect(grid(doc)).toEqual([['商业\n企业', '外\n内1\n内2'], ['宽'], ['控件行']]);
		expect(tables(doc)[0].rows[1][0].colspan).toBe(2);
	});
});

/* ---------------------------------------------------------------------------------------------- */

const CORRUPT = '文件已损坏或不是 Word 文档';

describe('docx adapter: bad input gives a reason, never a crash', () => {
	let valid: Uint8Array;
	const validDocx = async () => (valid ??= await buildDocx(randomSpec('2021', 3).spec));

	it('empty file', async () => {
		expect(await ingestFail('e.docx', new Uint8Array())).toBe('文件为空');
		expect(() => extractDocx('e.docx', new Uint8Array())).toThrow(ExtractError);
	});

	it('random bytes', async () => {
		const r = rng(99);
		const bytes = Uint8Array.from({ length: 4096 }, () => r.int(0, 255));
		expect(await ingestFail('r.docx', bytes)).toContain(CORRUPT);
		// random bytes that start like a zip
		bytes[0] = 0x50;
		bytes[1] = 0x4b;
		expect(await ingestFail('r.docx', bytes)).toContain(CORRUPT);
	});

	it('a truncated docx (the first half of a valid one)', async () => {
		const v = await validDocx();
		const reason = await ingestFail('t.docx', v.subarray(0, Math.floor(v.length / 2)));
		expect(reason).toContain(CORRUPT);
		expect(reason).toContain('不完整');
	});

	it('a zip without word/document.xml', async () => {
		const zip = zipSync({ 'readme.txt': strToU8('hello'), '_rels/.rels': strToU8('<Relationships/>') });
		expect(await ingestFail('z.docx', zip)).toContain('没有 Word 正文（word/document.xml）');
		const xlsx = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') });
		expect(await ingestFail('x.docx', xlsx)).toContain('Excel');
		expect(await ingestFail('empty.docx', zipSync({}))).toContain('word/document.xml');
	});

	it('an old binary .doc (OLE header) and a password-protected docx', async () => {
		const ole = new Uint8Array(2048);
		ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
		expect(await ingestFail('old.docx', ole)).toContain('是旧版 Word .doc 格式，请另存为 .docx');
		const enc = ole.slice();
		enc.set(
			Array.from('EncryptedPackage').flatMap((c) => [c.charCodeAt(0), 0]),
			1024
		);
		expect(await ingestFail('locked.docx', enc)).toContain('已加密');
	});

	it('a PDF or RTF file named .docx', async () => {
		expect(await ingestFail('p.docx', strToU8('%PDF-1.7\n...'))).toContain('PDF');
		expect(await ingestFail('p.docx', strToU8('{\\rtf1\\ansi 内容}'))).toContain('RTF');
	});

	it('document.xml that is not XML, not WordprocessingML, or has no body', async () => {
		const bad = (xml: string) => docxFromXml('', { files: { 'word/document.xml': xml } });
		expect(await ingestFail('x.docx', bad('<w:document><w:body>'))).toContain(CORRUPT);
		expect(await ingestFail('x.docx', bad('not xml at all'))).toContain(CORRUPT);
		expect(await ingestFail('x.docx', bad('<html><body/></html>'))).toContain(CORRUPT);
		expect(await ingestFail('x.docx', bad(''))).toContain(CORRUPT);
		expect(await ingestFail('x.docx', bad('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'))).toContain('没有正文');
	});

	it('a document with no text (e.g. only a scanned image)', async () => {
		expect(await ingestFail('img.docx', docxFromXml(P('') + P('<w:r><w:drawing/></w:r>')))).toContain('没有文字内容');
	});

	it('corrupted compressed data inside the zip', async () => {
		const v = (await validDocx()).slice();
		const text = strFromU8(v, true);
		const at = text.indexOf('word/document.xml') + 200; // inside the deflate stream of the first entry's data
		for (let i = at; i < at + 64; i++) v[i] ^= 0xa5;
		expect(await ingestFail('c.docx', v)).toContain(`${CORRUPT}（压缩包数据损坏`);
	});

	it('a damaged byte in a stored (uncompressed) part is caught by the CRC, not read as another digit (fuzz)', async () => {
		// found by test/fuzz: fflate does not check CRC-32, so "3" flipped to "7" in a stored document.xml was read as 7
		const spec = randomSpec('2021', 3).spec;
		spec.values['t2.rules.issued'] = '3';
		const stored = zipSync(unzipSync(await buildDocx(spec, { splitRuns: false })), { level: 0 });
		expect((await ingestOk('s.docx', stored)).cells['t2.rules.issued']).toBe(3);
		const text = strFromU8(stored, true);
		const re = /<w:t(?: [^>]*)?>3<\/w:t>/g;
		re.lastIndex = text.indexOf('规章');
		const m = re.exec(text)!;
		const at = m.index + m[0].indexOf('>') + 1;
		const damaged = stored.slice();
		damaged[at] ^= 0x04; // '3' → '7'
		expect(await ingestFail('s.docx', damaged)).toContain('校验和不符');
	});

	it('fuzz: 300 truncations and byte flips of a valid docx each end in a report or a reason, quickly', async () => {
		const v = await validDocx();
		const r = rng(7);
		const started = Date.now();
		for (let k = 0; k < 300; k++) {
			let bytes: Uint8Array;
			if (k % 3 === 0) bytes = v.subarray(0, r.int(0, v.length - 1));
			else {
				bytes = v.slice();
				for (let j = r.int(1, 20); j > 0; j--) bytes[r.int(0, bytes.length - 1)] = r.int(0, 255);
			}
			let res: IngestResult | undefined;
			try {
				res = await ingestBytes('f.docx', bytes);
			} catch (e) {
				throw new Error(`case ${k}: ingestBytes threw ${(e as Error).message}`);
			}
			if (!res.ok) expect(res.reason, `case ${k}`).not.toMatch(/^解析出错/);
		}
		expect(Date.now() - started).toBeLessThan(20000);
	});
});
