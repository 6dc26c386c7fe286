/**
 * The data-quality page (`/quality`) in Debian Chromium against the built app, every non-local request blocked.
 * The expected counts are computed here from the records in data/*.json.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULE_NAMES, type Finding } from '../../src/lib/check/finding';
import { assertBuilt, launchBrowser, openPage, startPreview, type PageWatch, type PreviewServer } from './helpers';
import { SCREENSHOTS, allFindings, records, seriousViolations } from './records';
import { limit } from '../timeouts';

let server: PreviewServer | undefined;
let browser: Browser | undefined;
let watch: PageWatch;

const SEV_RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };

async function ready(page: Page) {
	await page.locator('[data-testid="finding-count"]').waitFor({ timeout: 45_000 });
	// the options (selects) are filled in as well
	await page.locator('[data-testid="filter-body"] option:nth-child(2)').waitFor({ state: 'attached', timeout: 30_000 });
}

async function shownCount(page: Page): Promise<number> {
	return Number(await page.locator('[data-testid="finding-count"]').getAttribute('data-count'));
}

async function rows(page: Page) {
	return page.$$eval('tr[data-finding-row]', (els) =>
		els.map((e) => ({
			rule: e.getAttribute('data-rule') ?? '',
			severity: e.getAttribute('data-severity') ?? '',
			body: e.getAttribute('data-body') ?? '',
			year: e.getAttribute('data-year') ?? '',
			report: e.getAttribute('data-report') ?? ''
		}))
	);
}

/** Wait until the list shows `n` rows (the query runs after the URL changes). */
async function expectRows(page: Page, n: number) {
	await expect.poll(() => shownCount(page), { timeout: 20_000 }).toBe(n);
	await expect.poll(async () => (await rows(page)).length, { timeout: 20_000 }).toBe(n);
}

const count = (fs: Finding[], p: (f: Finding) => boolean) => fs.filter(p).length;

