/**
 * Offline operation (a county intranet without internet): every request that leaves localhost is blocked
 * (openPage) and every page still draws its data. What the app tried to load from elsewhere is listed and
 * must be empty: requests the router aborted, requests the CSP stopped before the network (connect-src
 * 'self'), and web fonts that failed. Each page is also opened in a brand-new context, with nothing cached.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGES, assertBuilt, cspViolations, launchBrowser, openPage, startPreview, watchCsp, type PageWatch, type PreviewServer } from './helpers';
import { limit } from '../timeouts';

const REPORT = 'huaian_hongze_2023.pdf';
const ALL = [...PAGES, { path: `report?id=${encodeURIComponent(REPORT)}`, ready: `td[data-cell]` }];

let server: PreviewServer;
let browser: Browser;

/** Every URL the context requested that is not this site (data: and blob: are local); `all` lists every request. */
function recordForeign(context: BrowserContext, origin: string, all: string[] = []): string[] {
	const foreign: string[] = [];
	context.on('request', (r) => {
		all.push(r.url());
		const u = new URL(r.url());
		if (u.origin !== origin && u.protocol !== 'data:' && u.protocol !== 'blob:') foreign.push(r.url());
	});
	return foreign;
}

/** What the page shows of its data: bars drawn, report cells, coverage cells, finding rows. */
function drawn(page: Page) {
	return page.evaluate(() => ({
		bars: document.querySelectorAll('svg g.bar').length,
		cells: document.querySelectorAll('td[data-cell]').length,
		rows: document.querySelectorAll('main tbody tr').length,
		failedFonts: [...document.fonts].filter((f) => f.status === 'error').map((f) => f.family),
		loadError: document.querySelector('[data-testid="load-error"]')?.textContent ?? null
	}));
}

async function open(w: PageWatch, path: string, ready: string) {
	await w.page.goto(`${server.url}${path}`);
	await w.page.locator(ready).first().waitFor({ state: 'attached', timeout: 90_000 });
	await w.page.locator('[data-testid="db-loading"]').waitFor({ state: 'detached', timeout: 60_000 });
	await w.page.waitForTimeout(200);
}

function expectShown(path: string, d: Awaited<ReturnType<typeof drawn>>) {
	expect(d.loadError, path).toBeNull();
	expect(d.failedFonts, path).toEqual([]);
	if (['requests', 'disclosures', 'appeals', 'compare'].includes(path)) expect(d.bars, path).toBeGreaterThan(0);
	else if (path.startsWith('report?')) expect(d.cells, path).toBeGreaterThan(100);
	else expect(d.rows, path).toBeGreaterThan(0);
}

describe('offline: nothing outside localhost is needed', { timeout: limit(300_000) }, () => {
	beforeAll(async () => {
		assertBuilt();
		server = await startPreview();
		browser = await launchBrowser();
	}, limit(60_000));

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	it('walks every page in one session: all drawn, nothing requested from elsewhere, no CSP block, no error', async () => {
		const w = await openPage(browser);
		try {
			await watchCsp(w.context);
			const all: string[] = [];
			const foreign = recordForeign(w.context, new URL(server.url).origin, all);
			const csp: string[] = [];
			for (const p of ALL) {
				await open(w, p.path, p.ready);
				expectShown(p.path, await drawn(w.page));
				csp.push(...(await cspViolations(w.page)));
			}
			// client-side navigation through the header links too
			await open(w, '', PAGES[0].ready);
			for (const name of ['主动公开', '依申请公开', '复议诉讼', '对比', '数据质量', '总览']) {
				await w.page.locator('header nav a', { hasText: name }).first().click();
				await w.page.waitForLoadState('networkidle');
			}
			// back on 总览: its coverage matrix is drawn again (waited for: a client-side navigation renders after networkidle)
			await w.page.locator('[data-testid="coverage"]').waitFor({ timeout: 30_000 });
			expect(await w.page.locator('[data-testid="coverage"]').count()).toBe(1);
			csp.push(...(await cspViolations(w.page)));
			expect({ blocked: w.blocked, foreign, csp, errors: w.errors }).toEqual({ blocked: [], foreign: [], csp: [], errors: [] });
			// the recorder sees the worker's traffic too: DuckDB's worker script, its wasm and the Arrow data
			const local = (re: RegExp) => all.filter((u) => re.test(new URL(u).pathname)).length;
			expect(local(/duckdb-browser-eh\.worker.*\.js$/)).toBeGreaterThan(0);
			expect(local(/duckdb-eh.*\.wasm$/)).toBeGreaterThan(0);
			expect(local(/reports.*\.arrow$/)).toBeGreaterThan(0);
		} finally {
			await w.context.close();
		}
	});

	for (const p of ALL)
		it(`/${p.path} in a new context with an empty cache works on its own, the main thread never blocked long`, async () => {
			// DuckDB loads and queries in its worker: the page's own long tasks stay short (measured: at most ~330 ms per
			// page on a 2-core machine at load average 12; the bound catches work moved onto the page). A load whose
			// longest task is over the bound is done once more in a new context and the shorter of the two is judged:
			// work moved onto the page is long both times, a spell of CPU steal on the shared machine (a 2.5 s task at
			// 58 % steal, 2026-11-24) is not
			const first = await loadAlone(p);
			const longest = first < LONG_TASK_MS ? first : Math.min(first, await loadAlone(p));
			expect(longest, `longest main-thread task on /${p.path} (first load: ${first} ms)`).toBeLessThan(LONG_TASK_MS);
		});

	const LONG_TASK_MS = 1500;

	/** One load of the page in a new context with an empty cache: checks it, returns its longest main-thread task (ms). */
	async function loadAlone(p: (typeof ALL)[number]): Promise<number> {
		const w = await openPage(browser);
		try {
			await watchCsp(w.context);
			await w.context.addInitScript(() => {
				const w = window as unknown as { __longTasks: number[] };
				w.__longTasks = [];
				new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__longTasks.push(Math.round(e.duration)))).observe({ type: 'longtask', buffered: true });
			});
			const foreign = recordForeign(w.context, new URL(server.url).origin);
			await open(w, p.path, p.ready);
			expectShown(p.path, await drawn(w.page));
			const longest = Math.max(0, ...(await w.page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks)));
			expect({ blocked: w.blocked, foreign, csp: await cspViolations(w.page), errors: w.errors }).toEqual({
				blocked: [],
				foreign: [],
				csp: [],
				errors: []
			});
			return longest;
		} finally {
			await w.context.close();
		}
	}
});
