/**
 * The overview of a region with more bodies than it draws at once: 300 generated reports (several counties) go through
 * the real generator and ingest; a copy of build/ serves them. 全部地区 draws the first LIMIT_ALL bodies in the matrix
 * and the requests chart and says so, 再显示 draws the next ones, 全部显示 every body, and a county draws all of its own.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMIT_ALL, LIMIT_COUNTY } from '../../src/lib/charts/firstview';
import { parseSummary } from '../../src/lib/store/summary';
import { SCREENSHOTS, launchBrowser, openPage, runScript, stageBuild, startStaticDir, type PageWatch, type PreviewServer } from './helpers';
import { limit } from '../timeouts';

let work: string;
let site: string;
let server: PreviewServer;
let browser: Browser;
let watch: PageWatch;
/** Bodies per county, from the ingest's summary.json (not from the page). */
let bodies: Map<string, Set<string>>;

const matrixBodies = () =>
	watch.page.$$eval('[data-testid="coverage-matrix"] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-body') ?? ''));
const chartBodies = () =>
	watch.page.$$eval('[data-testid="requests-chart"] g.bar', (gs) => [...new Set(gs.map((g) => g.getAttribute('data-body') ?? ''))]);

describe('overview of many bodies: the first ones drawn until asked', { timeout: limit(180_000) }, () => {
	beforeAll(async () => {
		work = mkdtempSync(join(tmpdir(), 'capped-'));
		// text and web pages only: the bodies are what this test needs, and .docx and PDF files only make the set slower to
		// write and read (their adapters have their own tests)
		runScript(['scripts/generate.ts', 'scale', '--n', '300', '--docx', '0', '--pdf', '0', '--out', join(work, 'in')]);
		runScript(['scripts/ingest.ts', '--out', join(work, 'out'), join(work, 'in')]);
		const summary = parseSummary(readFileSync(join(work, 'out', 'summary.json'), 'utf8'));
		if (!summary) throw new Error('no summary.json');
		bodies = new Map();
		for (const r of summary.reports) {
			// the generator names every county and body
			if (r.county === null || r.body === null) throw new Error(`${r.id}: no county or body`);
			const set = bodies.get(r.county) ?? new Set<string>();
			set.add(r.body);
			bodies.set(r.county, set);
		}
		site = stageBuild(join(work, 'out'));
		mkdirSync(SCREENSHOTS, { recursive: true });
		server = await startStaticDir(site);
		browser = await launchBrowser();
		watch = await openPage(browser);
		await watch.page.goto(server.url);
		await watch.page.locator('[data-testid="source"][data-state="ready"]').waitFor({ timeout: 90_000 });
		await watch.page.locator('[data-testid="requests-chart"] g.bar').first().waitFor({ timeout: 90_000 });
	}, limit(180_000));

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		if (work) rmSync(work, { recursive: true, force: true });
		if (site) rmSync(site, { recursive: true, force: true });
	});

	it('全部地区 draws the first LIMIT_ALL bodies in the matrix and the chart, and says how many there are', async () => {
		const total = [...bodies.values()].reduce((n, s) => n + s.size, 0);
		expect(total).toBeGreaterThan(LIMIT_ALL);
		const notice = (await watch.page.locator('[data-testid="capped"]').textContent()) ?? '';
		expect(notice).toContain(`只画前 ${LIMIT_ALL} 个单位（共 ${total} 个）`);
		const rows = await matrixBodies();
		expect(rows.length).toBe(LIMIT_ALL);
		// the chart draws the same bodies as the matrix (a body without any report in the years has no bar)
		const drawn = await chartBodies();
		expect(drawn.length).toBeGreaterThan(0);
		for (const b of drawn) expect(rows).toContain(b);
		await watch.page.screenshot({ path: resolve(SCREENSHOTS, 'overview-capped.png') });
		expect(watch.errors).toEqual([]);
	});

	it('a county draws every one of its bodies', async () => {
		const [county, own] = [...bodies].sort((a, b) => b[1].size - a[1].size)[0];
		expect(own.size).toBeLessThanOrEqual(LIMIT_COUNTY);
		await watch.page.selectOption('[data-testid="filter-region"]', county);
		await expect.poll(async () => (await matrixBodies()).length, { timeout: 30_000 }).toBe(own.size);
		expect(new Set(await matrixBodies())).toEqual(own);
		expect(await watch.page.locator('[data-testid="capped"]').count()).toBe(0);
	});

	it('再显示 draws the next bodies, 全部显示 every body', async () => {
		const total = [...bodies.values()].reduce((n, s) => n + s.size, 0);
		const fresh = async () => {
			await watch.page.goto(server.url);
			await watch.page.locator('[data-testid="source"][data-state="ready"]').waitFor({ timeout: 90_000 });
			await expect.poll(async () => (await matrixBodies()).length, { timeout: 30_000 }).toBe(LIMIT_ALL);
		};
		await fresh();
		const more = watch.page.locator('[data-testid="show-more"]');
		expect((await more.textContent())?.trim()).toBe(`再显示 ${Math.min(LIMIT_ALL, total - LIMIT_ALL)} 个`);
		await more.click();
		await expect.poll(async () => (await matrixBodies()).length, { timeout: 30_000 }).toBe(Math.min(total, 2 * LIMIT_ALL));
		if (total <= 2 * LIMIT_ALL) expect(await watch.page.locator('[data-testid="capped"]').count()).toBe(0);
		await fresh();
		await watch.page.locator('[data-testid="show-all"]').click();
		await expect.poll(async () => (await matrixBodies()).length, { timeout: 30_000 }).toBe(total);
		expect(await watch.page.locator('[data-testid="capped"]').count()).toBe(0);
		// the chart draws the same bodies as the matrix
		for (const b of await chartBodies()) expect(await matrixBodies()).toContain(b);
		expect(watch.errors).toEqual([]);
	});
});
