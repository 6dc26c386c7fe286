/**
 * The overview page as a user sees it, in Debian Chromium against the built app (`vite build` first).
 * Reads the chart from the SVG DOM and the table alternative from the HTML, with the network cut off
 * everywhere but localhost.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZERO_MARK } from '../../src/lib/charts/bars';
import { assertBuilt, launchBrowser, openPage, ROOT, startPreview, type PageWatch, type PreviewServer } from './helpers';
import { limit } from '../timeouts';

const TITLE = '各单位本年新收政府信息公开申请数量（件）';
const SCREENSHOTS = resolve(ROOT, 'test/browser/screenshots');

interface Bar {
	report: string;
	body: string;
	label: string;
	year: string;
	value: string;
	blank: string;
	origin: string;
	text: string;
	height: number | null;
	cut: boolean;
}

/** The overview's request bars as drawn: data-* attributes, label and the height of the bar's rect. */
function readRequestBars(page: PageWatch['page']): Promise<Bar[]> {
	return page.$$eval('[data-testid="requests-chart"] g.bar', (els) =>
		els.map((g) => {
			const rect = g.querySelector('rect');
			return {
				report: g.getAttribute('data-report') ?? '',
				body: g.getAttribute('data-body') ?? '',
				label: g.getAttribute('data-label') ?? '',
				year: g.getAttribute('data-year') ?? '',
				value: g.getAttribute('data-value') ?? '',
				blank: g.getAttribute('data-blank') ?? '',
				origin: g.getAttribute('data-origin') ?? '',
				text: g.querySelector('text.value-label')?.textContent?.trim() ?? '',
				height: rect ? Number(rect.getAttribute('height')) : null,
				cut: g.getAttribute('data-cut') === 'true' && !!g.querySelector('path.break-mark')
			};
		})
	);
}

let server: PreviewServer | undefined;
let browser: Browser | undefined;
let watch: PageWatch;
let bars: Bar[] = [];