describe('data-quality page', { timeout: limit(90_000) }, () => {
	const findings = allFindings();
	const byReport = new Map(records().map((r) => [r.id, r]));
	// a rule present with several findings but not all of them, to see a filter take effect
	const rule = (['R4', 'R2', 'ZERO', 'R3', 'N1', 'X1'] as const).find((r) => {
		const n = count(findings, (f) => f.rule === r);
		return n > 0 && n < findings.length;
	})!;

	beforeAll(async () => {
		assertBuilt();
		server = await startPreview();
		browser = await launchBrowser();
		watch = await openPage(browser, { width: 1366, height: 768 });
		mkdirSync(SCREENSHOTS, { recursive: true });
		await watch.page.goto(`${server.url}quality`);
		await ready(watch.page);
		await watch.page.screenshot({ path: resolve(SCREENSHOTS, 'quality.png') });
		await watch.page.screenshot({ path: resolve(SCREENSHOTS, 'quality-full.png'), fullPage: true });
	}, limit(90_000));

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	it('lists every finding of the data', async () => {
		expect(findings.length).toBeGreaterThan(0);
		await expectRows(watch.page, findings.length);
		expect(await watch.page.locator('[data-testid="finding-count"]').innerText()).toBe(`全部共 ${findings.length} 条`);
	});

	it('counts per rule and severity agree with the records', async () => {
		const { page } = watch;
		const rules = [...new Set(findings.map((f) => f.rule))];
		for (const r of rules) {
			const row = page.locator(`[data-testid="counts"] tr[data-count-rule="${r}"]`);
			const cells = (await row.locator('td').allInnerTexts()).map((t) => Number(t.trim()));
			const expected = ['error', 'warning', 'info'].map((s) => count(findings, (f) => f.rule === r && f.severity === s));
			expect(cells, r).toEqual([...expected, count(findings, (f) => f.rule === r)]);
			expect(await row.locator('th').innerText()).toContain(RULE_NAMES[r]);
		}
	});

	it('sorts by severity, then body, then year', async () => {
		const list = await rows(watch.page);
		const zh = new Intl.Collator('zh-CN');
		for (let i = 1; i < list.length; i++) {
			const a = list[i - 1];
			const b = list[i];
			const key = SEV_RANK[a.severity] - SEV_RANK[b.severity] || zh.compare(a.body, b.body) || Number(a.year) - Number(b.year);
			expect(key, `${i}: ${JSON.stringify(a)} before ${JSON.stringify(b)}`).toBeLessThanOrEqual(0);
		}
	});

	it('each row links to its report page', async () => {
		const { page } = watch;
		const first = (await rows(page))[0];
		const href = await page.locator('tr[data-finding-row]').first().locator('[data-testid="report-link"]').getAttribute('href');
		expect(href).toBe(`/report?id=${encodeURIComponent(first.report)}`);
		expect(byReport.has(first.report)).toBe(true);
	});

	it('a filter change updates the list and the URL; the URL reopens the view; back and forward work', async () => {
		const { page } = watch;
		const nRule = count(findings, (f) => f.rule === rule);
		await page.locator('[data-testid="filter-rule"]').selectOption(rule);
		await page.waitForURL((u) => u.searchParams.get('rule') === rule);
		await expectRows(page, nRule);
		expect(new Set((await rows(page)).map((r) => r.rule))).toEqual(new Set([rule]));

		// a second filter: the year of the first finding of that rule
		const year = byReport.get(findings.find((f) => f.rule === rule)!.report)!.meta.year!;
		const nRuleYear = count(findings, (f) => f.rule === rule && byReport.get(f.report)!.meta.year === year);
		await page.locator('[data-testid="filter-year"]').selectOption(String(year));
		await page.waitForURL((u) => u.searchParams.get('year') === String(year) && u.searchParams.get('rule') === rule);
		await expectRows(page, nRuleYear);
		await page.screenshot({ path: resolve(SCREENSHOTS, 'quality-filtered.png') });
		const url = page.url();

		// the copied link reopens the same view in a fresh page
		const other = await openPage(browser!, { width: 1366, height: 768 });
		try {
			await other.page.goto(url);
			await ready(other.page);
			await expectRows(other.page, nRuleYear);
			expect(await other.page.locator('[data-testid="filter-rule"]').inputValue()).toBe(rule);
			expect(await other.page.locator('[data-testid="filter-year"]').inputValue()).toBe(String(year));
			expect(other.blocked).toEqual([]);
		} finally {
			await other.context.close();
		}

		// back: only the rule filter; back again: everything; forward: the rule again
		await page.goBack();
		await page.waitForURL((u) => u.searchParams.get('rule') === rule && !u.searchParams.has('year'));
		await expectRows(page, nRule);
		expect(await page.locator('[data-testid="filter-year"]').inputValue()).toBe('');
		await page.goBack();
		await page.waitForURL((u) => !u.searchParams.has('rule'));
		await expectRows(page, findings.length);
		expect(await page.locator('[data-testid="filter-rule"]').inputValue()).toBe('');
		await page.goForward();
		await page.waitForURL((u) => u.searchParams.get('rule') === rule);
		await expectRows(page, nRule);
		expect(await page.locator('[data-testid="filter-rule"]').inputValue()).toBe(rule);
	});

	it('filters by severity and body, and clears', async () => {
		const { page } = watch;
		await page.goto(`${server!.url}quality?severity=error`);
		await ready(page);
		await expectRows(page, count(findings, (f) => f.severity === 'error'));
		const body = byReport.get(findings[0].report)!.meta.body!;
		await page.locator('[data-testid="filter-body"]').selectOption(body);
		await page.waitForURL((u) => u.searchParams.get('body') === body);
		await expectRows(page, count(findings, (f) => f.severity === 'error' && byReport.get(f.report)!.meta.body === body));
		await page.locator('[data-testid="clear-filters"]').click();
		await page.waitForURL((u) => !u.search);
		await expectRows(page, findings.length);
	});

	it('the sort buttons work from the keyboard and are announced', async () => {
		const { page } = watch;
		const button = page.locator('[data-testid="sort-year"]');
		await button.focus();
		await page.keyboard.press('Enter');
		await page.waitForURL((u) => u.searchParams.get('sort') === 'year');
		await expect.poll(() => page.locator('th:has([data-testid="sort-year"])').getAttribute('aria-sort')).toBe('ascending');
		const years = (await rows(page)).map((r) => Number(r.year || 0));
		expect(years).toEqual([...years].sort((a, b) => a - b));
		await page.goBack();
		await page.waitForURL((u) => !u.searchParams.has('sort'));
	});

	it('a row opens its report page', async () => {
		const { page } = watch;
		await page.goto(`${server!.url}quality?rule=R4`);
		await ready(page);
		const first = (await rows(page))[0];
		await page.locator('tr[data-finding-row]').first().locator('[data-testid="report-link"]').click();
		await page.locator(`[data-testid="report"][data-report="${first.report}"]`).waitFor({ timeout: 30_000 });
	});

	it('has no serious or critical accessibility violations', async () => {
		const { page } = watch;
		await page.goto(`${server!.url}quality`);
		await ready(page);
		await expectRows(page, findings.length);
		expect(await seriousViolations(page)).toEqual([]);
		await page.goto(`${server!.url}quality?rule=${rule}`);
		await ready(page);
		expect(await seriousViolations(page)).toEqual([]);
	}, limit(180_000));

	it('fits 1366×768 and 1920×1080 without horizontal scrolling, loaded nothing from outside, logged no errors', async () => {
		const { page } = watch;
		expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
		const big = await openPage(browser!, { width: 1920, height: 1080 });
		try {
			await big.page.goto(`${server!.url}quality`);
			await ready(big.page);
			expect(await big.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
			await big.page.screenshot({ path: resolve(SCREENSHOTS, 'quality-1920.png') });
		} finally {
			await big.context.close();
		}
		expect(watch.blocked).toEqual([]);
		expect(watch.errors).toEqual([]);
	});
});
