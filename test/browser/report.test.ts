/**
 * The report page (`/report?id=…`) in Debian Chromium against the built app, every non-local request blocked.
 * Expected values come from the records in data/ and from hand-checked facts of the real corpus
 * (huaian_hongze_2023.pdf: 行政复议 10+1+0+0 ≠ 总计 0; 复议后起诉 5+0+0+0 ≠ 总计 0).
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULE_NAMES } from '../../src/lib/check/finding';
import { ROOT, assertBuilt, launchBrowser, openPage, startPreview, type PageWatch, type PreviewServer } from './helpers';
import { DATA, SCREENSHOTS, record, records, seriousViolations } from './records';
import { limit } from '../timeouts';

const HONGZE = 'huaian_hongze_2023.pdf';
const KUPU = 'toli_kupu_2024.txt';
const RESULTS = ['upheld', 'corrected', 'other', 'pending', 'total'];
const R4_CELLS = ['review', 'suit_after_review'].flatMap((g) => RESULTS.map((r) => `t4.${g}.${r}`));

let server: PreviewServer | undefined;
let browser: Browser | undefined;
let watch: PageWatch;

async function openReport(page: Page, id: string) {
	await page.goto(`${server!.url}report?id=${encodeURIComponent(id)}`);
	await page.locator(`[data-testid="report"][data-report="${id}"]`).waitFor({ timeout: 45_000 });
	// the other years and cross-year findings come from DuckDB, after the record
	await page.locator('[data-testid="db-loading"]').waitFor({ state: 'detached', timeout: 45_000 });
}

const cell = (page: Page, id: string) => page.locator(`td[data-cell="${id}"]`);
/** The text a sighted reader sees in a cell (markers and screen-reader-only text left out). */
const visible = (page: Page, id: string) => cell(page, id).locator('.raw').innerText();
const markedCells = (page: Page) =>
	page.$$eval('td[data-cell].marked', (els) => els.map((e) => e.getAttribute('data-cell') ?? '').sort());