describe('dashboard overview', () => {
	beforeAll(async () => {
		assertBuilt();
		server = await startPreview();
		browser = await launchBrowser();
		watch = await openPage(browser);
		await watch.page.goto(server.url);
		await watch.page.locator('[data-testid="requests-chart"] g.bar').first().waitFor({ timeout: 45_000 });
		bars = await readRequestBars(watch.page);
		mkdirSync(SCREENSHOTS, { recursive: true });
		await watch.page.screenshot({ path: resolve(SCREENSHOTS, 'dashboard.png'), fullPage: true });
	}, limit(90_000));

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	it('shows the header, the chart title and a summary in Chinese', async () => {
		const { page } = watch;
		expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
		await expect.poll(() => page.locator('header h1').textContent()).toBe('政府信息公开工作年度报告分析');
		expect(await page.locator('[data-testid="requests-chart"] h2').textContent()).toBe(TITLE);
		const summary = (await page.locator('[data-testid="requests-chart"] .summary').textContent()) ?? '';
		expect(summary).toMatch(/^图中共 .+。$/);
		const axis = await page.locator('[data-testid="requests-chart"] .y-title').textContent();
		expect(axis).toContain('件');
	});

	it('marks real reports and demo data in the notice area', async () => {
		const notice = (await watch.page.locator('[data-testid="data-notice"]').textContent()) ?? '';
		const demo = bars.some((b) => b.origin === '演示数据');
		expect(notice).toContain('真实报告');
		if (demo) expect(notice).toContain('演示数据');
		else expect(notice).not.toContain('演示数据');
	});

	it('draws 库普乡 2024 as a zero bar labelled 0', () => {
		const b = bars.find((x) => x.label === '库普乡' && x.year === '2024');
		expect(b, JSON.stringify(bars)).toBeDefined();
		expect(b!.body).toContain('库普乡');
		expect(b!.value).toBe('0');
		expect(b!.blank).toBe('false');
		expect(b!.text).toBe('0');
		// a zero is not a bar: a ZERO_MARK px strip on the baseline marks its place
		expect(b!.height).toBe(ZERO_MARK);
	});

	it('draws 上海市人民政府办公厅 2019 as a bar of 859', () => {
		const b = bars.find((x) => x.body === '上海市人民政府办公厅' && x.year === '2019');
		expect(b, JSON.stringify(bars)).toBeDefined();
		expect(b!.label).toBe('上海市人民政府办公厅');
		expect(b!.value).toBe('859');
		expect(b!.text).toBe('859');
		expect(b!.height).toBeGreaterThan(0);
	});

	it("shows a bar's tooltip while the pointer is on it (one handler on the group of bars) and hides it after", async () => {
		const { page } = watch;
		const bar = page.locator('[data-testid="requests-chart"] g.bar[data-body="上海市人民政府办公厅"][data-year="2019"]');
		const tip = page.locator('[data-testid="requests-chart"] [role="tooltip"]');
		await bar.locator('rect').first().hover();
		await expect.poll(async () => (await tip.textContent())?.trim()).toBe(await bar.getAttribute('data-tip'));
		expect(await tip.textContent()).toContain('859 件');
		await page.mouse.move(2, 2);
		await expect.poll(() => tip.count()).toBe(0);
	});

	it('draws bar heights in proportion to the values; the two that dwarf the rest are cut, and on request all are to one scale', async () => {
		const proportional = (list: Bar[]) => {
			const max = list.reduce((a, b) => (Number(b.value) > Number(a.value) ? b : a));
			expect(max.height).toBeGreaterThan(200);
			for (const b of list) expect(b.height! / max.height!, `${b.body} ${b.year}`).toBeCloseTo(Number(b.value) / Number(max.value), 2);
			return max;
		};
		const drawn = bars.filter((b) => b.blank === 'false' && Number(b.value) > 0);
		// 3,119 and 859 beside at most 95 (洪泽区 2024): one scale would leave every other bar a sliver
		const cut = drawn.filter((b) => b.cut);
		expect(cut.map((b) => `${b.body} ${b.year} ${b.value}`).sort()).toEqual(['上海市人民政府办公厅 2019 859', '淮安市人民政府 2024 3119']);
		expect(cut.map((b) => b.text).sort()).toEqual(['3,119', '859']);
		const tallest = proportional(drawn.filter((b) => !b.cut));
		expect(tallest.value).toBe('95');
		for (const b of cut) expect(b.height!).toBeGreaterThan(tallest.height!);
		const note = watch.page.locator('[data-testid="requests-chart"] [data-testid="cut-note"]');
		expect(await note.textContent()).toContain('纵轴已截断：淮安市人民政府 2024年（3,119）、上海市人民政府办公厅 2019年（859）');
		// one true scale on request, and back
		await note.locator('[data-testid="cut-toggle"]').click();
		await expect.poll(() => note.getAttribute('data-cut')).toBe('false');
		const whole = (await readRequestBars(watch.page)).filter((b) => b.blank === 'false' && Number(b.value) > 0);
		expect(whole.some((b) => b.cut)).toBe(false);
		expect(proportional(whole).value).toBe('3119');
		await note.locator('[data-testid="cut-toggle"]').click();
		await expect.poll(async () => (await readRequestBars(watch.page)).filter((b) => b.cut).length).toBe(2);
	});

	it('never draws a blank value as a bar', () => {
		for (const b of bars.filter((x) => x.blank === 'true')) {
			expect(b.value).toBe('');
			expect(b.text).toBe('空白');
			expect(b.height).toBeNull();
		}
	});

	it('labels every group on the x axis', async () => {
		const ticks = await watch.page.$$eval('[data-testid="requests-chart"] .axis-x .tick', (els) =>
			els.map((e) => ({ key: e.getAttribute('data-group'), text: e.textContent ?? '' }))
		);
		expect(ticks.find((t) => t.key === '上海市人民政府办公厅')?.text).toContain('上海市人民政府');
		expect(ticks.find((t) => t.key?.includes('库普乡'))?.text).toContain('库普乡');
	});

	it('offers a table with the same numbers', async () => {
		const { page } = watch;
		const toggle = page.locator('[data-testid="toggle-table"]');
		expect(await toggle.textContent()).toBe('显示数据表');
		await toggle.click();
		const rows = await page.$$eval('[data-testid="requests-table"] tbody tr', (trs) =>
			trs.map((tr) => ({
				report: tr.getAttribute('data-report') ?? '',
				body: tr.getAttribute('data-body') ?? '',
				year: tr.getAttribute('data-year') ?? '',
				cells: [...tr.querySelectorAll('th,td')].map((c) => c.textContent?.trim() ?? '')
			}))
		);
		expect(rows.length).toBe(bars.length);
		const kupu = rows.find((r) => r.body.includes('库普乡') && r.year === '2024');
		expect(kupu?.cells).toEqual(['托里县库普乡', '托里县', '2024年', '0', '真实报告']);
		const sh = rows.find((r) => r.body === '上海市人民政府办公厅' && r.year === '2019');
		expect(sh?.cells).toEqual(['上海市人民政府办公厅', '—', '2019年', '859', '真实报告']);
		// every bar's label is the table's number for the same report
		for (const b of bars) {
			const r = rows.find((x) => x.report === b.report);
			expect(r, b.report).toBeDefined();
			expect([r!.body, r!.year, r!.cells[3]], b.report).toEqual([b.body, b.year, b.text]);
		}
		expect(await toggle.textContent()).toBe('隐藏数据表');
		await page.screenshot({ path: resolve(SCREENSHOTS, 'dashboard-table.png'), fullPage: true });
	});

	it('logs no console errors and makes no external requests', () => {
		expect(watch.errors).toEqual([]);
		expect(watch.blocked).toEqual([]);
	});

	it('prerenders the header and a loading message, so the page is never blank', async () => {
		const html = await (await fetch(server!.url)).text();
		expect(html).toContain('<html lang="zh-CN">');
		expect(html).toContain('政府信息公开工作年度报告分析');
		expect(html).toMatch(/data-testid="loading"[^>]*>.*正在准备/s);
	});

	it('shows a Chinese error with a retry button when the data cannot be loaded', async () => {
		const failing = await openPage(browser!);
		try {
			await failing.page.route('**/*.arrow', (route) => route.abort('failed'));
			await failing.page.goto(server!.url);
			const alert = failing.page.locator('[data-testid="load-error"]');
			await alert.waitFor({ timeout: 45_000 });
			const text = (await alert.textContent()) ?? '';
			expect(text).toContain('数据载入失败');
			expect(text).toContain('无法下载报告数据');
			expect(await alert.locator('button').textContent()).toBe('重试');
			// the overview's panels come from summary.json: drawn although the engine could not load
			await failing.page.locator('[data-testid="requests-chart"] g.bar').first().waitFor({ timeout: 45_000 });
			// once the files are reachable again, 重试 recovers without reloading the page
			await failing.page.unroute('**/*.arrow');
			await alert.locator('button').click();
			await failing.page.waitForFunction(() => performance.getEntriesByName('db:ready').length > 0, null, { timeout: 45_000 });
			await failing.page.locator('[data-testid="load-error"]').waitFor({ state: 'detached', timeout: 45_000 });
			expect(failing.blocked).toEqual([]);
		} finally {
			await failing.context.close();
		}
	});
});
