/** 对比: two to six bodies, one or more years, side-by-side charts and a difference table — against data/*.json. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	cell,
	launchBrowser,
	openPage,
	readBars,
	readDataRecords,
	readTable,
	screenshotAt,
	seriousViolations,
	startPreview,
	type PageWatch,
	type PreviewServer
} from './helpers';
import { limit } from '../timeouts';

const records = readDataRecords();
const HZ = '淮安市洪泽区人民政府';
const CITY = '淮安市人民政府';
const q = (bodies: string[], years: number[]) => `compare?${bodies.map((b) => `body=${encodeURIComponent(b)}`).join('&')}&years=${years.join(',')}`;
let server: PreviewServer;
let browser: Browser;
let watch: PageWatch;
const ready = '[data-testid="compare-chart"] g.bar';

describe('compare page', () => {
	beforeAll(async () => {
		server = await startPreview();
		browser = await launchBrowser();
		watch = await openPage(browser);
		await watch.page.goto(`${server.url}${q([HZ, CITY], [2024])}`);
		await watch.page.locator(ready).first().waitFor({ timeout: 90_000 });
	}, limit(300_000));

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	it('draws one chart per measure with the two bodies side by side (95 vs 3119 new requests in 2024)', async () => {
		const bars = await readBars(watch.page, 'compare-chart');
		const newReq = await watch.page.$$eval('[data-testid="compare-chart"] section[data-metric="new"] g.bar', (gs) =>
			gs.map((g) => [g.getAttribute('data-body'), g.getAttribute('data-value')])
		);
		expect(Object.fromEntries(newReq)).toEqual({ [HZ]: '95', [CITY]: '3119' });
		expect(new Set(bars.map((b) => b.body))).toEqual(new Set([HZ, CITY]));
		const sections = await watch.page.locator('[data-testid="compare-chart"] section.small').count();
		expect(sections).toBeGreaterThanOrEqual(10);
	});

	it('the difference table has each value and its difference from the first body', async () => {
		await watch.page.locator('[data-testid="compare-chart-toggle"]').click();
		const rows = await readTable(watch.page, 'compare-chart-table');
		const hz = records.find((r) => r.meta.body === HZ && r.meta.year === 2024)!;
		const city = records.find((r) => r.meta.body === CITY && r.meta.year === 2024)!;
		const row = (metric: string) => rows.find((r) => r.data.metric === metric && r.data.year === '2024')!;
		expect(row('new').cells.b0.text).toBe('95');
		expect(row('new').cells.b1.text).toBe('3,119（+3,024）');
		const rev = (r: typeof hz) => cell(r, 't4.review.total')!;
		expect(row('review').cells.b1.value).toBe(String(rev(city)));
		expect(row('review').cells.b1.text).toContain(`（+${(rev(city) - rev(hz)).toLocaleString('zh-CN')}）`);
		const suits = (r: typeof hz) => (cell(r, 't4.suit_direct.total') ?? 0) + (cell(r, 't4.suit_after_review.total') ?? 0);
		expect(row('suit').cells.b0.value).toBe(String(suits(hz)));
		expect(row('new').cells.b0.href).toBe(`/report?id=${encodeURIComponent(hz.id)}`);
	});

	it('adding a year updates the charts, the table and the URL; 未报 where a body has no report; back/forward', async () => {
		const { page } = watch;
		// every state the chart passes through: until the answer for 2023 arrives, the chart must keep showing the
		// view it has the numbers for, never a 2023 bar drawn from the 2024-only answer (洪泽区 2023 as 未报)
		await page.evaluate((hz) => {
			const seen: string[] = ((window as unknown as { __hz23: string[] }).__hz23 = []);
			const chart = document.querySelector('[data-testid="compare-chart"]')!;
			new MutationObserver(() => {
				const g = chart.querySelector(`section[data-metric="new"] g.bar[data-body="${hz}"][data-year="2023"]`);
				if (g) seen.push(`${g.getAttribute('data-value')}|${g.textContent?.trim()}`);
			}).observe(chart, { subtree: true, childList: true, attributes: true, characterData: true });
		}, HZ);
		await page.locator('[data-testid="filter-years"] label', { hasText: '2023' }).locator('input').check();
		await page.waitForURL((u) => u.searchParams.get('years') === '2023,2024');
		await expect.poll(async () => (await readBars(page, 'compare-chart')).some((b) => b.year === '2023')).toBe(true);
		const bars = await readBars(page, 'compare-chart');
		expect(bars.find((b) => b.body === HZ && b.year === '2023' && b.series === '2023')?.value).toBeDefined();
		const newHz23 = await page.$$eval('[data-testid="compare-chart"] section[data-metric="new"] g.bar', (gs) =>
			gs.map((g) => ({ body: g.getAttribute('data-body'), year: g.getAttribute('data-year'), value: g.getAttribute('data-value'), text: g.textContent?.trim() }))
		);
		expect(newHz23.find((b) => b.body === HZ && b.year === '2023')?.value).toBe('21');
		expect(newHz23.find((b) => b.body === CITY && b.year === '2023')?.text).toBe('未报');
		const states = await page.evaluate(() => (window as unknown as { __hz23: string[] }).__hz23);
		expect(states.length).toBeGreaterThan(0);
		expect(new Set(states)).toEqual(new Set(['21|21']));
		await page.goBack();
		await page.waitForURL((u) => u.searchParams.get('years') === '2024');
		await expect.poll(async () => (await readBars(page, 'compare-chart')).some((b) => b.year === '2023')).toBe(false);
		await page.goForward();
		await page.waitForURL((u) => u.searchParams.get('years') === '2023,2024');
	});

	it('picks bodies with keyboard-operable checkboxes (at most six) and reopens the view from the URL', async () => {
		const w = await openPage(browser);
		try {
			await w.page.goto(`${server.url}compare`);
			await w.page.locator(ready).first().waitFor({ timeout: 90_000 });
			expect(await w.page.locator('[data-testid="default-hint"]').textContent()).toContain('未选满 2 个单位');
			await w.page.locator('[data-testid="filter-bodies"] summary').click();
			const boxes = w.page.locator('[data-testid="filter-bodies"] input[type="checkbox"]');
			for (let i = 0; i < 6; i++) {
				await boxes.nth(i).focus();
				await w.page.keyboard.press('Space');
				await w.page.waitForURL((u) => u.searchParams.getAll('body').length === i + 1);
			}
			expect(await boxes.nth(6).isDisabled()).toBe(true);
			const url = w.page.url();
			const again = await openPage(browser);
			try {
				await again.page.goto(url);
				await again.page.locator(ready).first().waitFor({ timeout: 90_000 });
				const bodies = new URL(url).searchParams.getAll('body');
				const shown = await again.page.$$eval('[data-testid="compare-chart"] section[data-metric="new"] .axis-x .tick', (ts) => ts.map((t) => t.getAttribute('data-group')));
				expect(shown).toEqual(bodies);
			} finally {
				await again.context.close();
			}
		} finally {
			await w.context.close();
		}
	});

	it('has no serious or critical accessibility violations', async () => {
		expect(await seriousViolations(watch.page)).toEqual([]);
	});

	it('takes screenshots at 1366×768 and 1920×1080', async () => {
		const url = `${server.url}${q([HZ, CITY, '托里县人民政府', '托里县库普乡'], [2023, 2024])}`;
		expect(await screenshotAt(browser, url, 'compare', ready)).toHaveLength(2);
	}, limit(300_000));

	it('logs no console errors and makes no external requests', () => {
		expect(watch.errors).toEqual([]);
		expect(watch.blocked).toEqual([]);
	});
});
