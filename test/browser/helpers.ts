/**
 * Shared helpers for browser tests: serve the built app with `vite preview`, launch Debian Chromium through
 * playwright-core, and block (and count) every request that leaves localhost.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer as createHttpServer } from 'node:http';
import { AxeBuilder } from '@axe-core/playwright';
import { createServer } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildWithData } from '../../scripts/bench/build';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
	return new Promise((ok, fail) => {
		const srv = createServer();
		srv.unref();
		srv.on('error', fail);
		srv.listen(0, '127.0.0.1', () => {
			const addr = srv.address();
			const port = typeof addr === 'object' && addr ? addr.port : 0;
			srv.close(() => ok(port));
		});
	});
}

export interface PreviewServer {
	url: string;
	port: number;
	process: ChildProcess;
	/** Output of the server so far (for failure messages). */
	log(): string;
	stop(): Promise<void>;
}

/** Fail with a clear message when the app has not been built. */
export function assertBuilt(): void {
	if (!existsSync(resolve(ROOT, 'build/index.html')))
		throw new Error('build/index.html is missing: run `vite build` before the browser tests (the test command is `vite build && vitest run`).');
}

/**
 * Serve the built app for a browser test. By default build/ (or STATIC_DIR, a copy of it) is served by a small
 * static server inside the test process, as an intranet web server would serve it: no child process to start,
 * so a loaded CI machine cannot time out waiting for one. With VITE_PREVIEW=1, `vite preview` (what `npm start`
 * runs) is spawned instead; its binary is spawned directly, so `stop()` ends exactly that process.
 */
export async function startPreview(timeoutMs = 60_000): Promise<PreviewServer> {
	if (process.env.STATIC_DIR) return startStatic(resolve(process.env.STATIC_DIR));
	assertBuilt();
	if (process.env.VITE_PREVIEW !== '1') return startStatic(resolve(ROOT, 'build'));
	const port = await freePort();
	const bin = resolve(ROOT, 'node_modules/.bin/vite');
	const child = spawn(bin, ['preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
		cwd: ROOT,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: { ...process.env, BROWSER: 'none', NO_COLOR: '1' }
	});
	let output = '';
	child.stdout?.on('data', (d) => (output += d));
	child.stderr?.on('data', (d) => (output += d));
	const url = `http://127.0.0.1:${port}/`;
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`vite preview exited with code ${child.exitCode}:\n${output}`);
		try {
			const res = await fetch(url);
			if (res.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill('SIGTERM');
			throw new Error(`vite preview did not answer on ${url} within ${timeoutMs} ms:\n${output}`);
		}
		await new Promise((r) => setTimeout(r, 150));
	}
	return {
		url,
		port,
		process: child,
		log: () => output,
		stop: () =>
			new Promise<void>((ok) => {
				if (child.exitCode !== null || child.signalCode !== null) return ok();
				const force = setTimeout(() => child.kill('SIGKILL'), 3000);
				child.once('exit', () => {
					clearTimeout(force);
					ok();
				});
				child.kill('SIGTERM');
			})
	};
}

const MIME: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.mjs': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.wasm': 'application/wasm',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.txt': 'text/plain; charset=utf-8'
};

/** The adapter-static output served as an intranet web server would: /path → path.html, / → index.html. */
async function startStatic(dir: string): Promise<PreviewServer> {
	if (!existsSync(resolve(dir, 'index.html'))) throw new Error(`STATIC_DIR ${dir} has no index.html`);
	const srv = createHttpServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		const candidates = [path, `${path}.html`, `${path.replace(/\/$/, '')}/index.html`].map((p) => resolve(dir, `.${p}`));
		const file = candidates.find((f) => f.startsWith(dir) && existsSync(f) && statSync(f).isFile());
		if (!file) {
			res.writeHead(404).end('not found');
			return;
		}
		res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
		res.end(readFileSync(file));
	});
	const port = await freePort();
	await new Promise<void>((ok) => srv.listen(port, '127.0.0.1', ok));
	return {
		url: `http://127.0.0.1:${port}/`,
		port,
		process: undefined as unknown as ChildProcess,
		log: () => '',
		stop: () =>
			new Promise<void>((ok) => {
				srv.closeAllConnections();
				srv.close(() => ok());
			})
	};
}

