/**
 * 导入报告 in Debian Chromium against the built app, every non-local request blocked: real corpus files (a PDF, the
 * HTML, the blank official .docx template that needs its body and year typed in) plus a generated .docx and a
 * broken file are picked through the page; each report's cells must equal what the command line's pipeline gives
 * for the same bytes (ingestBytes in Node), 导出数据集 must give the command's files byte for byte, the dashboard
 * must show the new bodies, the uploads must survive a reload and go away when removed.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkReport, type CheckedReport } from '../../src/lib/check';
import { UPLOADS_HINT } from '../../src/lib/db/uploads-hint';
import { buildDocx } from '../../src/lib/generate/docx';
import { writeHtml } from '../../src/lib/generate/html';
import { buildPdf } from '../../src/lib/generate/pdf';
import { writeTxt } from '../../src/lib/generate/txt';
import type { ReportMeta } from '../../src/lib/parse';
import { datasetFiles } from '../../src/lib/store/dataset';
import { ingestBytes } from '../../src/lib/store/ingest';
import { corpusFile, describeCorpus } from '../corpus';
import { randomSpec } from '../fixtures/specs';
import { launchBrowser, openPage, OVERVIEW_READY, ROOT, SCREENSHOTS, seriousViolations, startPreview, type PageWatch, type PreviewServer } from './helpers';
import { limit } from '../timeouts';

const PDF = 'huaian_hongze_2023.pdf';
const HTML = 'shanghai_office_2019.html';
const TEMPLATE = 'template_2021_blank.docx';
const GEN = 'gen_ding_2023.docx';
const BROKEN = 'broken.pdf';
/** What the user types into the metadata form for the blank template. */
const TEMPLATE_META = { body: '示例县测试乡人民政府', county: '示例县', year: 2024 };
const GEN_BODY = '示例县丁乡';

let server: PreviewServer;
let browser: Browser;
let watch: PageWatch;
let genBytes: Uint8Array;
const expected = new Map<string, CheckedReport>();

async function nodeRecord(name: string, bytes: Uint8Array, meta?: Partial<ReportMeta>): Promise<CheckedReport> {
	const res = await ingestBytes(name, bytes, { meta });
	if (!res.ok) throw new Error(`${name}: ${res.reason}`);
	return { ...res.report, findings: checkReport(res.report) };
}

/** The records the page keeps in IndexedDB (read with the raw API, independent of the app's code). */
function storedRecords(page: Page): Promise<CheckedReport[]> {
	return page.evaluate(
		() =>
			new Promise<CheckedReport[]>((ok, fail) => {
				const open = indexedDB.open('gov-disclosure-uploads');
				open.onerror = () => fail(open.error);
				open.onsuccess = () => {
					const db = open.result;
					if (!db.objectStoreNames.contains('uploads')) return ok([]);
					const req = db.transaction('uploads').objectStore('uploads').getAll();
					req.onsuccess = () => ok(req.result.filter((v) => v && v.record).map((v) => v.record));
					req.onerror = () => fail(req.error);
				};
			})
	);
}

const listIds = (page: Page) => page.$$eval('[data-testid="upload-list"] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-report') ?? ''));
/** Wait until the analysis engine holds `n` uploaded reports. */
async function engineHas(page: Page, n: number) {
	await page.waitForFunction(
		(n) => {
			const el = document.querySelector('[data-testid="upload-db"]');
			return el?.getAttribute('data-status') === 'ready' && (el.textContent ?? '').includes(`其中用户上传 ${n} 份`);
		},
		n,
		{ timeout: 90_000 }
	);
}

async function coverageBodies(page: Page): Promise<string[]> {
	await page.goto(server.url);
	await page.locator(OVERVIEW_READY).waitFor({ timeout: 90_000 });
	return page.$$eval('[data-testid="coverage-matrix"] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-body') ?? ''));
}

