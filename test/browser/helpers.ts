/**
 * Shared helpers for browser tests: serve the built app with `vite preview`, launch Debian Chromium through
 * playwright-core, and block (and count) every request that leaves localhost.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

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
 * Start `vite preview` on the built app. The binary is spawned directly (not through npx or npm), so the
 * child's PID is the server's and `stop()` ends exactly that process.
 */
export async function startPreview(timeoutMs = 20_000): Promise<PreviewServer> {
	assertBuilt();
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
