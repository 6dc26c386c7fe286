/** 主动公开（表二）: numbers against data/*.json, the two formats kept apart, filters in the URL, axe, screenshots. */
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
const latest = Math.max(...records.map((r) => r.meta.year));
const GOV = '托里县人民政府';
let server: PreviewServer;
let browser: Browser;
let watch: PageWatch;
const CHART = 'disclosures-chart';
const ready = `[data-testid="${CHART}"] g.bar`;

describe('disclosures page', () => {
	beforeAll(async () => {
		server = await startPreview();
		browser = await launchBrowser();
		watch = await openPage(browser);
		await watch.page.goto(`${server.url}disclosures`);
		await watch.page.locator(ready).first().waitFor({ timeout: 90_000 });
	}, limit(90_000));

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	it('compares bodies in the latest year: licensing, penalty and coercion decisions as in the reports', async () => {
		const bars = await readBars(watch.page, CHART);
		const rs = records.filter((r) => r.meta.year === latest);
		expect(new Set(bars.map((b) => b.report))).toEqual(new Set(rs.map((r) => r.id)));
		for (const r of rs)
			for (const [series, id] of [
				['licensing', 't2.licensing.decisions'],
				['penalty', 't2.penalty.decisions'],
				['coercion', 't2.coercion.decisions']
			]) {
				const b = bars.find((x) => x.report === r.id && x.series === series);
				const v = cell(r, id);
				expect(b?.value, `${r.id} ${series}`).toBe(v === null ? '' : String(v));
			}
		const title = await watch.page.locator(`[data-testid="${CHART}"] h2`).textContent();
		expect(title).toBe('许可、处罚、强制处理决定（件）');
		expect(await watch.page.locator(`[data-testid="${CHART}"] .y-title`).textContent()).toContain('（件）');
		expect(await watch.page.locator(`[data-testid="${CHART}"] .summary`).textContent()).toMatch(/^全部地区 \d{4}年共 \d+ 份报告中，.+。$/);
	});

	it('switching the metric updates the chart and the URL; back restores it', async () => {
		const { page } = watch;
		await page.getByRole('radio', { name: '规范性文件' }).check();
		await page.waitForURL((u) => u.searchParams.get('metric') === 'normative');
		await expect.poll(async () => (await readBars(page, CHART)).some((b) => b.series === '2021:issued')).toBe(true);
		const gov = records.find((r) => r.meta.body === GOV && r.meta.year === latest)!;
		const bars = await readBars(page, CHART);
		expect(bars.find((b) => b.report === gov.id && b.series === '2021:in_force')?.value).toBe(String(cell(gov, 't2.normative.in_force')));
		await page.goBack();
		await page.waitForURL((u) => !u.searchParams.has('metric'));
		await expect.poll(async () => (await readBars(page, CHART)).some((b) => b.series === 'licensing')).toBe(true);
		await page.goForward();
		await page.waitForURL((u) => u.searchParams.get('metric') === 'normative');
		await expect.poll(async () => (await readBars(page, CHART)).some((b) => b.series === '2021:issued')).toBe(true);
	});

	it('across years: 2019-format columns only in 2019/2020 reports, labelled as such, never mixed with 2021 columns', async () => {
		const w = await openPage(browser);
		try {
			await w.page.goto(`${server.url}disclosures?body=${encodeURIComponent(GOV)}&view=years&metric=normative`);
			await w.page.locator(ready).first().waitFor({ timeout: 90_000 });
			expect(await w.page.getByRole('radio', { name: '逐年变化（每个单位一图）' }).isChecked()).toBe(true);
			const bars = await readBars(w.page, CHART);
			const mine = records.filter((r) => r.meta.body === GOV);
			expect(new Set(bars.map((b) => b.panel))).toEqual(new Set([GOV]));
			for (const r of mine) {
				const own = bars.filter((b) => b.report === r.id);
				const want = r.format === '2019' ? ['2019:made', '2019:published', '2019:public_total'] : ['2021:issued', '2021:repealed', '2021:in_force'];
				expect(own.map((b) => b.series).sort(), r.id).toEqual([...want].sort());
				for (const b of own) {
					const id = `t2.normative.${b.series.split(':')[1]}`;
					expect(b.value, `${r.id} ${id}`).toBe(String(cell(r, id)));
				}
			}
			const legend = (await w.page.locator(`[data-testid="${CHART}"] .legend`).textContent()) ?? '';
			expect(legend).toContain('本年新制作（2019试行格式）');
			expect(legend).toContain('本年制发');
			// fees: the 2019 trial format has no amount, the years say 无此项 instead of a 0 bar
			await w.page.getByRole('radio', { name: '行政事业性收费金额' }).check();
			await w.page.waitForURL((u) => u.searchParams.get('metric') === 'fees');
			await expect.poll(() => w.page.locator(`[data-testid="${CHART}"] text.na`).count()).toBe(mine.filter((r) => r.format === '2019').length);
			const fees = await readBars(w.page, CHART);
			expect(fees.every((b) => mine.find((r) => r.id === b.report)?.format === '2021')).toBe(true);
		} finally {
			await w.context.close();
		}
	});

	it('the data table has the same numbers, 无此项 for the other format, and links to the report page', async () => {
		const w = await openPage(browser);
		try {
			await w.page.goto(`${server.url}disclosures?region=${encodeURIComponent('托里县')}&view=years&metric=normative`);
			await w.page.locator(ready).first().waitFor({ timeout: 90_000 });
			await w.page.locator(`[data-testid="${CHART}-toggle"]`).click();
			const rows = await readTable(w.page, `${CHART}-table`);
			const toli = records.filter((r) => r.meta.county === '托里县');
			expect(rows).toHaveLength(toli.length);
			for (const r of toli) {
				const row = rows.find((x) => x.data.report === r.id)!;
				expect(row.cells.body.href).toBe(`/report?id=${encodeURIComponent(r.id)}`);
				if (r.format === '2019') {
					expect(row.cells['s:2021:issued'].text).toBe('无此项');
					expect(row.cells['s:2019:made'].value).toBe(String(cell(r, 't2.normative.made')));
				} else {
					expect(row.cells['s:2019:made'].text).toBe('无此项');
					expect(row.cells['s:2021:issued'].value).toBe(String(cell(r, 't2.normative.issued')));
				}
			}
			expect(w.errors).toEqual([]);
		} finally {
			await w.context.close();
		}
	});

	it('has no serious or critical accessibility violations', async () => {
		expect(await seriousViolations(watch.page)).toEqual([]);
	});

	it('takes screenshots at 1366×768 and 1920×1080 (both views)', async () => {
		expect(await screenshotAt(browser, `${server.url}disclosures`, 'disclosures', ready)).toHaveLength(2);
		expect(
			await screenshotAt(browser, `${server.url}disclosures?region=${encodeURIComponent('托里县')}&view=years&metric=normative`, 'disclosures-years', ready)
		).toHaveLength(2);
	}, limit(300_000));

	it('logs no console errors and makes no external requests', () => {
		expect(watch.errors).toEqual([]);
		expect(watch.blocked).toEqual([]);
	});
});