describeCorpus('导入报告 (upload in the browser)', () => {
	beforeAll(async () => {
		genBytes = await buildDocx(randomSpec('2021', 51, { title: `${GEN_BODY}2023年政府信息公开工作年度报告` }).spec);
		expected.set(PDF, await nodeRecord(PDF, corpusFile(PDF)));
		expected.set(HTML, await nodeRecord(HTML, corpusFile(HTML)));
		expected.set(TEMPLATE, await nodeRecord(TEMPLATE, corpusFile(TEMPLATE), TEMPLATE_META));
		expected.set(GEN, await nodeRecord(GEN, genBytes));
		server = await startPreview();
		browser = await launchBrowser();
		watch = await openPage(browser, { width: 1366, height: 900 });
		mkdirSync(SCREENSHOTS, { recursive: true });
	}, limit(120_000));

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	it('parses the picked files in a worker: a progress bar, a one-line error for the broken file, a form for the template', async () => {
		const { page } = watch;
		await page.goto(`${server.url}upload`);
		await page.locator('[data-testid="upload-empty"]').waitFor({ timeout: 60_000 });
		await page.locator('[data-testid="file-input"]').setInputFiles([
			// Playwright takes either paths or buffers: the corpus files as buffers of their bytes
			...[PDF, HTML, TEMPLATE].map((name) => ({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(corpusFile(name)) })),
			{ name: GEN, mimeType: 'application/octet-stream', buffer: Buffer.from(genBytes) },
			{ name: BROKEN, mimeType: 'application/pdf', buffer: Buffer.from('hello, not a pdf') }
		]);
		await page.locator('[data-testid="upload-progress"] progress').waitFor({ timeout: 10_000 });
		await page.locator('[data-testid="pending"]').waitFor({ timeout: 90_000 });
		await page.locator('[data-testid="upload-progress"]').waitFor({ state: 'detached', timeout: 90_000 });
		await page.screenshot({ path: resolve(SCREENSHOTS, 'upload-pending.png'), fullPage: true });
		expect(await seriousViolations(page)).toEqual([]);

		// pdfjs ran inside the parsing worker: no third worker (the other is DuckDB's)
		expect(page.workers().map((w) => w.url().replace(/^.*\//, '').replace(/-[\w-]+\.js$/, ''))).toEqual(
			expect.arrayContaining(['parse.worker'])
		);
		expect(page.workers().filter((w) => /pdf/i.test(w.url()))).toEqual([]);
		expect(page.workers()).toHaveLength(2);
		expect(await page.locator('[data-testid="upload-failures"] li').allTextContents()).toEqual([`✗ ${BROKEN}：不是 PDF 文件（缺少 %PDF 文件头）`]);
		// the blank template has no body and no year: the form is there, empty, and nothing was added for it yet
		const form = page.locator(`[data-testid="pending"][data-file="${TEMPLATE}"]`);
		expect(await form.locator('.title').textContent()).toContain('未能识别报告单位；未能识别报告年份');
		expect(await form.locator('input[name="body"]').inputValue()).toBe('');
		expect(await form.locator('input[name="year"]').inputValue()).toBe('');
		expect((await listIds(page)).sort()).toEqual([GEN, HTML, PDF].sort());

		// a year before 2019 is refused in the form, in Chinese
		await form.locator('input[name="body"]').fill(TEMPLATE_META.body);
		await form.locator('input[name="county"]').fill(TEMPLATE_META.county);
		await form.locator('input[name="year"]').fill('2018');
		await form.locator('button[type="submit"]').click();
		expect(await form.locator('.error').textContent()).toBe('年份“2018”无效（应为 2019 年及以后的四位年份）');
		await form.locator('input[name="year"]').fill(String(TEMPLATE_META.year));
		await form.locator('button[type="submit"]').click();
		await form.waitFor({ state: 'detached', timeout: 60_000 });
		await engineHas(page, 4);
		expect((await listIds(page)).sort()).toEqual([GEN, HTML, PDF, TEMPLATE].sort());
		await page.screenshot({ path: resolve(SCREENSHOTS, 'upload-list.png'), fullPage: true });
	});

	it('every cell of every uploaded report equals the command line pipeline on the same bytes', async () => {
		const stored = await storedRecords(watch.page);
		expect(stored.map((r) => r.id).sort()).toEqual([GEN, HTML, PDF, TEMPLATE].sort());
		for (const r of stored) {
			const want = expected.get(r.id)!;
			expect(Object.keys(r.cells).sort(), r.id).toEqual(Object.keys(want.cells).sort());
			expect(r.cells, r.id).toEqual(want.cells);
			expect(r.format, r.id).toBe(want.format);
			expect(r.meta, r.id).toEqual(want.meta);
			expect(r.findings.map((f) => f.message), r.id).toEqual(want.findings.map((f) => f.message));
		}
		// the hand-checked facts of the PDF: two R4 failures; the template is blank everywhere
		expect(stored.find((r) => r.id === PDF)!.findings.filter((f) => f.status === 'fail').map((f) => f.rule)).toEqual(['R4', 'R4']);
		expect(Object.values(stored.find((r) => r.id === TEMPLATE)!.cells).every((v) => v === null)).toBe(true);
	});

	it('导出数据集 downloads the files npm run ingest writes, byte for byte', async () => {
		const { page } = watch;
		const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="export-dataset"]').click()]);
		expect(download.suggestedFilename()).toBe('导入报告数据集.zip');
		const zip = unzipSync(new Uint8Array(await streamBytes(await download.createReadStream())));
		const want = datasetFiles([...expected.values()], [{ file: BROKEN, reason: '不是 PDF 文件（缺少 %PDF 文件头）' }]);
		expect(Object.keys(zip).sort()).toEqual([...want.keys()].sort());
		for (const [name, bytes] of want) expect(Buffer.from(zip[name]).equals(Buffer.from(bytes)), name).toBe(true);
	});

	it('the dashboard shows the uploaded reports as 用户上传, the new bodies included', async () => {
		const { page } = watch;
		const bodies = await coverageBodies(page);
		expect(bodies).toContain(TEMPLATE_META.body);
		expect(bodies).toContain(GEN_BODY);
		const badge = (body: string) => page.locator(`[data-testid="coverage-matrix"] tr[data-body="${body}"] .badge.upload`).count();
		expect(await badge(GEN_BODY)).toBe(1);
		expect(await badge('淮安市洪泽区人民政府')).toBe(1); // its 2023 report was uploaded again
		expect(await badge('淮安市人民政府')).toBe(0);
		expect(await page.locator('[data-testid="upload-count"]').getAttribute('data-count')).toBe('4');
		const genRow = page.locator(`[data-testid="requests-chart"] g.bar[data-report="${GEN}"]`);
		expect(await genRow.getAttribute('data-value')).toBe(String(expected.get(GEN)!.cells['t3.new.total']));
		expect(await genRow.getAttribute('data-origin')).toBe('用户上传');
		await page.screenshot({ path: resolve(SCREENSHOTS, 'upload-overview.png'), fullPage: true });

		// its report page shows the uploaded record (not a bundled data/ file)
		await page.goto(`${server.url}report?id=${encodeURIComponent(GEN)}`);
		await page.locator(`[data-testid="report"][data-report="${GEN}"]`).waitFor({ timeout: 60_000 });
		const newTotal = expected.get(GEN)!.cells['t3.new.total'];
		expect(await page.locator('td[data-cell="t3.new.total"] .raw').innerText()).toContain(String(newTotal));
	});

	it('the uploads survive a reload; 删除 removes one, 全部删除 the rest, and they stay gone after a reload', async () => {
		const { page } = watch;
		await page.goto(`${server.url}upload`);
		await engineHas(page, 4);
		expect((await listIds(page)).sort()).toEqual([GEN, HTML, PDF, TEMPLATE].sort());

		await page.locator(`[data-testid="upload-list"] tr[data-report="${TEMPLATE}"] [data-testid="remove"]`).click();
		await engineHas(page, 3);
		expect((await listIds(page)).sort()).toEqual([GEN, HTML, PDF].sort());
		expect(await coverageBodies(page)).not.toContain(TEMPLATE_META.body);

		// the hint the overview's boot script reads: its prerendered default view (without the uploads) stays hidden
		// before the first paint, and the view drawn later counts them
		expect(await page.evaluate((k) => localStorage.getItem(k), UPLOADS_HINT)).toBe('3');
		const early = await watch.context.newPage();
		try {
			await early.route('**/_app/immutable/**/*.js', (route) => route.abort('blockedbyclient'));
			await early.goto(server.url);
			expect(await early.$eval('[data-testid="coverage"]', (e) => getComputedStyle(e).visibility)).toBe('hidden');
			expect(await early.$eval('[data-testid="data-notice"]', (e) => getComputedStyle(e).visibility)).toBe('hidden');
		} finally {
			await early.close();
		}
		await page.goto(server.url);
		await page.locator('[data-testid="source"][data-state="ready"]').waitFor({ timeout: 90_000 });
		expect(await page.$eval('[data-testid="coverage"]', (e) => getComputedStyle(e).visibility)).toBe('visible');
		expect(await page.locator('[data-testid="upload-count"]').getAttribute('data-count')).toBe('3');

		await page.goto(`${server.url}upload`);
		await engineHas(page, 3);
		await page.locator('[data-testid="remove-all"]').click();
		await page.locator('[data-testid="remove-all-confirm"]').click();
		await page.locator('[data-testid="upload-empty"]').waitFor();
		await engineHas(page, 0);
		await page.reload();
		await engineHas(page, 0);
		expect(await page.locator('[data-testid="upload-empty"]').count()).toBe(1);
		expect(await storedRecords(page)).toEqual([]);
		expect(await page.evaluate((k) => localStorage.getItem(k), UPLOADS_HINT)).toBeNull();
		const bodies = await coverageBodies(page);
		expect(bodies).not.toContain(GEN_BODY);
		// the bundled 洪泽区 2023 report (replaced while uploaded) is back
		expect(bodies).toContain('淮安市洪泽区人民政府');
	});

	it('a folder with a reports.csv: the sheet gives body, county and year (no form), a generated PDF reads as in Node; a dropped file is parsed too', async () => {
		const { page } = watch;
		const dir = mkdtempSync(resolve(tmpdir(), 'upload-folder-'));
		mkdirSync(resolve(dir, 'wjw'));
		// a title without place or year: reports.csv says who and when
		writeFileSync(resolve(dir, 'wjw/wjw.html'), writeHtml(randomSpec('2021', 52, { title: '卫生健康委员会政府信息公开工作年度报告' }).spec));
		writeFileSync(resolve(dir, 'wjw/reports.csv'), '文件名,单位,县,年份\nwjw.html,示例县卫生健康委员会,示例县,2022\n');
		// and a generated PDF (the demo data's writer) whose title names its body and year: not in the sheet, read from the file
		const pdfSpec = randomSpec('2021', 54, { title: '示例县己乡2023年政府信息公开工作年度报告' });
		const pdf = await buildPdf(pdfSpec.spec);
		writeFileSync(resolve(dir, 'wjw/ji_2023.pdf'), pdf);
		await page.goto(`${server.url}upload`);
		await engineHas(page, 0);
		await page.locator('[data-testid="folder-input"]').setInputFiles(resolve(dir, 'wjw'));
		await page.locator('[data-testid="upload-list"] tr[data-report="wjw.html"]').waitFor({ timeout: 60_000 });
		await page.locator('[data-testid="upload-list"] tr[data-report="ji_2023.pdf"]').waitFor({ timeout: 60_000 });
		expect(await page.locator('[data-testid="pending"]').count()).toBe(0);
		const pdfRow = page.locator('[data-testid="upload-list"] tr[data-report="ji_2023.pdf"]');
		expect(await pdfRow.locator('[data-col="body"]').innerText()).toBe('示例县己乡');
		expect(await pdfRow.locator('[data-col="year"]').innerText()).toBe('2023');
		await engineHas(page, 2);
		const storedPdf = (await storedRecords(page)).find((r) => r.id === 'ji_2023.pdf')!;
		expect(storedPdf.cells).toEqual(pdfSpec.expected);
		expect(storedPdf.cells).toEqual((await nodeRecord('ji_2023.pdf', pdf)).cells);
		const row = page.locator('[data-testid="upload-list"] tr[data-report="wjw.html"]');
		expect(await row.locator('[data-col="body"]').innerText()).toBe('示例县卫生健康委员会');
		expect(await row.locator('[data-col="county"]').innerText()).toBe('示例县');
		expect(await row.locator('[data-col="year"]').innerText()).toBe('2022');
		expect(await row.locator('[data-col="file"]').innerText()).toBe('wjw/wjw.html');

		// (the drop zone takes no new files while a batch is being added)
		await page.locator('[data-testid="upload-progress"]').waitFor({ state: 'detached', timeout: 60_000 });
		// a drop (what a drag from the file manager delivers): the page reads it like the buttons
		const txt = writeTxt(randomSpec('2021', 53, { title: '示例县戊乡2024年政府信息公开工作年度报告' }).spec);
		const dt = await page.evaluateHandle((text) => {
			const d = new DataTransfer();
			d.items.add(new File([text], 'wu_2024.txt', { type: 'text/plain' }));
			return d;
		}, txt);
		await page.locator('[data-testid="drop-zone"]').dispatchEvent('drop', { dataTransfer: dt });
		await page
			.locator('[data-testid="upload-list"] tr[data-report="wu_2024.txt"], [data-testid="upload-failures"], [data-testid="pending"]')
			.first()
			.waitFor({ timeout: 60_000 });
		expect(await page.locator('[data-testid="upload-failures"], [data-testid="pending"]').allTextContents()).toEqual([]);
		await engineHas(page, 3);
		const stored = await storedRecords(page);
		const want = await nodeRecord('wu_2024.txt', new TextEncoder().encode(txt));
		expect(stored.find((r) => r.id === 'wu_2024.txt')!.cells).toEqual(want.cells);
		await page.locator('[data-testid="remove-all"]').click();
		await page.locator('[data-testid="remove-all-confirm"]').click();
		await engineHas(page, 0);
	});

	it('the build carries every pdfjs CMap and standard font (PDFs without embedded fonts parse offline)', () => {
		const built = readdirSync(resolve(ROOT, 'build/_app/immutable/workers/assets')).map((f) => f.replace(/-[\w-]{8}(\.\w+)$/, '$1'));
		const want = (dir: string, re: RegExp) => readdirSync(resolve(ROOT, 'node_modules/pdfjs-dist', dir)).filter((f) => re.test(f));
		for (const f of [...want('cmaps', /\.bcmap$/), ...want('standard_fonts', /\.(pfb|ttf)$/), ...want('wasm', /\.wasm$/)]) expect(built, f).toContain(f);
	});

	it('nothing left the machine and the page logged no error', () => {
		expect(watch.blocked).toEqual([]);
		expect(watch.errors).toEqual([]);
	});
});

async function streamBytes(s: NodeJS.ReadableStream): Promise<Buffer> {
	const parts: Buffer[] = [];
	for await (const c of s) parts.push(Buffer.from(c as Buffer));
	return Buffer.concat(parts);
}
