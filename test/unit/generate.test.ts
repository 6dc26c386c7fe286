/**
 * The demo county generator and the scale generator: deterministic, every file parses back to exactly
 * the values the generator intended, marked as demo data, and the checks find every planted fault at
 * its documented report — and no error anywhere else.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAll, type CheckedReport, type Finding } from '../../src/lib/check';
import { DEMO_BODIES, DEMO_FAULTS, DEMO_SEED, REAL_REPORTS, demoCounty, type GeneratedReport } from '../../src/lib/generate/demo';
import { bytesOf } from '../../src/lib/generate/files';
import { scaleReports } from '../../src/lib/generate/scale';
import type { Report } from '../../src/lib/parse';
import { extractPdf } from '../../src/lib/extract/pdf';
import { paragraphs } from '../../src/lib/extract/model';
import { ingestBytes } from '../../src/lib/store/ingest';
import { DEMO_MARKER } from '../../src/lib/template';
import { describeWithCjkFont, hasCjkFont } from '../cjk-font';
import { corpusFile, describeCorpus } from '../corpus';
import { limit } from '../timeouts';

const TSX = join(import.meta.dirname, '../../node_modules/.bin/tsx');
const SCRIPT = join(import.meta.dirname, '../../scripts/generate.ts');


async function parse(file: string, bytes: Uint8Array): Promise<Report> {
	const res = await ingestBytes(file, bytes);
	if (!res.ok) throw new Error(`${file}: ${res.reason}`);
	return res.report;
}

/** The first quoted count of each prose key, as the N1 check compares them. */
function proseFirst(r: Report): Record<string, number> {
	const out: Record<string, number> = {};
	for (const p of r.prose) if (!(p.key in out)) out[p.key] = p.value;
	return out;
}

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
}