describe('report page', { timeout: limit(90_000) }, () => {
	beforeAll(async () => {
		assertBuilt();
		server = await startPreview();
		browser = await launchBrowser();
		watch = await openPage(browser, { width: 1366, height: 768 });
		mkdirSync(SCREENSHOTS, { recursive: true });
	}, limit(60_000));

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	describe(`${HONGZE} (real report with two R4 failures)`, () => {
		beforeAll(async () => {
			await openReport(watch.page, HONGZE);
			await watch.page.screenshot({ path: resolve(SCREENSHOTS, 'report-hongze.png'), fullPage: true });
			await watch.page.locator('table[data-table="t4"]').screenshot({ path: resolve(SCREENSHOTS, 'report-hongze-t4.png') });
		}, limit(60_000));

		it('the record holds exactly the two hand-checked R4 failures', () => {
			const fails = record(HONGZE).findings.filter((f) => f.status === 'fail');
			expect(fails.map((f) => f.rule)).toEqual(['R4', 'R4']);
			expect(fails.flatMap((f) => f.cells).sort()).toEqual([...R4_CELLS].sort());
		});

		it('highlights exactly the cells of the two R4 failures', async () => {
			const { page } = watch;
			expect(await markedCells(page)).toEqual([...R4_CELLS].sort());
			for (const id of R4_CELLS) {
				expect(await cell(page, id).getAttribute('data-severity')).toBe('error');
				// not by colour alone: a marker symbol in the cell
				expect(await cell(page, id).locator('.mark').innerText()).toBe('✖');
			}
		});

		it('shows the numbers 10, 1, 5 and the totals 0 as printed', async () => {
			const { page } = watch;
			expect(await visible(page, 't4.review.upheld')).toBe('10');
			expect(await visible(page, 't4.review.corrected')).toBe('1');
			expect(await visible(page, 't4.review.total')).toBe('0');
			expect(await visible(page, 't4.suit_after_review.upheld')).toBe('5');
			expect(await visible(page, 't4.suit_after_review.total')).toBe('0');
			// every printed cell shows the raw text of the record
			const r = record(HONGZE);
			const shown = await page.$$eval('td[data-cell]', (els) =>
				els.map((e) => [e.getAttribute('data-cell') ?? '', e.getAttribute('data-raw') ?? '']).filter(([, raw]) => raw !== '')
			);
			expect(shown.length).toBeGreaterThan(100);
			for (const [id, raw] of shown) expect(raw, id).toBe(r.detail[id].raw.trim());
		});

		it('explains each finding in Chinese with rule name and severity', async () => {
			const { page } = watch;
			const items = page.locator('[data-testid="finding-list"] li[data-rule="R4"]');
			expect(await items.count()).toBe(2);
			const texts = await items.allInnerTexts();
			for (const f of record(HONGZE).findings) expect(texts.some((t) => t.includes(f.message))).toBe(true);
			for (const t of texts) {
				expect(t).toContain(RULE_NAMES.R4);
				expect(t).toContain('错误');
			}
			expect(texts.join('\n')).toContain('行政复议：维持+纠正+其他+尚未审结=11，总计=0，两者不等');
		});

		it('hovering a finding highlights its cells, hovering a cell highlights its finding', async () => {
			const { page } = watch;
			const review = page.locator('[data-testid="finding-list"] li[data-cells~="t4.review.upheld"]');
			await review.hover();
			const active = await page.$$eval('td[data-cell].active', (els) => els.map((e) => e.getAttribute('data-cell')).sort());
			expect(active).toEqual(RESULTS.map((r) => `t4.review.${r}`).sort());
			await page.mouse.move(0, 0);
			expect(await page.locator('td[data-cell].active').count()).toBe(0);

			await cell(page, 't4.suit_after_review.upheld').locator('button').hover();
			const activeFindings = await page.$$eval('li.finding.active', (els) => els.map((e) => e.getAttribute('data-cells')));
			expect(activeFindings).toHaveLength(1);
			expect(activeFindings[0]).toContain('t4.suit_after_review.total');
			await page.mouse.move(0, 0);

			// keyboard: focusing the finding's button does the same
			await review.locator('button').focus();
			expect(await page.locator('td[data-cell].active').count()).toBe(5);
			await page.keyboard.press('Enter');
			expect(await review.locator('button').getAttribute('aria-pressed')).toBe('true');
			await review.locator('button').press('Enter');
		});

		it('shows the metadata, the format, the origin badge, the source file and its SHA-256', async () => {
			const { page } = watch;
			const r = record(HONGZE);
			const meta = await page.locator('[data-testid="report-meta"]').innerText();
			expect(meta).toContain(r.meta.body!);
			expect(meta).toContain(r.meta.county!);
			expect(meta).toContain('2023年');
			expect(meta).toContain('取自标题');
			expect(await page.locator('[data-testid="format-name"]').innerText()).toContain('2021年新版格式');
			expect(await page.locator('[data-testid="origin-badge"]').innerText()).toBe(r.meta.origin);
			expect(await page.locator('[data-testid="source-file"]').innerText()).toContain(r.source.file);
			expect(await page.locator('[data-testid="source-sha256"]').innerText()).toBe(r.source.sha256);
		});

		it('says the prose was not bundled and lists the counts quoted in the prose', async () => {
			const { page } = watch;
			const r = record(HONGZE);
			expect(Object.keys(r.sections)).toHaveLength(0);
			expect(await page.locator('[data-testid="no-prose"]').first().innerText()).toBe('原文未随数据提供（仅保留数字）');
			const counts = page.locator('[data-testid="prose-counts"] tbody tr');
			expect(await counts.count()).toBe(r.prose.length);
			expect(await counts.first().innerText()).toContain(`${r.prose[0].value} 件`);
		});

		it('has no serious or critical accessibility violations', async () => {
			expect(await seriousViolations(watch.page)).toEqual([]);
		}, limit(300_000));
	});

	describe(`${KUPU} (real report, no activity, one blank cell)`, () => {
		beforeAll(async () => {
			await openReport(watch.page, KUPU);
			await watch.page.screenshot({ path: resolve(SCREENSHOTS, 'report-kupu.png'), fullPage: true });
			await watch.page.screenshot({ path: resolve(SCREENSHOTS, 'report-kupu-viewport.png') });
			await watch.page.locator('table[data-table="t3"]').screenshot({ path: resolve(SCREENSHOTS, 'report-kupu-t3.png') });
		}, limit(60_000));

		it('shows the zero-activity finding', async () => {
			const { page } = watch;
			const zero = record(KUPU).findings.find((f) => f.rule === 'ZERO');
			expect(zero).toBeDefined();
			const li = page.locator('[data-testid="finding-list"] li[data-rule="ZERO"]');
			expect(await li.count()).toBe(1);
			const text = await li.innerText();
			expect(text).toContain(zero!.message);
			expect(text).toContain(RULE_NAMES.ZERO);
			expect(text).toContain('警告');
			for (const id of zero!.cells) expect(await cell(page, id).getAttribute('data-severity'), id).not.toBeNull();
		});

		it('shows the blank cell t3.partial.research as blank, not 0', async () => {
			const { page } = watch;
			const r = record(KUPU);
			expect(r.cells['t3.partial.research']).toBeNull();
			const td = cell(page, 't3.partial.research');
			expect(await td.getAttribute('data-state')).toBe('blank');
			expect(await td.getAttribute('data-raw')).toBe('');
			expect(await visible(page, 't3.partial.research')).toBe('');
			expect(await td.innerText()).not.toMatch(/\d/);
			// read out as 空白 by screen readers
			expect(await td.locator('.sr-only').first().textContent()).toBe('空白');
			// a printed zero beside it is shown as 0
			expect(await visible(page, 't3.partial.natural')).toBe('0');
		});

		it('greys out the row the report does not print', async () => {
			const absent = watch.page.locator('td[data-absent-row="t3.other.misc.natural"]');
			expect(await absent.count()).toBe(1);
			expect(await absent.innerText()).toContain('未列出');
			expect(await watch.page.locator('td[data-cell^="t3.other.misc."]').count()).toBe(0);
		});

		it('has no serious or critical accessibility violations', async () => {
			expect(await seriousViolations(watch.page)).toEqual([]);
		}, limit(300_000));
	});

	describe('cross-year findings', () => {
		const cross = records()
			.flatMap((r) => r.findings)
			.find((f) => (f.rule === 'X1' || f.rule === 'X2') && f.other);

		it('the data holds at least one cross-year finding', () => {
			expect(cross).toBeDefined();
		});

		it('a cross-year finding links to the other year, which links back', async () => {
			const { page } = watch;
			const f = cross!;
			const other = record(f.other!);
			await openReport(page, f.report);
			const li = page.locator(`[data-testid="finding-list"] li[data-rule="${f.rule}"]`).filter({ hasText: f.message });
			expect(await li.count()).toBe(1);
			// the other report's cells are not marked on this page
			const marked = await markedCells(page);
			for (const c of f.cells.filter((c) => c.includes('#'))) expect(marked).not.toContain(c.split('#')[1]);
			const link = li.locator('[data-testid="cross-year-link"]');
			expect(await link.innerText()).toContain(`${other.meta.year}年`);
			await link.click();
			await page.waitForURL((u) => u.searchParams.get('id') === f.other);
			await page.locator(`[data-testid="report"][data-report="${f.other}"]`).waitFor({ timeout: 30_000 });
			expect(await page.locator('[data-testid="report-title"]').innerText()).toContain(String(other.meta.year));
			// the other year's page lists the finding too, marks its own cells, and links back
			const back = page.locator('[data-testid="inbound-list"] li').filter({ hasText: f.message });
			await back.waitFor({ timeout: 30_000 });
			const own = f.cells.filter((c) => c.startsWith(`${f.other}#`)).map((c) => c.split('#')[1]);
			const markedThere = await markedCells(page);
			for (const c of own) expect(markedThere).toContain(c);
			expect((await back.getAttribute('data-cells'))!.split(' ').sort()).toEqual([...own].sort());
			await back.locator('[data-testid="cross-year-link"]').click();
			await page.waitForURL((u) => u.searchParams.get('id') === f.report);
			await page.locator(`[data-testid="report"][data-report="${f.report}"]`).waitFor({ timeout: 30_000 });
			// back button returns to the other year
			await page.goBack();
			await page.locator(`[data-testid="report"][data-report="${f.other}"]`).waitFor({ timeout: 30_000 });
	}, limit(300_000));
	});

	it('the build carries every record of data/ under build/data/, byte for byte, and nothing else', async () => {
		const built = readdirSync(resolve(ROOT, 'build/data')).sort();
		expect(built).toEqual(records().map((r) => `${r.id}.json`).sort());
		for (const name of built) expect(readFileSync(resolve(ROOT, 'build/data', name)).equals(readFileSync(resolve(DATA, name))), name).toBe(true);
		// and the preview server answers with the same record, not for other files
		const res = await fetch(`${server!.url}data/${encodeURIComponent(`${HONGZE}.json`)}`);
		expect(res.status).toBe(200);
		expect(((await res.json()) as { id: string }).id).toBe(HONGZE);
		expect((await fetch(`${server!.url}data/failures.json`)).status).toBe(404);
		expect((await fetch(`${server!.url}data/..%2Fpackage.json`)).status).toBe(404);
	});

	it('without an id lists every report with a link to its page', async () => {
		const { page } = watch;
		await page.goto(`${server!.url}report`);
		await page.locator('[data-testid="report-index"]').waitFor({ timeout: 45_000 });
		expect(await page.locator('[data-testid="report-index"] tbody tr').count()).toBe(records().length);
	});

	it('an unknown id says so', async () => {
		const { page } = watch;
		await page.goto(`${server!.url}report?id=${encodeURIComponent('没有这份报告.pdf')}`);
		await page.locator('[data-testid="report-error"]').waitFor({ timeout: 30_000 });
		expect(await page.locator('[data-testid="report-error"]').innerText()).toContain('找不到报告');
	});

	it('fits 1920×1080 without horizontal scrolling', async () => {
		const w = await openPage(browser!, { width: 1920, height: 1080 });
		try {
			await openReport(w.page, HONGZE);
			const overflow = await w.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
			expect(overflow).toBeLessThanOrEqual(0);
			await w.page.screenshot({ path: resolve(SCREENSHOTS, 'report-hongze-1920.png') });
		} finally {
			await w.context.close();
		}
	});

	it('fits 1366×768 without horizontal scrolling, loaded nothing from outside, logged no errors', async () => {
		await openReport(watch.page, HONGZE);
		const overflow = await watch.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow).toBeLessThanOrEqual(0);
		expect(watch.blocked).toEqual([]);
		// the unknown-id test fetches a missing record on purpose (404)
		expect(watch.errors.filter((e) => !/404/.test(e))).toEqual([]);
	});
});