export function launchBrowser(): Promise<Browser> {
	if (!existsSync(CHROMIUM))
		throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium fonts-wqy-microhei (never \`npx playwright install\`)`);
	return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface PageWatch {
	page: Page;
	context: BrowserContext;
	/** URLs of requests that tried to leave localhost (all were aborted). */
	blocked: string[];
	/** console.error messages and uncaught page errors. */
	errors: string[];
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A fresh context and page that aborts every non-local request and records console errors. */
export async function openPage(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<PageWatch> {
	const context = await browser.newContext({ viewport, locale: 'zh-CN', serviceWorkers: 'block' });
	const blocked: string[] = [];
	const errors: string[] = [];
	await context.route('**/*', (route) => {
		const u = new URL(route.request().url());
		const local = (u.protocol === 'http:' || u.protocol === 'https:') && LOCAL_HOSTS.has(u.hostname);
		if (local || u.protocol === 'data:' || u.protocol === 'blob:') return route.continue();
		blocked.push(u.href);
		return route.abort('blockedbyclient');
	});
	const page = await context.newPage();
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
	});
	page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
	return { page, context, blocked, errors };
}

/* ---------- shared by the page tests ---------- */

/** The overview has drawn every panel (its source line says nothing is pending). */
export const OVERVIEW_READY = '[data-testid="source"][data-state="ready"]';

/** Every page of the app, with what shows it has drawn its data. */
export const PAGES = [
	{ path: '', ready: OVERVIEW_READY },
	{ path: 'requests', ready: '[data-testid="received-chart"] g.bar' },
	{ path: 'disclosures', ready: '[data-testid="disclosures-chart"] g.bar, [data-testid="disclosures-chart"] [data-testid="empty"]' },
	{ path: 'appeals', ready: '[data-testid="review-chart"] g.bar' },
	{ path: 'compare', ready: '[data-testid="compare-chart"] g.bar' },
	{ path: 'quality', ready: '[data-testid="finding-count"]' },
	{ path: 'report', ready: '[data-testid="report-index"] tbody tr' }
] as const;

/** Run one of the project's scripts (e.g. scripts/ingest.ts) with tsx from the project root; throws with its output when it fails. */
export function runScript(args: string[]): void {
	const r = spawnSync(resolve(ROOT, 'node_modules/.bin/tsx'), args, { cwd: ROOT, encoding: 'utf8' });
	if (r.status !== 0) throw new Error(`tsx ${args.join(' ')} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
}

/**
 * The app built into a temporary folder with the ingest output `dataDir` in place of the bundled data (GD_DATA_DIR:
 * its Arrow files, summary.json and the overview's prerendered default view), and its records under data/. Serve it
 * with STATIC_DIR or startStaticDir. Remove it with rmSync when done.
 */
export function stageBuild(dataDir: string): string {
	assertBuilt();
	const dir = mkdtempSync(join(tmpdir(), 'site-'));
	// the app built with that data (the overview's default view is prerendered into its HTML), as a county would
	buildWithData(dataDir, dir);
	// its data/<id>.json report records (the build copies the bundled ones from data/)
	const data = resolve(dir, 'data');
	rmSync(data, { recursive: true, force: true });
	mkdirSync(data);
	for (const f of readdirSync(dataDir))
		if (f.endsWith('.json') && JSON.parse(readFileSync(join(dataDir, f), 'utf8'))?.kind === 'gov-disclosure-report')
			copyFileSync(join(dataDir, f), join(data, f));
	return dir;
}

/** Serve a folder like build/ (see stageBuild). */
export const startStaticDir = (dir: string) => startStatic(resolve(dir));

/**
 * Count Content-Security-Policy violations: an init script records every `securitypolicyviolation` event
 * of the page (and of its frames) in window.__cspViolations; read them with cspViolations(page).
 */
export async function watchCsp(context: BrowserContext): Promise<void> {
	await context.addInitScript(() => {
		const w = window as unknown as { __cspViolations: string[] };
		w.__cspViolations = [];
		document.addEventListener('securitypolicyviolation', (e) =>
			w.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`)
		);
	});
}

export const cspViolations = (page: Page): Promise<string[]> =>
	page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? ['(CSP watcher not installed)']);


export const SCREENSHOTS = resolve(ROOT, 'test/browser/screenshots');
export const VIEWPORTS = [
	{ width: 1366, height: 768 },
	{ width: 1920, height: 1080 }
] as const;

