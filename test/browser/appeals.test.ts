/** 复议诉讼（表四）: results per body, 总计 vs its parts (R4), 纠错率 with the guard — against data/*.json. */
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
	type DataRecord,
	type PageWatch,
	type PreviewServer
} from './helpers';
import { limit } from '../timeouts';

const records = readDataRecords();
let server: PreviewServer;
let browser: Browser;
let watch: PageWatch;
const ready = '[data-testid="review-chart"] g.bar';
const RESULTS = ['upheld', 'corrected', 'other', 'pending'];
const suit = (r: DataRecord, res: string) => {
	const a = cell(r, `t4.suit_direct.${res}`);
	const b = cell(r, `t4.suit_after_review.${res}`);
	return a === null && b === null ? null : (a ?? 0) + (b ?? 0);
};

describe('appeals page', () => {
	beforeAll(async () => {
		server = await startPreview();
		browser = await launchBrowser();
		watch = await openPage(browser);
		await watch.page.goto(`${server.url}appeals?year=2024`);
		await watch.page.locator(ready).first().waitFor({ timeout: 90_000 });
	}, limit(300_000));

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	it('行政复议 and 行政诉讼 (both kinds summed) by result, as in the reports', async () => {
		const review = await readBars(watch.page, 'review-chart');
		const suits = await readBars(watch.page, 'suit-chart');
		for (const r of records.filter((x) => x.meta.year === 2024))
			for (const res of RESULTS) {
				const v = cell(r, `t4.review.${res}`);
				expect(review.find((b) => b.report === r.id && b.series === res)?.value, `${r.id} review ${res}`).toBe(v === null ? '' : String(v));
				const s = suit(r, res);
				expect(suits.find((b) => b.report === r.id && b.series === res)?.value, `${r.id} suit ${res}`).toBe(s === null ? '' : String(s));
			}
		const city = review.filter((b) => b.report === 'huaian_city_2024.pdf');
		expect(city.map((b) => Number(b.value)).reduce((a, b) => a + b, 0)).toBe(351);
	});

	it('纠错率 = 纠正 / (维持+纠正+其他), ranked only from 10 concluded cases', async () => {
		const rs = records.filter((x) => x.meta.year === 2024);
		const want = rs
			.map((r) => {
				const concluded = ['upheld', 'corrected', 'other'].reduce((n, k) => n + (cell(r, `t4.review.${k}`) ?? 0), 0);
				return { body: r.meta.body, concluded, rate: concluded ? (cell(r, 't4.review.corrected') ?? 0) / concluded : null };
			})
			.filter((x) => x.concluded >= 10)
			.sort((a, b) => b.rate! - a.rate!);
		const shown = await watch.page.$$eval('[data-testid="correction-chart"] g.rate', (gs) => gs.map((g) => ({ key: g.getAttribute('data-key'), value: Number(g.getAttribute('data-value')) })));
		expect(shown.map((s) => s.key)).toEqual(want.map((w) => w.body));
		for (const [i, s] of shown.entries()) expect(s.value).toBeCloseTo(want[i].rate!, 6);
		expect(shown.find((s) => s.key === '淮安市人民政府')?.value).toBeCloseTo(64 / (72 + 64 + 178), 6);
		// 洪泽区 2024: 2 reviews, too few to rate
		const rest = await watch.page.$$eval('[data-testid="correction-chart"] .rest li', (lis) => lis.map((li) => ({ key: li.getAttribute('data-key'), status: li.getAttribute('data-status'), text: li.textContent ?? '' })));
		const hz = rest.find((x) => x.key === '淮安市洪泽区人民政府')!;
		expect(hz.status).toBe('small');
		expect(hz.text).toContain('样本过少');
	});

	it('洪泽区 2023: 行政复议·总计 printed as 0 while its parts add up to 11 — shown and linked to the R4 finding', async () => {
		const w = await openPage(browser);
		try {
			await w.page.goto(`${server.url}appeals?region=${encodeURIComponent('洪泽区')}&year=2023`);
			await w.page.locator(ready).first().waitFor({ timeout: 90_000 });
			const hz = records.find((r) => r.id === 'huaian_hongze_2023.pdf')!;
			expect(cell(hz, 't4.review.total')).toBe(0);
			const bars = await readBars(w.page, 'review-chart');
			for (const res of RESULTS) expect(bars.find((b) => b.series === res)?.value).toBe(String(cell(hz, `t4.review.${res}`)));
			await w.page.locator('[data-testid="review-chart-toggle"]').click();
			const rows = await readTable(w.page, 'review-chart-table');
			expect(rows).toHaveLength(1);
			expect(rows[0].cells['x:total'].value).toBe('0');
			expect(rows[0].cells['x:total'].text).toBe('0（分项之和 11，不一致）');
			expect(rows[0].cells['x:total'].href).toBe(`/quality?rule=R4&body=${encodeURIComponent('淮安市洪泽区人民政府').replace(/%20/g, '+')}&year=2023`);
			expect(w.errors).toEqual([]);
		} finally {
			await w.context.close();
		}
	});

	it('switching the kind of lawsuit and the rate updates the charts and the URL; back/forward restore', async () => {
		const { page } = watch;
		await page.getByRole('radio', { name: '行政诉讼·复议后起诉' }).check();
		await page.waitForURL((u) => u.searchParams.get('suit') === 'suit_after_review');
		const city = records.find((r) => r.id === 'huaian_city_2024.pdf')!;
		await expect
			.poll(async () => (await readBars(page, 'suit-chart')).find((b) => b.report === city.id && b.series === 'pending')?.value)
			.toBe(String(cell(city, 't4.suit_after_review.pending')));
		await page.getByRole('radio', { name: '行政诉讼（合计）' }).last().check();
		await page.waitForURL((u) => u.searchParams.get('metric') === 'suit');
		await expect.poll(() => page.locator('[data-testid="correction-chart"] h2').textContent()).toBe('行政诉讼（合计）纠错率');
		await page.goBack();
		await page.waitForURL((u) => !u.searchParams.has('metric') && u.searchParams.get('suit') === 'suit_after_review');
		await expect.poll(() => page.locator('[data-testid="correction-chart"] h2').textContent()).toBe('行政复议纠错率');
		await page.goBack();
		await page.waitForURL((u) => !u.searchParams.has('suit'));
		await expect
			.poll(async () => (await readBars(page, 'suit-chart')).find((b) => b.report === city.id && b.series === 'pending')?.value)
			.toBe(String(suit(city, 'pending')));
		await page.goForward();
		await page.waitForURL((u) => u.searchParams.get('suit') === 'suit_after_review');
	});

	it('has no serious or critical accessibility violations', async () => {
		expect(await seriousViolations(watch.page)).toEqual([]);
	});

	it('takes screenshots at 1366×768 and 1920×1080', async () => {
		expect(await screenshotAt(browser, `${server.url}appeals`, 'appeals', ready)).toHaveLength(2);
		expect(await screenshotAt(browser, `${server.url}appeals?region=${encodeURIComponent('托里县')}&view=years`, 'appeals-years', ready)).toHaveLength(2);
	}, limit(300_000));

	it('logs no console errors and makes no external requests', () => {
		expect(watch.errors).toEqual([]);
		expect(watch.blocked).toEqual([]);
	});
});