// the demo county has PDF reports, which embed a system CJK font
describeWithCjkFont('demo county generator', () => {
	const demo = demoCounty();
	const files = new Map<string, Uint8Array>();
	const byFile = new Map<string, CheckedReport>();
	let checked: CheckedReport[] = [];

	beforeAll(async () => {
		for (const g of demo) files.set(g.file, await bytesOf(g));
		const parsed: Report[] = [];
		for (const g of demo) parsed.push(await parse(g.file, files.get(g.file)!));
		checked = checkAll(parsed);
		for (const r of checked) byFile.set(r.source.file, r);
	}, limit(120_000));

	const reportOf = (code: string, year: number) => demo.find((g) => g.code === code && g.year === year);
	const findingsOf = (g: GeneratedReport | undefined) => byFile.get(g!.file)!.findings;
	const all = (): Finding[] => checked.flatMap((r) => r.findings);

	it('is deterministic: the same seed gives the same reports and the same bytes (txt, html UTF-8 and GBK, docx, pdf)', async () => {
		expect(demoCounty(DEMO_SEED)).toEqual(demo);
		const samples = [
			demo.find((g) => g.kind === 'txt')!,
			demo.find((g) => g.kind === 'html' && g.charset === 'utf-8')!,
			demo.find((g) => g.kind === 'html' && g.charset === 'gbk')!,
			demo.find((g) => g.kind === 'docx')!,
			demo.find((g) => g.kind === 'pdf')!
		];
		for (const g of samples) expect(Buffer.from(await bytesOf(g)).equals(Buffer.from(files.get(g.file)!)), g.file).toBe(true);
		// another seed: same bodies and years, other numbers
		const other = demoCounty(7);
		expect(other.map((g) => `${g.body} ${g.year}`)).toEqual(demo.map((g) => `${g.body} ${g.year}`));
		expect(other.map((g) => g.expected)).not.toEqual(demo.map((g) => g.expected));
	});

	it('npm run generate -- demo writes exactly these files, byte for byte', () => {
		const out = mkdtempSync(join(tmpdir(), 'gen-demo-'));
		try {
			const r = spawnSync(TSX, [SCRIPT, 'demo', '--out', out], { encoding: 'utf8' });
			expect(r.status, r.stderr).toBe(0);
			expect(r.stdout).toMatch(/演示数据：124 份报告/);
			expect(readdirSync(out).sort()).toEqual([...files.keys()].sort());
			for (const [f, b] of files) expect(readFileSync(join(out, f)).equals(Buffer.from(b)), f).toBe(true);
		} finally {
			rmSync(out, { recursive: true, force: true });
		}
	}, limit(60_000));

	it('covers 托里县: 7 townships, the county government and 10 departments × 2019–2025, minus the real and the missing report', () => {
		expect(DEMO_BODIES.filter((b) => b.kind === 'township').map((b) => b.name)).toEqual(['托里镇', '铁厂沟镇', '庙尔沟镇', '多拉特乡', '乌雪特乡', '库普乡', '阿克别里斗乡']);
		expect(DEMO_BODIES.filter((b) => b.kind === 'department')).toHaveLength(10);
		expect(demo).toHaveLength(DEMO_BODIES.length * 7 - 2);
		expect(new Set(demo.map((g) => g.file)).size).toBe(demo.length);
		for (const g of demo) expect(g.file).toMatch(/^toli_[a-z]+_20(19|2[0-5])\.(txt|html|docx|pdf)$/);
		// the formats by year, and a mix of file kinds
		for (const g of demo) expect(g.format).toBe(g.year <= 2020 ? '2019' : '2021');
		const kinds = new Set(demo.map((g) => `${g.kind}${g.charset ? `:${g.charset}` : ''}`));
		expect(kinds).toEqual(new Set(['txt', 'html:utf-8', 'html:gbk', 'docx', 'pdf']));
		// 阿克别里斗乡, 自然资源局 and 卫生健康委员会 publish PDFs; one of them carries a planted fault
		expect(new Set(demo.filter((g) => g.kind === 'pdf').map((g) => g.code))).toEqual(new Set(['akebielidou', 'zrzyj', 'wjw']));
		expect(demo.filter((g) => g.kind === 'pdf').length).toBeGreaterThanOrEqual(10);
		expect(demo.some((g) => g.kind === 'pdf' && g.faults.length)).toBe(true);
	});

	it('never generates 库普乡 2024 (a real report); 库普乡 2023 carries nothing forward, 2025 starts from nothing', () => {
		for (const real of REAL_REPORTS) expect(reportOf(real.code, real.year)).toBeUndefined();
		expect(demo.some((g) => g.file === 'toli_kupu_2024.txt' || (g.body === '托里县库普乡' && g.year === 2024))).toBe(false);
		const before = reportOf('kupu', 2023)!;
		const after = reportOf('kupu', 2025)!;
		for (const c of ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org', 'total']) {
			expect(before.expected[`t3.forward.${c}`]).toBe(0);
			expect(after.expected[`t3.carried.${c}`]).toBe(0);
		}
	});

	it('every file says it is demo data, right after its title', async () => {
		for (const g of demo) {
			if (g.kind === 'docx') continue; // zipped: checked through the parser below
			if (g.kind === 'pdf') {
				// in the text layer, as the line after the title
				const ps = paragraphs(await extractPdf(g.file, files.get(g.file)!)).map((p) => p.text);
				expect(ps.slice(0, 2), g.file).toEqual([g.spec.title, DEMO_MARKER]);
				continue;
			}
			const text = new TextDecoder(g.charset === 'gbk' ? 'gbk' : 'utf-8').decode(files.get(g.file));
			if (g.kind === 'txt') expect(text.startsWith(`${g.spec.title}\n${DEMO_MARKER}\n`), g.file).toBe(true);
			else {
				expect(text, g.file).toContain(`${g.spec.title}</p><p>${DEMO_MARKER}</p>`);
				expect(text).toContain(`<meta charset="${g.charset}">`);
				expect(text).toContain('主办单位：托里县人民政府办公室');
			}
		}
	});

	it('every report parses to exactly the intended cells, demo = true, the right body/county/township/year/format', () => {
		for (const g of demo) {
			const r = byFile.get(g.file)!;
			expect(r.cells, g.file).toEqual(g.expected);
			expect(r.format, g.file).toBe(g.format);
			expect(r.meta, g.file).toMatchObject({ demo: true, origin: '演示数据', body: g.body, county: '托里县', township: g.township, year: g.year, province: null, city: null });
			expect(r.source.kind).toBe(g.kind);
			if (g.charset === 'gbk') expect(r.source.encoding).toBe('gb18030');
			expect(r.problems, g.file).toEqual([]);
		}
	});

	it('the prose quotes exactly the counts the generator wrote', () => {
		for (const g of demo) expect(proseFirst(byFile.get(g.file)!), g.file).toEqual(g.prose);
		// sanity: the usual sentences are there and read
		const gov = byFile.get(reportOf('gov', 2024)!.file)!;
		expect(gov.prose.map((p) => p.key)).toEqual(expect.arrayContaining(['proactive', 'received', 'answered', 'review']));
	});

	it('distributions: townships mostly zeros, the county government tens of requests, 自然资源局 and 住建局 busier than other departments', () => {
		const mean = (gs: GeneratedReport[]) => gs.reduce((a, g) => a + (g.expected['t3.new.total'] ?? 0), 0) / gs.length;
		const townships = demo.filter((g) => g.township);
		expect(townships.filter((g) => g.expected['t3.new.total'] === 0).length / townships.length).toBeGreaterThan(0.4);
		expect(Math.max(...townships.map((g) => g.expected['t3.new.total']!))).toBeLessThanOrEqual(8);
		const gov = demo.filter((g) => g.code === 'gov');
		expect(mean(gov)).toBeGreaterThanOrEqual(15);
		const busy = demo.filter((g) => g.code === 'zrzyj' || g.code === 'zjj');
		const others = demo.filter((g) => g.body.endsWith('局') || g.body.endsWith('委员会')).filter((g) => !busy.includes(g));
		expect(mean(busy)).toBeGreaterThan(mean(others));
		expect(mean(others)).toBeGreaterThan(mean(townships));
		// big table-2 counts where they belong, fees in 万元 with decimals
		expect(Math.max(...demo.filter((g) => g.code === 'gaj').map((g) => g.expected['t2.penalty.decisions']!))).toBeGreaterThan(300);
		expect(demo.some((g) => !Number.isInteger(g.expected['t2.fees.amount'] ?? 0))).toBe(true);
		expect(Math.max(...gov.filter((g) => g.format === '2021').map((g) => g.expected['t2.normative.issued']!))).toBeGreaterThan(0);
	});

	describe('planted faults', () => {
		it('lists each kind once, at a report that exists (except the missing year)', () => {
			expect(new Set(DEMO_FAULTS.map((f) => f.kind)).size).toBe(DEMO_FAULTS.length);
			for (const f of DEMO_FAULTS) {
				const g = demo.find((x) => x.body === f.body && x.year === f.year);
				if (f.kind === 'missing-year') expect(g, `${f.body} ${f.year}`).toBeUndefined();
				else expect(g?.faults, `${f.body} ${f.year}`).toEqual([f.kind]);
			}
		});

		for (const f of DEMO_FAULTS.filter((x) => x.rules.length)) {
			it(`${f.kind}: ${f.body} ${f.year} → ${f.rules.join(', ')} (${f.severity})`, () => {
				const g = demo.find((x) => x.body === f.body && x.year === f.year)!;
				const found = findingsOf(g);
				for (const rule of f.rules) {
					const hits = found.filter((x) => x.rule === rule && x.severity === f.severity);
					expect(hits.length, `${rule} at ${g.file}: ${JSON.stringify(found)}`).toBeGreaterThan(0);
					// the finding names the planted cells
					for (const h of hits) expect(h.cells.some((c) => f.cells.some((p) => c.endsWith(p))) || f.cells.some((p) => h.blanks?.includes(p)), h.message).toBe(true);
				}
			});
		}

		it('the only error-severity findings in the demo set are the planted ones', () => {
			const planted = new Set(DEMO_FAULTS.filter((f) => f.severity === 'error').flatMap((f) => f.rules.map((rule) => `${demo.find((g) => g.body === f.body && g.year === f.year)!.file} ${rule}`)));
			const errors = new Set(all().filter((x) => x.severity === 'error').map((x) => `${x.report} ${x.rule}`));
			expect(errors).toEqual(planted);
		});

		it('warnings and unverifiable findings only where intended: ZERO where nothing came in, X2 at the clean-up, N1 at the prose fault, blanks at the blank cell', () => {
			const where = (pred: (x: Finding) => boolean) => new Set(all().filter(pred).map((x) => x.report));
			expect(where((x) => x.rule === 'ZERO')).toEqual(new Set(demo.filter((g) => g.zero).map((g) => g.file)));
			expect(where((x) => x.rule === 'X2')).toEqual(new Set(demo.filter((g) => g.x2Break).map((g) => g.file)));
			expect(where((x) => x.rule === 'N1')).toEqual(new Set(demo.filter((g) => g.faults.includes('n1-prose')).map((g) => g.file)));
			expect(where((x) => x.status === 'unverifiable')).toEqual(new Set(demo.filter((g) => g.faults.includes('blank-cell')).map((g) => g.file)));
			expect(all().filter((x) => ['PARSE', 'MISSING', 'FORMAT'].includes(x.rule))).toEqual([]);
			// the county government always has requests; the natural zeros are mostly township years
			expect(demo.filter((g) => g.zero && g.code === 'gov')).toEqual([]);
			expect(demo.filter((g) => g.zero && g.township).length).toBeGreaterThan(demo.filter((g) => g.zero).length / 2);
		});

		it('missing year: 乌雪特乡 has 2021 and 2023 but no 2022, and nothing compares 2023 with 2021', () => {
			expect(reportOf('wuxuete', 2021)).toBeDefined();
			expect(reportOf('wuxuete', 2022)).toBeUndefined();
			expect(findingsOf(reportOf('wuxuete', 2023)).filter((x) => x.rule === 'X1')).toEqual([]);
		});

		it('single （六） row: 教育局 2022 prints t3.other.*, not the three rows, and is complete', () => {
			const r = byFile.get(reportOf('jyj', 2022)!.file)!;
			expect(r.format).toBe('2021');
			expect('t3.other.total' in r.cells).toBe(true);
			expect(Object.keys(r.cells).some((id) => id.startsWith('t3.other.misc.'))).toBe(false);
			expect(r.findings.filter((x) => x.rule === 'MISSING')).toEqual([]);
		});

		it('label typo: 庙尔沟镇 2023 prints 不现处理 and still reads every cell', async () => {
			const g = reportOf('miaoergou', 2023)!;
			expect(g.spec.labelTypos).toBeDefined();
			const text = g.kind === 'docx' ? '' : new TextDecoder(g.charset === 'gbk' ? 'gbk' : 'utf-8').decode(files.get(g.file));
			if (g.kind !== 'docx') expect(text).toContain('行政机关不现处理');
			expect(byFile.get(g.file)!.cells['t3.other.overdue_fee.total']).toBe(g.expected['t3.other.overdue_fee.total']);
		});
	});
});

