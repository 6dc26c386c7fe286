import { describe, expect, it } from 'vitest';
import { writeHtml } from '../generate/html';
import { writeTxt } from '../generate/txt';
import { extractHtml } from '../extract/html';
import { extractTxt } from '../extract/txt';
import { ParseError, parseReport } from './index';
import { randomSpec } from '../../../test/fixtures/specs';

const enc = new TextEncoder();
const opts = { bytes: 0, sha256: '0' };

function viaTxt(text: string, file = 'r.txt') {
	return parseReport(extractTxt(file, enc.encode(text)), opts);
}
function viaHtml(text: string, file = 'r.html') {
	return parseReport(extractHtml(file, enc.encode(text)), opts);
}

describe('parse: generated reports round-trip through both text adapters', () => {
	for (const format of ['2021', '2019'] as const)
		for (const seed of [1, 2, 3]) {
			const { spec, expected } = randomSpec(format, seed * 7 + (format === '2019' ? 100 : 0));
			it(`${format} format, seed ${seed}, txt`, () => {
				const r = viaTxt(writeTxt(spec));
				expect(r.format).toBe(format);
				expect(r.cells).toEqual(expected);
				expect(r.problems.filter((p) => p.kind !== 'cell.placeholder')).toEqual([]);
			});
			it(`${format} format, seed ${seed}, html`, () => {
				const r = viaHtml(writeHtml(spec, { boilerplate: true }));
				expect(r.format).toBe(format);
				expect(r.cells).toEqual(expected);
			});
		}

	it('keeps raw text and source location of every cell', () => {
		const { spec } = randomSpec('2021', 11);
		spec.values['t3.new.total'] = '1,234';
		const text = writeTxt(spec);
		const r = viaTxt(text);
		const d = r.detail['t3.new.total'];
		expect(d.value).toBe(1234);
		expect(d.raw).toBe('1,234');
		// the source location only: the line that prints it (its row and column are the id's, cellDef)
		expect(text.split('\n')[d.where.line! - 1]).toContain('1,234');
		expect(Object.keys(d.where).some((k) => ['tableKey', 'rowLabel', 'column'].includes(k))).toBe(false);
	});

	it('reads metadata and prose counts', () => {
		const { spec } = randomSpec('2021', 5, { title: '塔城地区托里县铁厂沟镇2022年政府信息公开工作年度报告' });
		spec.prose['一'] = ['2022年铁厂沟镇受理政府信息公开申请3件，行政复议1件。'];
		const r = viaTxt(writeTxt(spec));
		expect(r.meta).toMatchObject({ body: '塔城地区托里县铁厂沟镇', city: '塔城地区', county: '托里县', township: '铁厂沟镇', year: 2022 });
		expect(r.prose.map((p) => [p.key, p.value])).toEqual([
			['received', 3],
			['review', 1]
		]);
		expect(r.sections['一']).toContain('受理政府信息公开申请3件');
	});
});

