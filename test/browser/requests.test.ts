/** 依申请公开（表三）: received, outcomes and drill-down, applicants, rates with the guard — against data/*.json. */
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
	sumFilled,
	type DataRecord,
	type PageWatch,
	type PreviewServer
} from './helpers';
import { limit } from '../timeouts';

const records = readDataRecords();
let server: PreviewServer;
let browser: Browser;
let watch: PageWatch;
const ready = '[data-testid="received-chart"] g.bar';

const CATEGORIES: Record<string, string[]> = {
	granted: ['granted'],
	partial: ['partial'],
	denied: ['state_secret', 'law_forbidden', 'security', 'third_party', 'internal', 'process', 'enforcement', 'query'].map((k) => `denied.${k}`),
	unable: ['not_held', 'needs_creation', 'unclear'].map((k) => `unable.${k}`),
	rejected: ['petition', 'repeat', 'publication', 'excessive', 'confirm'].map((k) => `rejected.${k}`),
	other: ['other', 'other.overdue_correction', 'other.overdue_fee', 'other.misc']
};
const category = (r: DataRecord, k: string) => sumFilled(CATEGORIES[k].map((row) => cell(r, `t3.${row}.total`)));
const strict = (vals: (number | null)[]) => (vals.some((v) => v === null) ? null : vals.reduce<number>((a, b) => a + (b ?? 0), 0));

