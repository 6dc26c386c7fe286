/**
 * The overview's default view is prerendered into its HTML (+page.server.ts): the headline figures and the coverage
 * matrix are painted before any script of the app has run, the page hydrates from the same figures, and the view is
 * hidden before the first paint when it would not be the view asked for (a filter in the address, reports added in
 * this browser: the boot script in src/app.html).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPLOADS_HINT } from '../../src/lib/db/uploads-hint';
import { cell, launchBrowser, openPage, OVERVIEW_READY, readDataRecords, startPreview, type PreviewServer } from './helpers';
import { limit } from '../timeouts';

const records = readDataRecords();
let server: PreviewServer;
let browser: Browser;

const total = (ids: string[]) => records.reduce((n, r) => n + ids.reduce((m, id) => m + (cell(r, id) ?? 0), 0), 0);
const cards = (page: Page) =>
	page.$$eval('[data-testid="headline"] li', (lis) => Object.fromEntries(lis.map((li) => [li.getAttribute('data-key'), li.getAttribute('data-value')])));
const visibility = (page: Page, testid: string) =>
	page.$eval(`[data-testid="${testid}"]`, (e) => getComputedStyle(e).visibility);
/** What stands in for the hidden view (a CSS ::before of <main>); "none" when nothing does. */
const placeholder = (page: Page) => page.$eval('main', (m) => getComputedStyle(m, '::before').content);
/** A page on which none of the app's own scripts loads (the inline boot script of the HTML still runs). */
async function withoutAppScripts(page: Page) {
	await page.route('**/_app/immutable/**/*.js', (route) => route.abort('blockedbyclient'));
}

describe('the overview prerendered', () => {
	beforeAll(async () => {
		server = await startPreview();
		browser = await launchBrowser();
	}, limit(90_000));

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	it('shows the headline figures and the matrix before any script of the app ran, with the figures of the data files', async () => {
		const w = await openPage(browser);
		try {
			await withoutAppScripts(w.page);
			await w.page.goto(server.url);
			const c = await cards(w.page);
			expect(Number(c.requests)).toBe(total(['t3.new.total']));
			expect(Number(c.reviews)).toBe(total(['t4.review.total']));
			expect(Number(c.reports)).toBe(new Set(records.map((r) => `${r.meta.body}|${r.meta.year}`)).size);
			const rows = await w.page.locator('[data-testid="coverage-matrix"] tbody tr').count();
			expect(rows).toBe(new Set(records.map((r) => r.meta.body)).size); // 21 bodies: under the cap of 30
			expect(await visibility(w.page, 'coverage')).toBe('visible');
			// the header says the data is demo data before any script
			expect(await w.page.locator('[data-testid="data-notice"]').innerText()).toContain('演示数据');
			expect(await w.page.locator('[data-testid="source"]').innerText()).toContain('预先汇总的默认视图');
		} finally {
			await w.context.close();
		}
	});

	it('is painted before the app has drawn anything (Element Timing), and the page hydrates it without a change', async () => {
		const w = await openPage(browser);
		try {
			await w.page.goto(server.url);
			await w.page.locator(OVERVIEW_READY).waitFor({ timeout: 90_000 });
			const t = await w.page.evaluate(
				() =>
					new Promise<{ painted: Record<string, number>; drawn: number | null }>((ok) =>
						new PerformanceObserver((list) => {
							const painted: Record<string, number> = {};
							for (const e of list.getEntries() as (PerformanceEntry & { identifier: string; renderTime: number })[])
								painted[e.identifier] = Math.max(painted[e.identifier] ?? 0, e.renderTime);
							ok({ painted, drawn: performance.getEntriesByName('overview:summary')[0]?.startTime ?? null });
						}).observe({ type: 'element', buffered: true })
					)
			);
			// 'overview:summary' is set when the page's script has the first view in the DOM (at hydration)
			expect(t.drawn).not.toBeNull();
			expect(t.painted['headline']).toBeLessThan(t.drawn!);
			expect(t.painted['coverage-matrix']).toBeLessThan(t.drawn!);
			const c = await cards(w.page);
			expect(Number(c.requests)).toBe(total(['t3.new.total']));
			expect(w.errors).toEqual([]);
		} finally {
			await w.context.close();
		}
	});

	it('is hidden before the first paint with a filter in the address, then the filtered view is drawn', async () => {
		const w = await openPage(browser);
		try {
			await withoutAppScripts(w.page);
			await w.page.goto(`${server.url}?region=${encodeURIComponent('托里县')}`);
			expect(await visibility(w.page, 'coverage')).toBe('hidden');
			expect(await visibility(w.page, 'data-notice')).toBe('hidden');
			expect(await placeholder(w.page)).toBe('"正在载入数据…"');
			await w.page.unrouteAll();
			w.errors.length = 0; // the blocked scripts' load errors
			await w.page.goto(`${server.url}?region=${encodeURIComponent('托里县')}`);
			await w.page.locator(OVERVIEW_READY).waitFor({ timeout: 90_000 });
			expect(await visibility(w.page, 'coverage')).toBe('visible');
			const toli = records.filter((r) => r.meta.county === '托里县');
			expect(Number((await cards(w.page)).requests)).toBe(toli.reduce((n, r) => n + (cell(r, 't3.new.total') ?? 0), 0));
			expect(w.errors).toEqual([]);
		} finally {
			await w.context.close();
		}
	});

	it('is hidden while the browser says it holds uploads; a stale hint is dropped once the storage is read', async () => {
		const w = await openPage(browser);
		try {
			// set on a page where no app script runs (the 导入报告 page would read the empty storage and clear it)
			await withoutAppScripts(w.page);
			await w.page.goto(`${server.url}upload`);
			await w.page.evaluate((k) => localStorage.setItem(k, '2'), UPLOADS_HINT);
			await w.page.goto(server.url);
			expect(await visibility(w.page, 'coverage')).toBe('hidden');
			expect(await placeholder(w.page)).toBe('"正在载入数据…"');
			// with the scripts: no upload is stored, so the default view is shown and the hint removed
			await w.page.unrouteAll();
			w.errors.length = 0; // the blocked scripts' load errors
			await w.page.goto(server.url);
			await w.page.locator(OVERVIEW_READY).waitFor({ timeout: 90_000 });
			expect(await visibility(w.page, 'coverage')).toBe('visible');
			expect(await placeholder(w.page)).toBe('none');
			expect(await w.page.evaluate((k) => localStorage.getItem(k), UPLOADS_HINT)).toBeNull();
			expect(w.errors).toEqual([]);
		} finally {
			await w.context.close();
		}
	});
});