/** A report record of data/ as the tests read it (plain JSON, independent of the app's SQL). */
export interface DataRecord {
	id: string;
	format: '2021' | '2019' | null;
	meta: { body: string; county: string | null; township: string | null; year: number; demo: boolean; origin: string };
	cells: Record<string, number | null>;
	findings: { rule: string; severity: string }[];
}

/** Every report record of data/ (summary.json and failures.json are not records). */
export function readDataRecords(): DataRecord[] {
	const dir = resolve(ROOT, 'data');
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.map((f) => JSON.parse(readFileSync(resolve(dir, f), 'utf8')))
		.filter((o) => o && o.kind === 'gov-disclosure-report') as DataRecord[];
}

/** A cell's value; null when blank or not printed. */
export const cell = (r: DataRecord, id: string): number | null => (id in r.cells ? r.cells[id] : null);

/** Sum of filled values (null when all are blank). */
export function sumFilled(vals: (number | null)[]): number | null {
	const f = vals.filter((v): v is number => v !== null);
	return f.length ? f.reduce((a, b) => a + b, 0) : null;
}

/** Run axe on the page; returns the serious and critical violations (id, impact, first targets). */
export async function seriousViolations(page: Page) {
	const res = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
	return res.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

/** Full-page screenshots of a path at 1366×768 and 1920×1080, after `ready` is visible. Returns the file paths. */
export async function screenshotAt(browser: Browser, url: string, name: string, ready: string): Promise<string[]> {
	mkdirSync(SCREENSHOTS, { recursive: true });
	const files: string[] = [];
	// one load, then the window resized: each load starts DuckDB again (the larger part of a screenshot's time on a
	// slow machine), and the page must follow a resize anyway (the charts measure their width as it changes)
	const w = await openPage(browser, { width: VIEWPORTS[0].width, height: VIEWPORTS[0].height });
	try {
		await w.page.goto(url);
		await w.page.locator(ready).first().waitFor({ timeout: 90_000 });
		for (const vp of VIEWPORTS) {
			await w.page.setViewportSize({ width: vp.width, height: vp.height });
			await w.page.waitForTimeout(300);
			const file = resolve(SCREENSHOTS, `${name}-${vp.width}x${vp.height}.png`);
			await w.page.screenshot({ path: file, fullPage: true });
			files.push(file);
		}
	} finally {
		await w.context.close();
	}
	return files;
}

export interface BarInfo {
	report: string;
	body: string;
	year: string;
	series: string;
	/** '' when blank. */
	value: string;
	blank: boolean;
	/** The value label of a grouped bar ('' for stacked segments). */
	text: string;
	tip: string;
	/** The small-multiple panel (body) the bar sits in, '' for one-plot charts. */
	panel: string;
}

/** Every bar or stacked segment of a chart, as its data-* attributes say. */
export function readBars(page: Page, testid: string): Promise<BarInfo[]> {
	return page.$$eval(`[data-testid="${testid}"] g.bar`, (els) =>
		els.map((g) => ({
			report: g.getAttribute('data-report') ?? '',
			body: g.getAttribute('data-body') ?? '',
			year: g.getAttribute('data-year') ?? '',
			series: g.getAttribute('data-series') ?? '',
			value: g.getAttribute('data-value') ?? '',
			blank: g.getAttribute('data-blank') === 'true',
			text: g.querySelector('text.value-label')?.textContent?.trim() ?? '',
			tip: g.getAttribute('data-tip') ?? '',
			panel: g.closest('section.small')?.getAttribute('data-body') ?? ''
		}))
	);
}

/** Rows of a data table: data-* of the row and, per column key, the cell's text and data-value. */
export function readTable(page: Page, testid: string) {
	return page.$$eval(`[data-testid="${testid}"] tbody tr`, (trs) =>
		trs.map((tr) => ({
			data: Object.fromEntries([...tr.attributes].filter((a) => a.name.startsWith('data-')).map((a) => [a.name.slice(5), a.value])),
			cells: Object.fromEntries(
				[...tr.querySelectorAll('th,td')].map((c) => [
					c.getAttribute('data-col') ?? '',
					{ text: c.textContent?.trim() ?? '', value: c.getAttribute('data-value') ?? '', href: c.querySelector('a')?.getAttribute('href') ?? null }
				])
			)
		}))
	);
}