describe('requests page', () => {
	beforeAll(async () => {
		server = await startPreview();
		browser = await launchBrowser();
		watch = await openPage(browser);
		await watch.page.goto(`${server.url}requests?year=2024`);
		await watch.page.locator(ready).first().waitFor({ timeout: 90_000 });
	}, limit(90_000));

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	it('received: new + carried per body; the real values 洪泽区 2024 = 95 and 淮安市 2024 = 3119', async () => {
		const bars = await readBars(watch.page, 'received-chart');
		expect(bars.find((b) => b.report === 'huaian_hongze_2024.pdf' && b.series === 'new')?.value).toBe('95');
		expect(bars.find((b) => b.report === 'huaian_city_2024.pdf' && b.series === 'new')?.value).toBe('3119');
		for (const r of records.filter((x) => x.meta.year === 2024)) {
			expect(bars.find((b) => b.report === r.id && b.series === 'new')?.value, r.id).toBe(String(cell(r, 't3.new.total')));
			expect(bars.find((b) => b.report === r.id && b.series === 'carried')?.value, r.id).toBe(String(cell(r, 't3.carried.total')));
		}
		const totals = await watch.page.$$eval('[data-testid="received-chart"] g.stack', (gs) =>
			gs.map((g) => [g.getAttribute('data-group'), g.getAttribute('data-total')])
		);
		expect(Object.fromEntries(totals)['huaian_city_2024.pdf']).toBe(String(3119 + 34));
		// hovering a bar shows its tooltip: body, year, series, value, origin
		await watch.page.locator('[data-testid="received-chart"] g.bar[data-report="huaian_city_2024.pdf"][data-series="new"] rect').first().hover();
		await expect
			.poll(() => watch.page.locator('[data-testid="received-chart"] [role="tooltip"]').textContent())
			.toBe('淮安市人民政府 · 2024年 · 本年新收：3,119 件（真实报告）');
	});

	it('outcomes: the six categories as stacked segments, sums of the sub-rows the reports print', async () => {
		const bars = await readBars(watch.page, 'outcomes-chart');
		for (const r of records.filter((x) => x.meta.year === 2024))
			for (const k of Object.keys(CATEGORIES)) {
				const v = category(r, k);
				expect(bars.find((b) => b.report === r.id && b.series === k)?.value, `${r.id} ${k}`).toBe(v === null ? '' : String(v));
			}
	});

	it('outcomes: 淮安市人民政府 (3,050) dwarfs the rest, so its stack is cut: to the top, segments in proportion, a break mark and a note', async () => {
		const stacks = await watch.page.$$eval('[data-testid="outcomes-chart"] g.stack', (gs) =>
			gs.map((g) => ({
				group: g.getAttribute('data-group'),
				total: Number(g.getAttribute('data-total')),
				cut: g.getAttribute('data-cut') === 'true',
				mark: !!g.querySelector('path.break-mark'),
				label: g.querySelector('text.value-label')?.textContent?.trim(),
				segs: [...g.querySelectorAll('g.bar rect:first-child')].map((r) => ({
					value: Number(r.closest('g.bar')!.getAttribute('data-value')),
					h: Number(r.getAttribute('height'))
				}))
			}))
		);
		const city = stacks.find((x) => x.group === 'huaian_city_2024.pdf')!;
		expect([city.total, city.cut, city.mark, city.label]).toEqual([3050, true, true, '3,050']);
		// its segments keep their proportions to each other (予以公开 1,446 of 3,050 …)
		const cityH = city.segs.reduce((a, x) => a + x.h, 0);
		for (const sg of city.segs) expect(sg.h / cityH).toBeCloseTo(sg.value / city.total, 3);
		// every other stack is whole and on one scale: height per case the same, and below the cut stack
		const others = stacks.filter((x) => x !== city && x.total > 0);
		expect(others.every((x) => !x.cut && !x.mark)).toBe(true);
		const perCase = others.map((x) => x.segs.reduce((a, sg) => a + sg.h, 0) / x.total);
		for (const p of perCase) expect(p).toBeCloseTo(perCase[0], 3);
		expect(Math.max(...others.map((x) => x.segs.reduce((a, sg) => a + sg.h, 0)))).toBeLessThan(cityH);
		const note = await watch.page.locator('[data-testid="outcomes-chart"] [data-testid="cut-note"]').textContent();
		expect(note).toContain('纵轴已截断：淮安市人民政府（3,050）');
	});

	it('drill-down: a click on 不予公开 shows its eight sub-reasons and updates the URL; back returns', async () => {
		const { page } = watch;
		await page.locator('[data-testid="outcomes-chart"] g.bar[data-report="huaian_city_2024.pdf"][data-series="denied"] rect').first().click();
		await page.waitForURL((u) => u.searchParams.get('cat') === 'denied');
		await expect.poll(async () => (await readBars(page, 'outcomes-chart')).some((b) => b.series === 'denied.query')).toBe(true);
		const bars = await readBars(page, 'outcomes-chart');
		const city = records.find((r) => r.id === 'huaian_city_2024.pdf')!;
		for (const row of CATEGORIES.denied)
			expect(bars.find((b) => b.report === city.id && b.series === row)?.value).toBe(String(cell(city, `t3.${row}.total`)));
		expect(await page.locator('[data-testid="outcomes-chart"] h2').textContent()).toBe('“不予公开”的具体情形（件）');
		expect(await page.locator('[data-testid="filter-cat"]').inputValue()).toBe('denied');
		await page.goBack();
		await page.waitForURL((u) => !u.searchParams.has('cat'));
		await expect.poll(async () => (await readBars(page, 'outcomes-chart')).some((b) => b.series === 'granted')).toBe(true);
		// the same by keyboard: the select
		await page.locator('[data-testid="filter-cat"]').selectOption('other');
		await page.waitForURL((u) => u.searchParams.get('cat') === 'other');
		await expect.poll(async () => (await readBars(page, 'outcomes-chart')).some((b) => b.series === 'other.misc')).toBe(true);
		const other = await readBars(page, 'outcomes-chart');
		expect(other.find((b) => b.report === city.id && b.series === 'other.misc')?.value).toBe('110');
		await page.goBack();
		await page.waitForURL((u) => !u.searchParams.has('cat'));
	});

	it('applicants: 自然人 and the five kinds of 法人或其他组织 of the new requests', async () => {
		const bars = await readBars(watch.page, 'applicants-chart');
		for (const r of records.filter((x) => x.meta.year === 2024))
			for (const k of ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org']) {
				const v = cell(r, `t3.new.${k}`);
				expect(bars.find((b) => b.report === r.id && b.series === k)?.value, `${r.id} ${k}`).toBe(v === null ? '' : String(v));
			}
	});

	it('rates: share granted in full or in part, ranked; fewer than 10 cases say 样本过少 and are not ranked', async () => {
		const rs = records.filter((x) => x.meta.year === 2024);
		const want = rs.map((r) => {
			const num = strict([category(r, 'granted'), category(r, 'partial')]);
			const den = cell(r, 't3.total.total');
			const status = num === null || den === null ? 'blank' : den <= 0 ? 'none' : den < 10 ? 'small' : 'ok';
			return { body: r.meta.body, status, rate: status === 'ok' ? num! / den! : null };
		});
		const shown = await watch.page.$$eval('[data-testid="rates-chart"] g.rate', (gs) => gs.map((g) => ({ key: g.getAttribute('data-key'), rank: Number(g.getAttribute('data-rank')), value: Number(g.getAttribute('data-value')) })));
		const ok = want.filter((w) => w.status === 'ok').sort((a, b) => b.rate! - a.rate!);
		expect(shown.map((s) => s.key)).toEqual(ok.map((w) => w.body));
		for (const [i, s] of shown.entries()) expect(s.value).toBeCloseTo(ok[i].rate!, 6);
		const hz = shown.find((s) => s.key === '淮安市洪泽区人民政府')!;
		expect(hz.value).toBeCloseTo((50 + 9) / 95, 6);
		const rest = await watch.page.$$eval('[data-testid="rates-chart"] .rest li', (lis) => lis.map((li) => ({ key: li.getAttribute('data-key'), status: li.getAttribute('data-status'), text: li.textContent ?? '' })));
		for (const w of want.filter((x) => x.status !== 'ok')) {
			const li = rest.find((x) => x.key === w.body);
			expect(li?.status, w.body).toBe(w.status);
			if (w.status === 'small') expect(li?.text).toContain('样本过少');
		}
	});

	it('a blank is shown as 空白, never as 0 (上海 2019: 予以公开·总计 blank)', async () => {
		const w = await openPage(browser);
		try {
			await w.page.goto(`${server.url}requests?year=2019&body=${encodeURIComponent('上海市人民政府办公厅')}`);
			await w.page.locator(ready).first().waitFor({ timeout: 90_000 });
			const bars = await readBars(w.page, 'outcomes-chart');
			const granted = bars.find((b) => b.series === 'granted')!;
			expect(granted.blank).toBe(true);
			expect(granted.tip).toContain('空白');
			expect(await w.page.locator('[data-testid="rates-chart"] .rest li').first().getAttribute('data-status')).toBe('blank');
			await w.page.locator('[data-testid="outcomes-chart-toggle"]').click();
			const rows = await readTable(w.page, 'outcomes-chart-table');
			expect(rows[0].cells['s:granted'].text).toBe('空白');
			const partial = cell(records.find((r) => r.id === 'shanghai_office_2019.html')!, 't3.partial.total');
			expect(rows[0].cells['s:partial'].text).toBe(partial === null ? '空白' : String(partial));
			expect(w.errors).toEqual([]);
		} finally {
			await w.context.close();
		}
	});

	it('a year change: every state drawn on the way pairs the summary with bars of the year it names', async () => {
		const w = await openPage(browser);
		try {
			await w.page.goto(`${server.url}requests?year=2024`);
			await w.page.locator(ready).first().waitFor({ timeout: 90_000 });
			// each state the received chart passes through: the years its summary names and the years of its bars
			await w.page.evaluate(() => {
				const seen: { said: string[]; drawn: string[] }[] = ((window as unknown as { __states: typeof seen }).__states = []);
				const chart = document.querySelector('[data-testid="received-chart"]')!;
				const note = () =>
					seen.push({
						said: [...new Set(chart.querySelector('.summary')?.textContent?.match(/20\d\d(?=年)/g) ?? [])],
						drawn: [...new Set([...chart.querySelectorAll('g.bar')].map((g) => g.getAttribute('data-report')?.match(/_(20\d\d)\./)?.[1] ?? '?'))]
					});
				new MutationObserver(note).observe(chart, { subtree: true, childList: true, attributes: true, characterData: true });
			});
			await w.page.locator('[data-testid="filter-year"]').selectOption('2023');
			await w.page.waitForURL((u) => u.searchParams.get('year') === '2023');
			await expect.poll(async () => (await readBars(w.page, 'received-chart')).every((b) => b.report.includes('_2023.'))).toBe(true);
			const states = await w.page.evaluate(() => (window as unknown as { __states: { said: string[]; drawn: string[] }[] }).__states);
			expect(states.length).toBeGreaterThan(0);
			for (const st of states) expect(st.drawn, JSON.stringify(st)).toEqual(st.said);
			expect(states.at(-1)).toEqual({ said: ['2023'], drawn: ['2023'] });
		} finally {
			await w.context.close();
		}
	});

	it('has no serious or critical accessibility violations', async () => {
		expect(await seriousViolations(watch.page)).toEqual([]);
	});

	it('takes screenshots at 1366×768 and 1920×1080', async () => {
		expect(await screenshotAt(browser, `${server.url}requests`, 'requests', ready)).toHaveLength(2);
		expect(await screenshotAt(browser, `${server.url}requests?region=${encodeURIComponent('托里县')}&view=years&cat=denied`, 'requests-years', ready)).toHaveLength(2);
	}, limit(300_000));

	it('logs no console errors and makes no external requests', () => {
		expect(watch.errors).toEqual([]);
		expect(watch.blocked).toEqual([]);
	});
});
