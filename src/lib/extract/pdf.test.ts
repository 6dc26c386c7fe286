import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestBytes } from '../store/ingest';
import { ExtractError, paragraphs, tables } from './model';
import { extractPdf, SCANNED_REASON } from './pdf';
import { limit } from '../../../test/timeouts';

/* ---------- a tiny PDF writer for fixtures (ASCII only; offsets computed) ---------- */

function stream(dict: string, data: string): string {
	return `<< ${dict} /Length ${data.length} >>\nstream\n${data}\nendstream`;
}

function buildPdf(objects: string[], trailerExtra = ''): Uint8Array {
	let out = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((body, i) => {
		offsets.push(out.length);
		out += `${i + 1} 0 obj\n${body}\nendobj\n`;
	});
	const xref = out.length;
	out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
	out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
	return new TextEncoder().encode(out);
}

function onePage(content: string, resources: string, extra: string[] = []): string[] {
	return [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources ${resources} /Contents 4 0 R >>`,
		stream('', content),
		...extra
	];
}

/** A scanned page: one image, no text at all. */
const scanned = buildPdf(
	onePage('q 495 0 0 742 50 50 cm /Im1 Do Q', '<< /XObject << /Im1 5 0 R >> >>', [
		stream('/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /ASCIIHexDecode', '80>')
	])
);

/** A ruled 3×4 table in Helvetica: a blank cell, a label wrapped over two lines, a number across a column line. */
const text = (x: number, y: number, s: string) => `BT /F1 10 Tf ${x} ${y} Td (${s}) Tj ET`;
const ruled = [
	'0.5 w',
	...[780, 750, 720, 690, 660].map((y) => `50 ${y} m 350 ${y} l S`),
	...[50, 150, 250, 350].map((x) => `${x} 660 m ${x} 780 l S`),
	text(50, 810, 'Report 2024 on open government information,'),
	text(50, 798, 'a paragraph wrapped over two lines.'),
	text(55, 762, 'Item'),
	text(155, 762, 'Count A'),
	text(255, 762, 'Count B'),
	text(55, 732, 'Alpha'),
	text(155, 732, '12'),
	text(155.4, 732, '12'), // printed twice, shifted (fake bold): read once
	text(55, 707, 'Wrapped'),
	text(55, 695, 'label'),
	text(155, 700, '7'),
	text(255, 700, '8'),
	text(55, 672, 'Beta'),
	text(243, 672, '99'),
	text(290, 30, '- 1 -')
].join('\n');
const tablePdf = buildPdf(onePage(ruled, '<< /Font << /F1 5 0 R >> >>', ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']));

/** Row labels over two columns: a rotated group label spanning two rows, and a label with a line drawn inside it. */
const grouped = buildPdf(
	onePage(
		[
			'0.5 w',
			'50 780 m 350 780 l S',
			'120 750 m 350 750 l S',
			'50 720 m 350 720 l S',
			'50 690 m 350 690 l S',
			...[50, 120, 200, 275, 350].map((x) => `${x} 690 m ${x} 780 l S`),
			'BT /F1 10 Tf 0 1 -1 0 90 745 Tm (Group) Tj ET',
			text(125, 762, 'Sub one'),
			text(205, 762, '1'),
			text(280, 762, '2'),
			text(125, 732, 'Sub two'),
			text(205, 732, '3'),
			text(55, 702, 'Single'),
			text(205, 702, '5'),
			text(280, 702, '6')
		].join('\n'),
		'<< /Font << /F1 5 0 R >> >>',
		['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']
	)
);

/** Chinese text in a font that is not embedded: needs the CMaps shipped in pdfjs-dist (read offline). */
const cjk = buildPdf(
	onePage('BT /F1 12 Tf 50 800 Td <4E2D6587> Tj ET', '<< /Font << /F1 5 0 R >> >>', [
		'<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
		'<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R >>',
		'<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>'
	])
);

const hex = (n: number) => Array.from({ length: n }, (_, i) => ((i * 37 + 11) % 256).toString(16).padStart(2, '0')).join('');
/** Encrypted with a user password that is not empty. */
const encrypted = buildPdf(
	onePage(text(50, 800, 'secret'), '<< /Font << /F1 5 0 R >> >>', [
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
		`<< /Filter /Standard /V 1 /R 2 /O <${hex(32)}> /U <${hex(32).split('').reverse().join('')}> /P -4 >>`
	]),
	`/Encrypt 6 0 R /ID [<${hex(16)}> <${hex(16)}>]`
);

async function reasonOf(p: Promise<unknown>): Promise<string> {
	try {
		await p;
	} catch (e) {
		expect(e).toBeInstanceOf(ExtractError);
		return (e as ExtractError).reason;
	}
	throw new Error('expected an ExtractError');
}

describe('pdf adapter: layout from positions and ruling lines', () => {
	it('rebuilds a ruled table cell by cell: blank cell kept, wrapped label joined, doubled text read once, straddling number marked', async () => {
		const doc = await extractPdf('t.pdf', tablePdf);
		expect(doc.kind).toBe('pdf');
		const [t] = tables(doc);
		expect(t.rows.map((r) => r.map((c) => c.text))).toEqual([
			['Item', 'Count A', 'Count B'],
			['Alpha', '12', ''],
			['Wrapped\nlabel', '7', '8'],
			['Beta', '99', '〔跨格文字：99〕']
		]);
		expect(t.rows[1][2].where).toMatchObject({ page: 1, table: 0, row: 1, cell: 2 });
		// the two running lines are one paragraph; the page number is dropped
		expect(paragraphs(doc).map((p) => p.text)).toEqual(['Report 2024 on open government information, a paragraph wrapped over two lines.']);
	});

	it('puts a rotated label into its own (row-spanning) cell and joins an empty half of a label to the label', async () => {
		const [t] = tables(await extractPdf('g.pdf', grouped));
		expect(t.rows.map((r) => r.map((c) => [c.text, c.colspan, c.rowspan]))).toEqual([
			[
				['Group', 1, 2],
				['Sub one', 1, 1],
				['1', 1, 1],
				['2', 1, 1]
			],
			[
				['Sub two', 1, 1],
				['3', 1, 1],
				['', 1, 1]
			],
			[
				['Single', 2, 1],
				['5', 1, 1],
				['6', 1, 1]
			]
		]);
	});

	it('reads Chinese text in a non-embedded font with the CMaps of pdfjs-dist, offline', async () => {
		expect(paragraphs(await extractPdf('c.pdf', cjk)).map((p) => p.text)).toEqual(['中文']);
	});

	it('does not consume the caller’s bytes', async () => {
		const copy = tablePdf.slice();
		await extractPdf('t.pdf', copy);
		expect(copy).toEqual(tablePdf);
	});
});

describe('pdf adapter: input it must refuse, with a reason', () => {
	it('empty bytes', async () => {
		expect(await reasonOf(extractPdf('a.pdf', new Uint8Array()))).toBe('文件为空');
	});

	it('random bytes', async () => {
		const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251);
		expect(await reasonOf(extractPdf('a.pdf', bytes))).toMatch(/不是 PDF 文件/);
	});

	it('a PDF header followed by garbage', async () => {
		const bytes = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...Uint8Array.from({ length: 4096 }, (_, i) => (i * 31) % 256), ...new TextEncoder().encode('\n%%EOF\n')]);
		expect(await reasonOf(extractPdf('a.pdf', bytes))).toMatch(/损坏/);
	});

	it('a truncated PDF', async () => {
		const cut = tablePdf.subarray(0, Math.floor(tablePdf.length * 0.3));
		expect(await reasonOf(extractPdf('a.pdf', cut))).toMatch(/不完整/);
	});

	it('a PDF without a text layer (a scan)', async () => {
		expect(await reasonOf(extractPdf('scan.pdf', scanned))).toBe(SCANNED_REASON);
		const res = await ingestBytes('scan.pdf', scanned);
		expect(res).toEqual({ ok: false, file: 'scan.pdf', reason: SCANNED_REASON });
	});

	it('an encrypted PDF', async () => {
		expect(await reasonOf(extractPdf('enc.pdf', encrypted))).toMatch(/加密/);
	});

	it('gives up after its time limit', async () => {
		expect(await reasonOf(extractPdf('t.pdf', tablePdf, { timeoutMs: 0 }))).toMatch(/超时/);
	});

	it('through ingestBytes: { ok: false } with the reason', async () => {
		expect(await ingestBytes('x.pdf', new Uint8Array())).toEqual({ ok: false, file: 'x.pdf', reason: '文件为空' });
	});
});

/* ---------- the real corpus: every cell of every PDF equals truth.json ---------- */

const CORPUS = resolve(process.env.CORPUS_DIR ?? resolve(import.meta.dirname, '../../../../shared/corpus'));
const hasCorpus = existsSync(resolve(CORPUS, 'truth.json'));
const CI = process.env.CI === 'true';
if (!hasCorpus && !CI) console.warn(`[skip] PDF corpus tests: real corpus not found at ${CORPUS}`);

const META: Record<string, { body: string; year: number }> = {
	'huaian_city_2024.pdf': { body: '淮安市人民政府', year: 2024 },
	'huaian_hongze_2023.pdf': { body: '淮安市洪泽区人民政府', year: 2023 },
	'huaian_hongze_2024.pdf': { body: '淮安市洪泽区人民政府', year: 2024 }
};

describe.skipIf(!hasCorpus && !CI)('pdf adapter on the real corpus', () => {
	if (!hasCorpus) {
		it('needs the real corpus', () => {
			throw new Error(`CI=true but the corpus is missing at ${CORPUS}`);
		});
		return;
	}
	const truth: Record<string, { format: string; cells: Record<string, number | null> }> = JSON.parse(readFileSync(resolve(CORPUS, 'truth.json'), 'utf8'));
	const files = Object.keys(truth).filter((f) => f.endsWith('.pdf'));
	let compared = 0;

	it('has PDFs', () => expect(files.length).toBeGreaterThan(0));

	for (const file of files) {
		it(`${file}: every cell equals truth.json, and the metadata`, async () => {
			const res = await ingestBytes(file, readFileSync(resolve(CORPUS, file)));
			if (!res.ok) throw new Error(`ingest failed: ${res.reason}`);
			const r = res.report;
			const t = truth[file];
			expect(r.format).toBe(t.format);
			expect(Object.keys(r.cells).sort()).toEqual(Object.keys(t.cells).sort());
			for (const [id, v] of Object.entries(t.cells)) expect(r.cells[id], id).toBe(v);
			if (META[file]) expect(r.meta).toMatchObject(META[file]);
			compared += Object.keys(t.cells).length;
			console.log(`${file}: ${Object.keys(t.cells).length} cells compared, all exact`);
		}, limit(60_000));
	}

	it('prints the total of cells compared', () => {
		const total = files.reduce((a, f) => a + Object.keys(truth[f].cells).length, 0);
		console.log(`PDF corpus: ${compared} of ${total} cells compared`);
		expect(compared).toBe(total);
	});

	// a damaged font or content stream can keep pdfjs from decoding drawn text (a viewer shows those cells
	// empty too): the rows with a blank cell on such a page are refused and named, never read as blanks.
	// Mutation 3 of 洪泽区 2024 lost the 0s of one column; mutation 21 of 淮安市 2024 lost the digits' font
	// (all of table 3 read blank, with no finding, before lostTextOps)
	it('damaged copies (byte flips, cuts, holes) end in a report or a reason, never in a wrong number or a silent blank', async () => {
		for (const [file, runs] of [
			['huaian_hongze_2024.pdf', 12],
			['huaian_city_2024.pdf', 22]
		] as const) {
			if (!files.includes(file)) continue;
			const real = new Uint8Array(readFileSync(resolve(CORPUS, file)));
			let seed = 7;
			const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
			let read = 0;
			let refusedRows = 0;
			for (let i = 0; i < runs; i++) {
				let b = real.slice();
				if (i % 3 === 0) for (let k = 0; k < 20; k++) b[Math.floor(rnd() * b.length)] = Math.floor(rnd() * 256);
				else if (i % 3 === 1) b = b.subarray(0, Math.floor(rnd() * b.length));
				else {
					const at = Math.floor(rnd() * b.length);
					b = new Uint8Array([...b.subarray(0, at), ...b.subarray(at + Math.floor(rnd() * 5000))]);
				}
				if (file === 'huaian_city_2024.pdf' && i !== 21) continue;
				const res = await ingestBytes(file, b);
				if (!res.ok) {
					expect(res.reason).toMatch(/\S/);
					continue;
				}
				read++;
				refusedRows += res.report.problems.filter((p) => p.kind === 'row.damaged').length;
				for (const [id, v] of Object.entries(res.report.cells)) expect(v, `${file} mutation ${i}: ${id}`).toBe(truth[file].cells[id]);
			}
			expect(read, file).toBeGreaterThan(0);
			expect(refusedRows, `${file}: rows refused for lost text`).toBeGreaterThan(0);
		}
	}, limit(180_000));

	it.runIf(process.env.PDF_BENCH)('throughput: each PDF 10 times', async () => {
		const bytes = files.map((f) => [f, readFileSync(resolve(CORPUS, f))] as const);
		const t0 = performance.now();
		for (let i = 0; i < 10; i++) for (const [f, b] of bytes) expect((await ingestBytes(f, b)).ok).toBe(true);
		const secs = (performance.now() - t0) / 1000;
		console.log(`PDF throughput: ${bytes.length * 10} reports in ${secs.toFixed(2)} s = ${((bytes.length * 10) / secs).toFixed(2)} reports/s`);
	}, limit(300_000));
});
