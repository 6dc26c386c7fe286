/**
 * The overview (/) of the built app in headless Debian Chromium (playwright-core, every non-local request blocked):
 * per run, a fresh browser context (empty cache) loads the page and the marks the app sets are read —
 *   first_chart_ms   navigation → the headline figures and the coverage matrix of the default view painted (Element
 *                    Timing entries 'headline' and 'coverage-matrix': the later renderTime). The view is overview.json
 *                    (precomputed from summary.json's rows at finalize; src/lib/charts/firstview.ts), prerendered
 *                    into the page's HTML by the build (+page.server.ts), so the bench builds the app once per data
 *                    set. Builds without the attributes: performance mark 'overview:summary:painted' (set after
 *                    the frame that showed the view drawn from overview.json loaded by the script);
 *   duckdb_ready_ms  navigation → 'db:ready' (engine started, Arrow files loaded);
 *   all_charts_ms    navigation → 'overview:all' (every panel drawn, the requests chart included; from summary.json's
 *                    rows: since 2026-11-24 the overview no longer re-reads every row from DuckDB, before it was
 *                    "every panel drawn from DuckDB");
 *   memory_mb        resident memory (RSS, /proc) of Chromium's renderer processes once all charts are drawn AND DuckDB
 *                    has loaded the data: the page, its DuckDB worker and the wasm heap (shared pages counted in full);
 *   js_heap_mb       JSHeapUsedSize of the page's main thread (CDP Performance.getMetrics; not the worker).
 * Then filter changes through the selects (county, then first year, alternating); each is timed inside the page
 * from the change event to the end of the first frame in which the headline shows the plain-JS expected total for the
 * step's filter (data-view) and nothing is pending (data-state="ready"): checked in each animation frame, and the
 * step ends in the task after that frame's style, layout and paint (before 2026-11-24 10:00 it ended in the animation
 * frame callback, before the frame's rendering). Rounded up to a frame (~16 ms).
 */
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Filter } from './floor';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const LOCAL = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function launch(): Promise<Browser> {
	return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

export interface LoadRun {
	first_chart_ms: number | null;
	duckdb_ready_ms: number | null;
	all_charts_ms: number | null;
	memory_mb: number | null;
	js_heap_mb: number | null;
	filter_ms: number[];
	errors: string[];
}

/** A filter step: the select to change, its new value, and the state (hence the expected total) after it. */
export interface Step {
	testid: 'filter-region' | 'filter-from';
	value: string;
	filter: Filter;
	expected: number;
}

/** Steps alternating county and first year, cycling through two counties and two first years. */
export function filterSteps(counties: string[], first: number, last: number, count: number, total: (f: Filter) => number): Step[] {
	const regions = [counties[0] ?? null, counties[1] ?? null, null];
	const froms = [Math.min(last, first + Math.max(1, Math.floor((last - first) / 2))), first];
	const steps: Step[] = [];
	let f: Filter = { region: null, from: first, to: last };
	for (let i = 0; i < count; i++) {
		if (i % 2 === 0) {
			const region = regions[(i / 2) % regions.length];
			f = { ...f, region };
			steps.push({ testid: 'filter-region', value: region ?? '', filter: f, expected: total(f) });
		} else {
			const from = froms[((i - 1) / 2) % froms.length];
			f = { ...f, from };
			steps.push({ testid: 'filter-from', value: String(from), filter: f, expected: total(f) });
		}
	}
	return steps;
}

async function rendererRssMb(browser: Browser): Promise<number | null> {
	const cdp = await browser.newBrowserCDPSession();
	try {
		const info = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
		let kb = 0;
		for (const p of info.processInfo.filter((p) => p.type === 'renderer')) {
			try {
				const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p.id}/status`, 'utf8'));
				if (m) kb += Number(m[1]);
			} catch {
				/* gone */
			}
		}
		return kb ? kb / 1024 : null;
	} finally {
		await cdp.detach();
	}
}

/**
 * In the page: change a select, then wait frame by frame until the headline shows `expected`, nothing is pending, and
 * the page says its figures are for the step's filter (`data-view` = region|first year|last year on the source line),
 * so a step whose total equals the previous one is not timed as instant. A build without `data-view` (before the
 * overview computed filter changes in the page) must instead have been busy once in between (a MutationObserver sees
 * even a busy state shorter than a frame).
 */
function timeStep(page: Page, s: Step, timeoutMs: number): Promise<number> {
	const view = `${s.filter.region ?? ''}|${s.filter.from}|${s.filter.to}`;
	return page.evaluate(
		({ testid, value, expected, view, timeoutMs }) =>
			new Promise<number>((resolve, reject) => {
				const sel = document.querySelector<HTMLSelectElement>(`[data-testid="${testid}"]`);
				const source = document.querySelector('[data-testid="source"]');
				if (!sel || !source) return reject(new Error(`no ${testid} or source`));
				let sawBusy = false;
				const obs = new MutationObserver(() => {
					if (source.getAttribute('data-state') === 'busy') sawBusy = true;
				});
				obs.observe(source, { attributes: true, attributeFilter: ['data-state'] });
				const t0 = performance.now();
				sel.value = value;
				sel.dispatchEvent(new Event('change', { bubbles: true }));
				const check = () => {
					const state = source.getAttribute('data-state');
					const shown = document.querySelector('[data-testid="headline"] li[data-key="requests"]')?.getAttribute('data-value');
					const shows = source.getAttribute('data-view');
					if ((shows === null ? sawBusy : shows === view) && state === 'ready' && shown === String(expected)) {
						obs.disconnect();
						// this frame's style, layout and paint come after this callback: the step ends in the task
						// after them (a message posted now), so the time includes drawing the new figures
						const ch = new MessageChannel();
						ch.port1.onmessage = () => {
							ch.port1.close();
							resolve(performance.now() - t0);
						};
						ch.port2.postMessage(null);
					} else if (performance.now() - t0 > timeoutMs) {
						obs.disconnect();
						reject(new Error(`${testid}=${value}: headline shows ${shown} (${state}, ${shows}), expected ${expected} (${view})`));
					} else requestAnimationFrame(check);
				};
				requestAnimationFrame(check);
			}),
		{ testid: s.testid, value: s.value, expected: s.expected, view, timeoutMs }
	);
}

/** One cold load of the overview and the filter steps. */
export async function loadRun(browser: Browser, url: string, steps: Step[], timeoutMs = 300_000): Promise<LoadRun> {
	const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', serviceWorkers: 'block' });
	const errors: string[] = [];
	try {
		await context.route('**/*', (route) => {
			const u = new URL(route.request().url());
			if (((u.protocol === 'http:' || u.protocol === 'https:') && LOCAL.has(u.hostname)) || u.protocol === 'data:' || u.protocol === 'blob:')
				return route.continue();
			errors.push(`blocked ${u.href}`);
			return route.abort('blockedbyclient');
		});
		// tsx (esbuild keepNames) wraps named functions in __name(): give the page a no-op one for page.evaluate
		await context.addInitScript('globalThis.__name = (f) => f;');
		const page = await context.newPage();
		page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
		page.on('console', (m) => {
			if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
		});
		await page.goto(url, { timeout: timeoutMs });
		await page.waitForFunction(() => performance.getEntriesByName('overview:all').length > 0, null, { timeout: timeoutMs, polling: 50 });
		// memory with the database loaded too (the overview no longer waits for it)
		await page.waitForFunction(() => performance.getEntriesByName('db:ready').length > 0, null, { timeout: timeoutMs, polling: 50 });
		// the first chart: when the headline figures and the coverage matrix were painted (Element Timing: the
		// presentation time of the frame that first showed their text; the overview's default view is prerendered
		// into the HTML since 2026-11-24 15:00, so that is usually the first paint, before any script ran). A build
		// without the elementtiming attributes: the frame after the first view's DOM update ('…:painted'), or,
		// from before 2026-11-24 10:00, the mark of the DOM update itself
		await page
			.waitForFunction(() => performance.getEntriesByName('overview:summary:painted').length + performance.getEntriesByName('overview:duckdb:painted').length > 0, null, { timeout: 2000, polling: 50 })
			.catch(() => {});
		const marks = await page.evaluate(async () => {
			const at = (n: string) => performance.getEntriesByName(n)[0]?.startTime ?? null;
			const painted = await new Promise<Record<string, number>>((ok) => {
				const obs = new PerformanceObserver((list) => {
					const by: Record<string, number> = {};
					for (const e of list.getEntries() as (PerformanceEntry & { identifier: string; renderTime: number })[])
						by[e.identifier] = Math.max(by[e.identifier] ?? 0, e.renderTime);
					obs.disconnect();
					ok(by);
				});
				obs.observe({ type: 'element', buffered: true });
				setTimeout(() => ok({}), 500); // no entries at all: the callback never runs
			});
			const timed = painted['headline'] !== undefined && painted['coverage-matrix'] !== undefined;
			const summary = at('overview:summary:painted') ?? at('overview:summary');
			const duckdb = at('overview:duckdb:painted') ?? at('overview:duckdb');
			return { first: timed ? Math.max(painted['headline'], painted['coverage-matrix']) : (summary ?? duckdb), db: at('db:ready'), all: at('overview:all') };
		});
		const memory_mb = await rendererRssMb(browser);
		const cdp = await context.newCDPSession(page);
		await cdp.send('Performance.enable');
		const metrics = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
		const heap = metrics.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
		const filter_ms: number[] = [];
		for (const s of steps) filter_ms.push(await timeStep(page, s, timeoutMs));
		return {
			first_chart_ms: marks.first,
			duckdb_ready_ms: marks.db,
			all_charts_ms: marks.all,
			memory_mb,
			js_heap_mb: heap === undefined ? null : heap / 1048576,
			filter_ms,
			errors
		};
	} finally {
		await context.close();
	}
}