describe('parse: real-world faults are reported, never guessed', () => {
	it('an omitted row leaves its ids absent', () => {
		const { spec, expected } = randomSpec('2021', 21, { omitRows: ['t3.other.misc'] });
		const r = viaTxt(writeTxt(spec));
		expect(Object.keys(r.cells).some((k) => k.startsWith('t3.other.misc.'))).toBe(false);
		expect(r.cells).toEqual(expected);
	});

	it('an unreadable cell is absent from cells and named in a problem', () => {
		const { spec } = randomSpec('2021', 22);
		spec.values['t3.granted.natural'] = '1 2';
		const r = viaHtml(writeHtml(spec));
		expect('t3.granted.natural' in r.cells).toBe(false);
		expect(r.problems).toContainEqual(expect.objectContaining({ kind: 'cell.unreadable', cells: ['t3.granted.natural'], raw: '1 2' }));
	});

	it('a row with a missing cell is not shifted: the whole row is reported', () => {
		const { spec } = randomSpec('2021', 23);
		const html = writeHtml(spec).replace(/(<td colspan="3">一、本年新收政府信息公开申请数量<\/td>)<td>[^<]*<\/td>/, '$1');
		const r = viaHtml(html);
		expect(Object.keys(r.cells).filter((k) => k.startsWith('t3.new.'))).toEqual([]);
		expect(r.problems).toContainEqual(expect.objectContaining({ kind: 'row.cell_count', row: 'new' }));
	});

	it('a stray cell in a row that ends in blank cells is not dropped: the row is reported, never shifted (fuzz)', () => {
		// found by test/fuzz: the blank 总计 was trimmed as "extra", so every value after the stray cell moved one column
		const { spec } = randomSpec('2021', 23);
		Object.assign(spec.values, { 't3.granted.natural': '3', 't3.granted.commercial': '4', 't3.granted.research': '', 't3.granted.total': '' });
		const html = writeHtml(spec).replace(/(<td colspan="2">（一）予以公开<\/td>)/, '$1<td>3</td>');
		const r = viaHtml(html);
		expect(Object.keys(r.cells).filter((k) => k.startsWith('t3.granted.'))).toEqual([]);
		expect(r.problems).toContainEqual(expect.objectContaining({ kind: 'row.cell_count', row: 'granted' }));
		// the same in the txt layout: a value line printed twice
		const txt = writeTxt(spec).replace(/(\t（一）予以公开\n\t3\n)/, '$1\t3\n');
		const t = viaTxt(txt);
		expect(Object.keys(t.cells).filter((k) => k.startsWith('t3.granted.'))).toEqual([]);
		expect(t.problems).toContainEqual(expect.objectContaining({ kind: 'row.cell_count', row: 'granted' }));
	});

	it('the single （六） row beside the rows it stands for is ambiguous: not read, reported (fuzz)', () => {
		// found by test/fuzz: with the label of （六）1. lost, its group label “（六）其他处理” read as the single row
		const { spec, expected } = randomSpec('2021', 27);
		const txt = writeTxt(spec).replace(/\t1\.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\n/, '');
		const r = viaTxt(txt);
		expect(Object.keys(r.cells).filter((k) => k.startsWith('t3.other.') && !k.startsWith('t3.other.overdue_') && !k.startsWith('t3.other.misc.'))).toEqual([]);
		expect(r.problems).toContainEqual(
			expect.objectContaining({ kind: 'row.ambiguous', row: 'other', cells: expect.arrayContaining(['t3.other.natural', 't3.other.total']) })
		);
		expect(r.cells['t3.other.misc.natural']).toBe(expected['t3.other.misc.natural']);
		// the single row alone (the 2019 layout inside a 2021 report) still reads
		const single = randomSpec('2021', 28);
		single.spec.singleOther = true;
		for (const c of ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org', 'total']) single.spec.values[`t3.other.${c}`] = '1';
		const s = viaTxt(writeTxt(single.spec));
		expect(s.cells['t3.other.total']).toBe(1);
		expect(s.problems.filter((p) => p.kind === 'row.ambiguous')).toEqual([]);
	});

	it('a row whose markup a decoding slip swallowed is not read: its cells would have slid (fuzz)', () => {
		// found by `npm run fuzz` on the Shanghai page in UTF-16 with one byte lost: the text out of step
		// read as one bogus end tag “</琀搀㸀…” from the 部分公开 row to the middle of the 总计 row, so the rest
		// of the 总计 row's cells stood in the 部分公开 row, in columns where the page prints blanks
		const { spec, expected } = randomSpec('2021', 31);
		const html = writeHtml(spec, { boilerplate: true });
		const from = html.indexOf('</td>', html.indexOf('</td>', html.indexOf('（二）部分公开')) + 5) + '</td>'.length;
		const total = html.indexOf('（七）总计');
		const to = html.indexOf('<td', html.indexOf('</td>', html.indexOf('</td>', total) + 5));
		const damaged = `${html.slice(0, from)}</琀搀㸀㰀琀搀 渀漀眀爀愀瀀>${html.slice(to)}`;
		const r = viaHtml(damaged);
		expect(r.problems).toContainEqual(
			expect.objectContaining({ kind: 'row.damaged', row: 'partial', cells: expect.arrayContaining(['t3.partial.natural', 't3.partial.total']) })
		);
		expect(Object.keys(r.cells).filter((k) => k.startsWith('t3.partial.'))).toEqual([]);
		// every number still read is the printed one
		for (const [id, v] of Object.entries(r.cells)) expect([id, v]).toEqual([id, expected[id]]);
		// the same page undamaged reads the row
		expect(viaHtml(html).cells['t3.partial.total']).toBe(expected['t3.partial.total']);
	});

	it('table 4 without its header is not read: a blank grid is not a blank table 4 (fuzz)', () => {
		// found by test/fuzz on a damaged PDF: the page text was lost, its ruled grid became 15 blank cells read as table 4
		const { spec } = randomSpec('2021', 29);
		const txt = writeTxt(spec);
		const at = txt.indexOf('四、政府信息公开行政复议');
		const end = txt.indexOf('五、');
		const headless = txt.slice(at, end).split('\n').filter((l) => !/^\t.*[\p{Script=Han}]/u.test(l)).join('\n');
		const r = viaTxt(txt.slice(0, at) + headless + txt.slice(end));
		expect(Object.keys(r.cells).filter((k) => k.startsWith('t4.'))).toEqual([]);
		expect(r.problems).toContainEqual(expect.objectContaining({ kind: 'table.missing', table: 't4', cells: expect.arrayContaining(['t4.review.total']) }));
	});

	it('a label typo within edit distance is read and flagged', () => {
		const { spec, expected } = randomSpec('2021', 24);
		const r = viaTxt(writeTxt(spec).replace('本机关不掌握相关政府信息', '本机关不掌握相关政付信息'));
		expect(r.cells).toEqual(expected);
		expect(r.problems).toContainEqual(expect.objectContaining({ kind: 'row.fuzzy_label', row: 'unable.not_held' }));
	});

	it('placeholders (— / 无) are blank with the raw text kept', () => {
		const { spec } = randomSpec('2021', 25);
		spec.values['t4.review.other'] = '—';
		const r = viaTxt(writeTxt(spec));
		expect(r.cells['t4.review.other']).toBeNull();
		expect(r.detail['t4.review.other'].raw).toBe('—');
	});

	it('rejects a report from before 2019 with a clear reason', () => {
		const text = '某县人民政府2017年政府信息公开工作年度报告\n一、概述\n2017年，本县主动公开信息100条。\n';
		expect(() => viaTxt(text)).toThrow(ParseError);
		expect(() => viaTxt(text)).toThrow(/早于2019年/);
	});

	it('rejects a document with no report tables', () => {
		expect(() => viaTxt('某县2023年政府信息公开工作年度报告\n只有文字，没有表格。\n')).toThrow(/没有找到年度报告的统计表格/);
	});

	it('assumes the format from the year when table 2 is missing, and says so', () => {
		const { spec } = randomSpec('2021', 26);
		const txt = writeTxt(spec);
		const start = txt.indexOf('二、主动公开政府信息情况');
		const end = txt.indexOf('三、收到和处理');
		const r = viaTxt(txt.slice(0, start) + txt.slice(end).replace('（六）其他处理', '（六）其他处理'));
		expect(r.format).toBe('2021');
		expect(r.problems).toContainEqual(expect.objectContaining({ kind: 'table.missing', table: 't2' }));
	});
});

describe('parse: a value cell holding words', () => {
	// the first data row of table 3 decides where the data begins: a wordy value in it must not drop the table
	for (const [name, via, write] of [
		['txt', viaTxt, writeTxt],
		['html', viaHtml, (s: Parameters<typeof writeHtml>[0]) => writeHtml(s)]
	] as const)
		it(`${name}: “<img …>” in 本年新收·自然人 is one unreadable cell, the rest of table 3 is read`, () => {
			const { spec, expected } = randomSpec('2021', 31);
			spec.values['t3.new.natural'] = '<img src=x onerror=alert(1)>';
			spec.values['t3.granted.commercial'] = '见附件';
			const r = via(write(spec));
			const unreadable = r.problems.filter((p) => p.kind === 'cell.unreadable');
			expect(unreadable.map((p) => [p.cells, p.raw, p.message])).toEqual([
				[['t3.new.natural'], '<img src=x onerror=alert(1)>', '“<img src=x onerror=alert(1)>”不是一个数字'],
				[['t3.granted.commercial'], '见附件', '“见附件”不是一个数字']
			]);
			const { ['t3.new.natural']: _a, ['t3.granted.commercial']: _b, ...rest } = expected;
			expect(r.cells).toEqual(rest);
			expect(r.problems.filter((p) => p.kind !== 'cell.placeholder' && p.kind !== 'cell.unreadable')).toEqual([]);
		});
});
