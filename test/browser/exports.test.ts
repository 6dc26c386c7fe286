/**
 * Exports: every export button downloads a non-empty file of the right type — PNG at 2× the SVG's size, SVG that
 * parses and carries its stamp, CSV with the BOM and the data table's numbers, xlsx/docx zips with their parts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, readTable, SCREENSHOTS, startPreview, type PageWatch, type PreviewServer } from './helpers';
import { limit } from '../timeouts';

let server: PreviewServer;
let browser: Browser;
let watch: PageWatch;
const SOURCE = '数据来源：各单位政府信息公开工作年度报告';
const today = () => {
	const d = new Date();
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const LABEL = { png: '下载图片(PNG)', svg: '下载矢量图(SVG)', csv: '下载数据(CSV)', xlsx: '下载表格(Excel)' } as const;
type Kind = keyof typeof LABEL;

/** Clicks an export button of a menu (by its Chinese label) and returns the saved file. */
async function grab(page: Page, menu: string, kind: Kind): Promise<{ name: string; buf: Buffer }> {
	const button = page.locator(`[data-testid="${menu}"] button`, { hasText: LABEL[kind] });
	const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
	const path = await dl.path();
	return { name: dl.suggestedFilename(), buf: readFileSync(path) };
}

function pngSize(buf: Buffer): { width: number; height: number } {
	expect([...buf.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	expect(buf.subarray(12, 16).toString('latin1')).toBe('IHDR');
	return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function parseSvg(buf: Buffer) {
	const errors: string[] = [];
	const doc = new DOMParser({ onError: (level, msg) => level !== 'warning' && errors.push(msg) }).parseFromString(buf.toString('utf8'), 'image/svg+xml');
	expect(errors).toEqual([]);
	const root = doc.documentElement!;
	expect(root.tagName).toBe('svg');
	const texts = Array.from(root.getElementsByTagName('text')).map((t) => t.textContent ?? '');
	return { width: Number(root.getAttribute('width')), height: Number(root.getAttribute('height')), texts };
}

/** The table of a CSV file, after checking its BOM and its stamp (label/value lines, an empty line, then the table). */
function parseCsv(buf: Buffer, title?: string): string[][] {
	expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const res = Papa.parse<string[]>(buf.toString('utf8').slice(1), { skipEmptyLines: false, delimiter: ',' });
	expect(res.errors).toEqual([]);
	const gap = res.data.findIndex((r) => r.length === 1 && r[0] === '');
	expect(gap, 'the stamp ends with an empty line').toBeGreaterThan(0);
	const stamp = new Map(res.data.slice(0, gap).map((r) => [r[0], r[1]]));
	if (title) expect(stamp.get('标题')).toBe(title);
	expect(stamp.get('标题')).toMatch(/\S/);
	expect(stamp.get('数据来源')).toMatch(/^各单位政府信息公开工作年度报告/);
	expect(stamp.has('筛选条件')).toBe(true);
	expect(stamp.get('生成日期')).toBe(today());
	return res.data.slice(gap + 1).filter((r) => !(r.length === 1 && r[0] === ''));
}

function unzip(buf: Buffer): Record<string, string> {
	expect(buf.subarray(0, 2).toString('latin1')).toBe('PK');
	const files = unzipSync(new Uint8Array(buf));
	return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
}

/** The file name pattern 标题_范围_年份_日期.ext. */
function expectName(name: string, title: string, ext: string) {
	expect(name.startsWith(`${title.replace(/[/\\:*?"<>|]/g, '')}_`), name).toBe(true);
	expect(name.endsWith(`_${today()}.${ext}`), name).toBe(true);
	expect(name).toMatch(/^[^/\\:*?"<>|]+$/);
}

/** The CSV has the data table's header (plus 数据性质) and its numbers cell by cell; blanks stay empty. */
async function expectCsvMatchesTable(page: Page, testid: string, csv: string[][]) {
	const headers = await page.$$eval(`[data-testid="${testid}"] thead th`, (ths) => ths.map((t) => t.textContent?.trim() ?? ''));
	const table = await readTable(page, testid);
	const [head, ...rows] = csv;
	const demoCol = head[1] === '数据性质';
	expect(head).toEqual(demoCol ? [headers[0], '数据性质', ...headers.slice(1)] : headers);
	expect(rows.length).toBe(table.length);
	table.forEach((tr, i) => {
		const cells = Object.values(tr.cells);
		const line = demoCol ? [rows[i][0], ...rows[i].slice(2)] : rows[i];
		cells.forEach((c, j) => {
			if (c.value !== '') expect(line[j], `${testid} row ${i} col ${j}`).toBe(c.value);
			else if (c.text === '空白') expect(line[j], `${testid} row ${i} col ${j}`).toBe('');
			else expect(c.text.startsWith(line[j]), `${testid} row ${i} col ${j}: ${c.text} / ${line[j]}`).toBe(true);
		});
		if (demoCol) expect(['演示数据', '真实报告']).toContain(rows[i][1]);
	});
	return rows;
}

describe('exports', () => {
	beforeAll(async () => {
		server = await startPreview();
		browser = await launchBrowser();
		watch = await openPage(browser);
		mkdirSync(SCREENSHOTS, { recursive: true });
	}, limit(90_000));

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	it('requests page: PNG (2× the SVG), SVG with its stamp, CSV = data table, xlsx with 筛选条件', async () => {
		const { page } = watch;
		await page.goto(`${server.url}requests?year=2024`);
		await page.locator('[data-testid="received-chart"] g.bar').first().waitFor({ timeout: 90_000 });
		const title = '收到的申请：本年新收与上年结转（件）';

		const svg = await grab(page, 'received-chart-export', 'svg');
		expectName(svg.name, title, 'svg');
		const s = parseSvg(svg.buf);
		expect(s.texts[0]).toBe(title);
		expect(s.texts).toContain('单位：件');
		expect(s.texts.some((t) => t.startsWith(SOURCE))).toBe(true);
		expect(s.texts).toContain(`生成日期：${today()}`);
		expect(s.texts.find((t) => t.startsWith('筛选条件：'))).toContain('年份：2024年');
		// the chart's own parts came along: bar value labels and the axis labels
		expect(s.texts.length).toBeGreaterThan(10);
		// the axis is cut (淮安市人民政府 3,153 beside at most 95): the note and the break mark travel with the chart
		expect(s.texts.find((t) => t.startsWith('纵轴已截断：'))).toContain('淮安市人民政府（3,153）');
		expect(svg.buf.toString('utf8')).toMatch(/<path(?=[^>]*\sd="M[^"]*Z")(?=[^>]*\sfill="(?:white|rgb\(255, 255, 255\))")/);

		const png = await grab(page, 'received-chart-export', 'png');
		expectName(png.name, title, 'png');
		expect(pngSize(png.buf)).toEqual({ width: s.width * 2, height: s.height * 2 });
		writeFileSync(resolve(SCREENSHOTS, 'export-received.png'), png.buf);

		await page.locator('[data-testid="received-chart-toggle"]').click();
		const csv = await grab(page, 'received-chart-export', 'csv');
		expectName(csv.name, title, 'csv');
		const rows = await expectCsvMatchesTable(page, 'received-chart-table', parseCsv(csv.buf, title));
		expect(rows.length).toBeGreaterThan(0);

		const xlsx = await grab(page, 'received-chart-export', 'xlsx');
		expectName(xlsx.name, title, 'xlsx');
		const files = unzip(xlsx.buf);
		expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']));
		expect(files['xl/workbook.xml']).toContain('name="筛选条件"');
		const strings = files['xl/sharedStrings.xml'] ?? '';
		const all = strings + files['xl/worksheets/sheet1.xml'] + files['xl/worksheets/sheet2.xml'];
		expect(all).toContain(title);
		expect(all).toContain(rows[0][0]);
		// the first row's first number column is a numeric cell in the sheet
		const firstNum = rows[0].find((c, i) => i > 3 && /^\d+$/.test(c));
		if (firstNum) expect(files['xl/worksheets/sheet1.xml']).toMatch(new RegExp(`<c r="[A-Z]+2"[^>]*><v>${firstNum}</v></c>`));
	}, limit(180_000));

	it('requests page: the rate chart exports its table (rates as fractions, 样本过少 as words)', async () => {
		const { page } = watch;
		await page.locator('[data-testid="rates-chart-toggle"]').click();
		const csv = await grab(page, 'rates-chart-export', 'csv');
		await expectCsvMatchesTable(page, 'rates-chart-table', parseCsv(csv.buf));
		const png = await grab(page, 'rates-chart-export', 'png');
		expect(pngSize(png.buf).width).toBeGreaterThan(1000);
	}, limit(120_000));

	it('overview: the requests chart and the coverage matrix', async () => {
		const { page } = watch;
		await page.goto(`${server.url}?from=2023&to=2024`);
		await page.locator('[data-testid="requests-export"]').waitFor({ timeout: 90_000 });
		const svg = await grab(page, 'requests-export', 'svg');
		const s = parseSvg(svg.buf);
		expect(s.texts[0]).toBe('各单位本年新收政府信息公开申请数量（件）');
		expect(s.texts).toContain('数据来源：各单位政府信息公开工作年度报告（含演示数据）');
		expect(svg.name).toMatch(new RegExp(`^各单位本年新收政府信息公开申请数量（件）_全部地区_2023—2024年_${today()}\\.svg$`));
		const png = await grab(page, 'requests-export', 'png');
		expect(pngSize(png.buf)).toEqual({ width: s.width * 2, height: s.height * 2 });
		writeFileSync(resolve(SCREENSHOTS, 'export-overview-requests.png'), png.buf);

		await page.locator('[data-testid="toggle-table"]').click();
		const csv = parseCsv((await grab(page, 'requests-export', 'csv')).buf);
		const shown = await page.$$eval('[data-testid="requests-table"] tbody tr', (trs) =>
			trs.map((tr) => [tr.getAttribute('data-body'), tr.getAttribute('data-year'), tr.querySelector('td.num')?.getAttribute('data-value')])
		);
		expect(csv[0]).toEqual(['单位', '所属县（市、区）', '年份', '本年新收申请（件）', '数据来源']);
		expect(csv.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual(shown);

		const mx = await grab(page, 'coverage-export', 'svg');
		const ms = parseSvg(mx.buf);
		expect(ms.texts[0]).toBe('报告覆盖情况（全部地区）');
		expect(ms.texts).toContain('2024年');
		const mp = await grab(page, 'coverage-export', 'png');
		expect(pngSize(mp.buf)).toEqual({ width: ms.width * 2, height: ms.height * 2 });
		writeFileSync(resolve(SCREENSHOTS, 'export-coverage.png'), mp.buf);
		const cov = unzip((await grab(page, 'coverage-export', 'xlsx')).buf);
		expect(cov['xl/sharedStrings.xml'] ?? cov['xl/worksheets/sheet1.xml']).toContain('2024年');
		const covCsv = parseCsv((await grab(page, 'coverage-export', 'csv')).buf);
		expect(covCsv[0]).toEqual(['单位', '所属县（市、区）', '数据性质', '2023年', '2024年']);
		const matrixRows = await page.locator('[data-testid="coverage-matrix"] tbody tr').count();
		expect(covCsv.length - 1).toBe(matrixRows);
	}, limit(180_000));

	it('disclosures, appeals and compare pages: each exports PNG and CSV', async () => {
		const { page } = watch;
		for (const [path, chart, title] of [
			['disclosures?year=2024', 'disclosures-chart', null],
			['appeals?year=2024', 'review-chart', null],
			[`compare?body=${encodeURIComponent('淮安市洪泽区人民政府')}&body=${encodeURIComponent('淮安市人民政府')}&years=2024`, 'compare-chart', '主要指标对比']
		] as const) {
			await page.goto(`${server.url}${path}`);
			await page.locator(`[data-testid="${chart}"] g.bar`).first().waitFor({ timeout: 90_000 });
			const h2 = title ?? (await page.locator(`[data-testid="${chart}"] h2`).first().textContent())!.trim();
			const svg = await grab(page, `${chart}-export`, 'svg');
			expectName(svg.name, h2, 'svg');
			const s = parseSvg(svg.buf);
			expect(s.texts[0]).toBe(h2);
			const png = await grab(page, `${chart}-export`, 'png');
			expect(pngSize(png.buf)).toEqual({ width: s.width * 2, height: s.height * 2 });
			writeFileSync(resolve(SCREENSHOTS, `export-${chart}.png`), png.buf);
			const csv = parseCsv((await grab(page, `${chart}-export`, 'csv')).buf);
			expect(csv.length).toBeGreaterThan(1);
			if (chart !== 'compare-chart') {
				await page.locator(`[data-testid="${chart}-toggle"]`).click();
				await expectCsvMatchesTable(page, `${chart}-table`, csv);
			} else {
				expect(csv[0].slice(0, 4)).toEqual(['指标', '计量单位', '年度', '淮安市洪泽区人民政府（基准）']);
			}
		}
		expect(watch.errors).toEqual([]);
		expect(watch.blocked).toEqual([]);
	}, limit(300_000));

	it('small multiples (one chart per body across years) export without overlapping plots', async () => {
		const { page } = watch;
		await page.goto(`${server.url}disclosures?region=${encodeURIComponent('托里县')}&view=years&from=2019&to=2025`);
		await page.locator('[data-testid="disclosures-chart"] section.small g.bar').first().waitFor({ timeout: 90_000 });
		const panels = await page.locator('[data-testid="disclosures-chart"] section.small').count();
		const svg = await grab(page, 'disclosures-chart-export', 'svg');
		const doc = new DOMParser().parseFromString(svg.buf.toString('utf8'), 'image/svg+xml');
		const boxes = Array.from(doc.documentElement!.getElementsByTagName('svg'))
			.filter((e) => e.getAttribute('x') !== null)
			.map((e) => ({ x: Number(e.getAttribute('x')), y: Number(e.getAttribute('y')), w: Number(e.getAttribute('width')), h: Number(e.getAttribute('height')) }));
		// each panel: its value-axis strip and its plot
		expect(boxes.length).toBe(panels * 2);
		const overlaps = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5));
		expect(overlaps).toEqual([]);
		const texts = parseSvg(svg.buf).texts;
		expect(texts).toContain('托里县人民政府（演示）');
		const png = await grab(page, 'disclosures-chart-export', 'png');
		writeFileSync(resolve(SCREENSHOTS, 'export-multiples.png'), png.buf);
	}, limit(120_000));

	it('the buttons are labelled in Chinese and reachable by keyboard', async () => {
		const { page } = watch;
		await page.goto(`${server.url}compare?body=${encodeURIComponent('淮安市洪泽区人民政府')}&body=${encodeURIComponent('淮安市人民政府')}&years=2024`);
		await page.locator('[data-testid="compare-chart"] g.bar').first().waitFor({ timeout: 90_000 });
		const labels = await page.locator('[data-testid="compare-chart-export"] button').allTextContents();
		expect(labels).toEqual(['下载图片(PNG)', '下载矢量图(SVG)', '下载数据(CSV)', '下载表格(Excel)']);
		await page.locator('[data-testid="compare-chart-toggle"]').focus();
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('下载图片(PNG)');
		const [dl] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
		expect(dl.suggestedFilename()).toMatch(/^主要指标对比_.+\.png$/);
	}, limit(120_000));

	it('quality page: the findings list exports as CSV and Excel', async () => {
		const { page } = watch;
		await page.goto(`${server.url}quality?severity=error`);
		await page.locator('[data-testid="findings-table"] tbody tr').first().waitFor({ timeout: 90_000 });
		const count = Number(await page.locator('[data-testid="finding-count"]').getAttribute('data-count'));
		const csvFile = await grab(page, 'findings-export', 'csv');
		expect(csvFile.name).toBe(`数据质量核查结果_全部地区_${today()}.csv`);
		const csv = parseCsv(csvFile.buf);
		expect(csv[0]).toEqual(['严重程度', '状态', '规则', '规则名称', '单位', '数据性质', '年度', '说明', '应为', '实为', '报告']);
		expect(csv.length - 1).toBe(count);
		expect(new Set(csv.slice(1).map((r) => r[0]))).toEqual(new Set(['错误']));
		const shown = await page.$$eval('[data-testid="findings-table"] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-report')));
		expect(csv.slice(1).map((r) => r[10])).toEqual(shown);
		const files = unzip((await grab(page, 'findings-export', 'xlsx')).buf);
		expect(files['xl/workbook.xml']).toContain('name="筛选条件"');
		expect(await page.locator('[data-testid="findings-export"] button').allTextContents()).toEqual(['下载数据(CSV)', '下载表格(Excel)']);
	}, limit(120_000));

	it('report page: each official table exports as CSV and Excel, cell by cell with its id, raw text and findings', async () => {
		const { page } = watch;
		const id = 'huaian_hongze_2023.pdf';
		const record = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../data', `${id}.json`), 'utf8'));
		await page.goto(`${server.url}report?id=${encodeURIComponent(id)}`);
		await page.locator('[data-testid="table-export-t3"]').waitFor({ timeout: 90_000 });
		const file = await grab(page, 'table-export-t3', 'csv');
		const title = '表三：收到和处理政府信息公开申请情况';
		expect(file.name).toBe(`${title}_${record.meta.body}_${record.meta.year}年_${today()}.csv`);
		const csv = parseCsv(file.buf, title);
		const stamp = file.buf.toString('utf8');
		expect(stamp).toContain(`单位,${record.meta.body}`);
		expect(stamp).toContain(`报告,${id}`);
		expect(csv[0]).toEqual(['行', '列', '单元格编号', '数值', '报告原文', '读取说明', '核查']);
		const rows = csv.slice(1);
		const t3 = Object.keys(record.detail).filter((k) => k.startsWith('t3.'));
		expect(rows.map((r) => r[2]).sort()).toEqual(t3.sort());
		// each number equals the record's and the text the page shows in that cell
		for (const r of rows.slice(0, 20)) {
			expect(r[3]).toBe(record.cells[r[2]] === null ? '' : String(record.cells[r[2]]));
			const shown = (await page.locator(`[data-cell="${r[2]}"]`).first().innerText()).trim();
			expect(shown.startsWith(r[4]) || (r[4] === '' && /空白|^$/.test(shown)), `${r[2]}: page “${shown}” / csv “${r[4]}”`).toBe(true);
		}
		// table 4's two R4 errors (总计 ≠ the sum) name its cells: the 核查 column says so
		const t4 = parseCsv((await grab(page, 'table-export-t4', 'csv')).buf, '表四：政府信息公开行政复议、行政诉讼情况');
		expect(t4.find((r) => r[2] === 't4.review.total')?.[6]).toMatch(/（错误）/);
		expect(t4.filter((r) => /（错误）/.test(r[6])).length).toBe(10);
		const files = unzip((await grab(page, 'table-export-t4', 'xlsx')).buf);
		expect(files['xl/workbook.xml']).toContain('name="筛选条件"');
		expect(await page.locator('[data-testid="table-export-t2"] button').allTextContents()).toEqual(['下载数据(CSV)', '下载表格(Excel)']);
		await page.screenshot({ path: resolve(SCREENSHOTS, 'report-exports.png'), fullPage: true });
	}, limit(120_000));

	it('briefing: one click gives a .docx with the title, scope, figures, the page\'s charts as pictures and the findings', async () => {
		const { page } = watch;
		await page.goto(`${server.url}requests?region=${encodeURIComponent('托里县')}&year=2024`);
		await page.locator('[data-testid="received-chart"] g.bar').first().waitFor({ timeout: 90_000 });
		const charts = await page.locator('[data-export="png"]').count();
		const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.locator('[data-testid="briefing"]').click()]);
		const name = dl.suggestedFilename();
		expect(name).toBe(`政府信息公开简报_托里县_2024年_${today()}.docx`);
		const buf = readFileSync(await dl.path());
		writeFileSync(resolve(SCREENSHOTS, 'briefing.docx'), buf);
		const files = unzipSync(new Uint8Array(buf));
		expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));
		const media = Object.keys(files).filter((f) => /^word\/media\/.+\.png$/.test(f));
		expect(media.length).toBe(charts);
		for (const m of media) expect(pngSize(Buffer.from(files[m])).width).toBeGreaterThan(1000);
		const text = [...strFromU8(files['word/document.xml']).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
		expect(text[0]).toBe('托里县2024年政府信息公开工作情况简报');
		expect(text).toContain('注意：本简报含演示数据（不是真实报告），仅用于展示功能，不能作为工作依据。');
		expect(text).toContain('页面：依申请公开');
		expect(text.find((t) => t.startsWith('筛选条件：'))).toBe('筛选条件：地区：托里县；视图：单位对比（单一年度）；年份：2024年');
		expect(text).toContain('依申请公开·新收申请');
		expect(text).toContain('图1　收到的申请：本年新收与上年结转（件）（含演示数据）');
		expect(text).toContain('四、发现的问题');
		// the figure agrees with the headline of the overview for the same selection
		await page.goto(`${server.url}?region=${encodeURIComponent('托里县')}&from=2024&to=2024`);
		const card = page.locator('[data-testid="headline"] [data-key="requests"]');
		await card.waitFor({ timeout: 90_000 });
		const shown = (await card.getAttribute('data-value')) ?? '';
		expect(shown).toMatch(/^\d+$/);
		const row = text.indexOf('依申请公开·新收申请');
		expect(text[row + 1]).toBe(`${Number(shown).toLocaleString('en-US')} 件`);
		expect(await page.locator('[data-testid="briefing-status"]').textContent()).toBe('');
		expect(watch.errors).toEqual([]);
	}, limit(240_000));

	it('print layout: A4, no navigation or buttons, charts inside the page', async () => {
		const w = await openPage(browser, { width: 794, height: 1123 });
		try {
			await w.page.goto(`${server.url}requests?year=2024`);
			await w.page.locator('[data-testid="received-chart"] g.bar').first().waitFor({ timeout: 90_000 });
			await w.page.emulateMedia({ media: 'print' });
			await w.page.waitForTimeout(300);
			expect(await w.page.locator('nav').isVisible()).toBe(false);
			expect(await w.page.locator('[data-testid="received-chart-export"]').isVisible()).toBe(false);
			expect(await w.page.locator('[data-testid="briefing"]').isVisible()).toBe(false);
			const over = await w.page.$$eval('figure svg', (svgs) => svgs.filter((s) => s.getBoundingClientRect().right > document.documentElement.clientWidth + 1).length);
			expect(over).toBe(0);
			await w.page.screenshot({ path: resolve(SCREENSHOTS, 'print-requests.png'), fullPage: true });
			const pdf = await w.page.pdf({ format: 'A4', printBackground: true });
			writeFileSync(resolve(SCREENSHOTS, 'print-requests.pdf'), pdf);
			expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		} finally {
			await w.context.close();
		}
	}, limit(180_000));
});