describeCorpus('demo county beside the real 库普乡 2024', () => {
	// 库普乡 publishes .txt: no PDF, no font needed
	it('the years around the real report agree with it: no X1 or X2 finding', async () => {
		const demo = demoCounty().filter((g) => g.code === 'kupu');
		const parsed = [await parse('toli_kupu_2024.txt', corpusFile('toli_kupu_2024.txt'))];
		for (const g of demo) parsed.push(await parse(g.file, await bytesOf(g)));
		const checked = checkAll(parsed);
		const real = checked.find((r) => r.id === 'toli_kupu_2024.txt')!;
		expect(real.meta).toMatchObject({ demo: false, origin: '真实报告', body: '托里县库普乡' });
		const cross = checked.flatMap((r) => r.findings).filter((x) => x.rule === 'X1' || x.rule === 'X2');
		expect(cross).toEqual([]);
	});
});

describe('scale generator', () => {
	let out: string;
	beforeAll(() => {
		out = mkdtempSync(join(tmpdir(), 'gen-scale-'));
	});
	afterAll(() => rmSync(out, { recursive: true, force: true }));

	it('npm run generate -- scale --n 50 writes 50 parseable demo files (txt, html, docx, pdf) with the intended values', async () => {
		// PDFs need a system CJK font: without one (a clone elsewhere) this run writes none
		const pdfShare = hasCjkFont ? 0.1 : 0;
		const r = spawnSync(TSX, [SCRIPT, 'scale', '--n', '50', '--out', join(out, 'a'), '--seed', '3', '--pdf', String(pdfShare)], { encoding: 'utf8' });
		expect(r.status, r.stderr).toBe(0);
		expect(r.stdout).toMatch(/规模数据：50 份报告/);
		const written = walk(join(out, 'a')).map((p) => relative(join(out, 'a'), p)).sort();
		const intended = [...scaleReports(50, { seed: 3, pdfShare })];
		expect(new Set(intended.map((g) => g.kind))).toEqual(new Set(['txt', 'html', 'docx', ...(hasCjkFont ? ['pdf'] : [])]));
		expect(written).toEqual(intended.map((g) => g.path).sort());
		const parsed: Report[] = [];
		for (const g of intended) {
			const rep = await parse(g.file, readFileSync(join(out, 'a', g.path)));
			expect(rep.cells, g.path).toEqual(g.expected);
			expect(rep.meta, g.path).toMatchObject({ demo: true, body: g.body, county: g.county, township: g.township, year: g.year });
			expect(proseFirst(rep), g.path).toEqual(g.prose);
			parsed.push(rep);
		}
		// consistent unless a fault was planted
		const clean = new Set(intended.filter((g) => !g.faults.some((f) => ['r3-total', 'r4-total', 'x1-carry-over'].includes(f))).map((g) => g.file));
		const errors = checkAll(parsed).flatMap((x) => x.findings).filter((x) => x.severity === 'error');
		expect(errors.filter((x) => clean.has(x.report))).toEqual([]);
	}, limit(60_000));

	it('streams large runs with .docx and .pdf built in worker threads: same files as in-process', async () => {
		const r = spawnSync(TSX, [SCRIPT, 'scale', '--n', '200', '--out', join(out, 'b'), '--docx', '0.2', '--pdf', String(hasCjkFont ? 0.1 : 0)], { encoding: 'utf8' });
		expect(r.status, r.stderr).toBe(0);
		const intended = [...scaleReports(200, { docxShare: 0.2, pdfShare: hasCjkFont ? 0.1 : 0 })];
		expect(walk(join(out, 'b'))).toHaveLength(200);
		const docx = intended.filter((g) => g.kind === 'docx');
		expect(docx.length).toBeGreaterThan(20);
		for (const g of docx.slice(0, 5)) expect(readFileSync(join(out, 'b', g.path)).equals(Buffer.from(await bytesOf(g))), g.path).toBe(true);
		const pdf = intended.filter((g) => g.kind === 'pdf');
		if (hasCjkFont) expect(pdf.length).toBeGreaterThan(10);
		for (const g of pdf.slice(0, 5)) expect(readFileSync(join(out, 'b', g.path)).equals(Buffer.from(await bytesOf(g))), g.path).toBe(true);
		// place names stay unambiguous across many counties
		const bodies = new Set(intended.map((g) => g.body));
		expect(bodies.size).toBe(new Set(intended.map((g) => g.code)).size);
	}, limit(90_000));
});
