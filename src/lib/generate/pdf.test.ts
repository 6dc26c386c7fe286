import { afterEach, expect, it, vi } from 'vitest';
import { describeWithCjkFont } from '../../../test/cjk-font';
import { randomSpec } from '../../../test/fixtures/specs';
import { extractPdf } from '../extract/pdf';
import { paragraphs, tables } from '../extract/model';
import { ingestBytes } from '../store/ingest';
import { DEMO_MARKER } from '../template';
import type { ReportSpec } from './document';
import { NO_CJK_FONT, buildPdf } from './pdf';
import { limit } from '../../../test/timeouts';

const prose: ReportSpec['prose'] = {
	一: [
		'本年度，本机关坚持以公开为常态、不公开为例外，认真落实政府信息公开工作要求，全年主动公开政府信息一百余条，依申请公开工作规范有序，政府信息管理和平台建设持续加强，监督保障机制不断完善。',
		'（一）主动公开情况。通过门户网站公开各类信息。'
	],
	五: ['（一）存在的主要问题。公开内容不够全面。'],
	六: ['本年度没有收取信息处理费。']
};

async function read(spec: ReportSpec, file = 'report.pdf') {
	const bytes = await buildPdf(spec);
	const res = await ingestBytes(file, bytes);
	if (!res.ok) throw new Error(res.reason);
	return { bytes, report: res.report, doc: await extractPdf(file, bytes) };
}

afterEach(() => vi.unstubAllEnvs());

describeWithCjkFont('PDF report writer (PDFKit) read back by the PDF adapter', () => {
	it('2021 format: every cell as printed — blanks stay blank, full-width digits, thousands separators, units, decimals', async () => {
		for (const seed of [1, 2, 3]) {
			const g = randomSpec('2021', seed, { title: `示例县某某镇2023年政府信息公开工作年度报告` });
			const { report } = await read({ ...g.spec, prose });
			expect(report.format).toBe('2021');
			expect(report.cells, `seed ${seed}`).toEqual(g.expected);
			expect(report.meta).toMatchObject({ year: 2023, county: '示例县', township: '某某镇', demo: false });
		}
	}, limit(60_000));

	it('2019 format with rows left out: the cells of the printed rows, and none of the others', async () => {
		const g = randomSpec('2019', 7, { title: '示例县某某局2019年政府信息公开工作年度报告', omitRows: ['t3.other'] });
		const { report } = await read({ ...g.spec, prose });
		expect(report.format).toBe('2019');
		expect(report.cells).toEqual(g.expected);
		expect(Object.keys(report.cells).some((id) => id.startsWith('t3.other.'))).toBe(false);
	}, limit(30_000));

	it('the layout a reader sees: title, the demo line, paragraphs whole, page numbers left out, each table whole on one page right after its heading', async () => {
		const g = randomSpec('2021', 4, { title: '示例县某某镇2024年政府信息公开工作年度报告' });
		const { doc } = await read({ ...g.spec, prose, demo: true });
		const ps = paragraphs(doc).map((p) => p.text);
		expect(ps.slice(0, 3)).toEqual([g.spec.title, DEMO_MARKER, '一、总体情况']);
		// a paragraph wrapped over several lines comes back as one
		expect(ps).toContain(prose.一![0]);
		expect(ps).toEqual(expect.arrayContaining(['五、存在的主要问题及改进情况', prose.五![0], '六、其他需要报告的事项', prose.六![0]]));
		// the page numbers (— 1 — …) are not text of the report
		expect(ps.filter((p) => /—\s*\d+\s*—/.test(p))).toEqual([]);
		const ts = tables(doc);
		expect(ts).toHaveLength(3);
		const headings = ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况'];
		ts.forEach((t, i) => {
			const pages = new Set(t.rows.flatMap((r) => r.map((c) => c.where.page)));
			expect(pages.size, `table ${i + 1} on one page`).toBe(1);
			const before = doc.blocks[doc.blocks.indexOf(t) - 1];
			expect(before.kind === 'p' && before.text).toBe(headings[i]);
			expect(before.where.page).toBe([...pages][0]);
		});
		// the three tables as the official layout has them: rows and merged cells
		expect(ts.map((t) => t.rows.length)).toEqual([14, 28, 4]);
	}, limit(30_000));

	it('is deterministic: the same spec gives the same bytes, with fixed document dates', async () => {
		const g = randomSpec('2021', 5);
		const a = await buildPdf(g.spec);
		const b = await buildPdf(g.spec);
		expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
		const text = Buffer.from(a).toString('latin1');
		expect(text).toContain('(D:20250101000000Z)');
		// the font is embedded (a subset), so a reader needs nothing from the machine
		expect(text).toMatch(/\/FontFile2 /);
	});
});

it('without a CJK font: refuses with a reason that says what to install', async () => {
	vi.stubEnv('GD_PDF_FONT', '/nonexistent/font.ttc');
	await expect(buildPdf(randomSpec('2021', 1).spec)).rejects.toThrow(NO_CJK_FONT);
	expect(NO_CJK_FONT).toContain('fonts-wqy-microhei');
});
