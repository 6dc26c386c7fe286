/**
 * Script injection and Content-Security-Policy, in Debian Chromium. Report files whose body name, township,
 * title, prose, a table label, a cell and the file name carry <script>, <img onerror>, <svg onload> and
 * javascript: payloads (test/fixtures/injection.ts) go through the real ingest command; a copy of build/
 * serves that output. Every page must show the payloads as text: no dialog, window.__xss never set, no
 * element the payloads would create, zero CSP violations and no console errors.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY, CELL, CELL_ID, FILE_A, LABEL, PROSE, SCRIPT, TITLE_C, TOWNSHIP, writeInjectionFiles } from '../fixtures/injection';
import {
	PAGES,
	SCREENSHOTS,
	cspViolations,
	launchBrowser,
	openPage,
	runScript,
	stageBuild,
	startStaticDir,
	watchCsp,
	type PageWatch,
	type PreviewServer
} from './helpers';
import { limit } from '../timeouts';

let work: string;
let site: string;
let server: PreviewServer;
let browser: Browser;
let watch: PageWatch;
const dialogs: string[] = [];
let ids: string[] = [];

/** What the payloads would have done if any had run or been parsed as markup. */
function damage(page: Page) {
	return page.evaluate(() => ({
		flag: (window as unknown as { __xss?: unknown }).__xss ?? null,
		// elements the payloads would create
		injected: document.querySelectorAll('img[onerror], [onload], img[src="x"], a[href^="javascript:"], svg[onload]').length,
		// a script element made by the payloads; SvelteKit's own boot script carries the prerendered overview's data,
		// the payloads in it as string literals, so it must hold no markup at all (devalue escapes every "<")
		scripts: [...document.scripts].filter((s) => s.textContent?.includes('__xss') && !s.textContent.includes('__sveltekit_')).length,
		markupInScripts: [...document.scripts].filter((s) => /<\/?(script|img|svg)\b/i.test(s.textContent ?? '')).length
	}));
}

async function visit(page: Page, path: string, ready: string) {
	await page.goto(`${server.url}${path}`);
	await page.locator(ready).first().waitFor({ state: 'attached', timeout: 90_000 });
	await page.locator('[data-testid="db-loading"]').waitFor({ state: 'detached', timeout: 60_000 });
	await page.waitForTimeout(300);
}

describe('script injection and CSP', { timeout: limit(120_000) }, () => {
	beforeAll(async () => {
		work = mkdtempSync(join(tmpdir(), 'inject-'));
		writeInjectionFiles(join(work, 'in'));
		runScript(['scripts/ingest.ts', '--out', join(work, 'out'), join(work, 'in')]);
		ids = readdirSync(join(work, 'out'))
			.filter((f) => /\.(txt|html)\.json$/.test(f))
			.map((f) => f.replace(/\.json$/, ''));
		site = stageBuild(join(work, 'out'));
		mkdirSync(SCREENSHOTS, { recursive: true });
		server = await startStaticDir(site);
		browser = await launchBrowser();
		watch = await openPage(browser, { width: 1366, height: 900 });
		await watchCsp(watch.context);
		watch.page.on('dialog', (d) => {
			dialogs.push(`${d.type()}: ${d.message()}`);
			void d.dismiss();
		});
	}, limit(120_000));

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		if (site) rmSync(site, { recursive: true, force: true });
		if (work) rmSync(work, { recursive: true, force: true });
	});

	it('the ingest kept every payload as text in the records', () => {
		expect(ids.sort()).toEqual(['xss__svg onload=alert(1)__2024.txt', 'xss_b_2023.html', 'xss_c_2024.html']);
		const a = JSON.parse(readFileSync(join(work, 'out', `${ids[0]}.json`), 'utf8'));
		expect(a.source.file).toBe(FILE_A);
		expect(a.meta.body).toBe(BODY);
		expect(a.meta.township).toBe(TOWNSHIP);
		expect(a.sections['一']).toBe(PROSE);
		const cell = a.findings.find((f: { cells: string[] }) => f.cells.includes(CELL_ID));
		expect(cell.message).toMatch(/^“<img src=x onerror=window.__xss=1;alert\(1\)>”不是一个数字，原文“<img src=x onerror=window.__xss=1;alert\(1\)>”/);
		expect(a.findings.some((f: { message: string }) => f.message.startsWith(`无法识别的行标题“${LABEL}”`))).toBe(true);
		const c = JSON.parse(readFileSync(join(work, 'out', 'xss_c_2024.html.json'), 'utf8'));
		expect(c.meta.title).toBe(TITLE_C);
	});

	it('every page carries the CSP meta tag: no inline or eval scripts, same-origin workers and fetches, no objects', async () => {
		for (const p of PAGES) {
			const html = readFileSync(join(site, p.path ? `${p.path}.html` : 'index.html'), 'utf8');
			const csp = html.match(/<meta http-equiv="content-security-policy" content="([^"]+)"/)?.[1];
			expect(csp, p.path).toBeDefined();
			const dirs = Object.fromEntries(csp!.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
			expect(dirs['script-src'][0]).toBe("'self'");
			expect(dirs['script-src']).toContain("'wasm-unsafe-eval'");
			expect(dirs['script-src'].filter((s: string) => !/^'sha256-[A-Za-z0-9+/]+=*'$/.test(s))).toEqual(["'self'", "'wasm-unsafe-eval'"]);
			expect(dirs['script-src']).not.toContain("'unsafe-inline'");
			expect(dirs['script-src']).not.toContain("'unsafe-eval'");
			expect(dirs['worker-src']).toEqual(["'self'"]);
			expect(dirs['connect-src']).toEqual(["'self'"]);
			expect(dirs['object-src']).toEqual(["'none'"]);
			expect(dirs['base-uri']).toEqual(["'self'"]);
			expect(dirs['default-src']).toEqual(["'self'"]);
			expect(dirs['img-src']).toEqual(["'self'", 'data:', 'blob:']);
			expect(dirs['style-src']).not.toContain("'unsafe-inline'");
		}
	});

	for (const p of PAGES)
		it(`/${p.path}: payloads stay text, nothing runs, no CSP violation`, async () => {
			const { page } = watch;
			await visit(page, p.path, p.ready);
			expect(await damage(page)).toEqual({ flag: null, injected: 0, scripts: 0, markupInScripts: 0 });
			expect(await cspViolations(page)).toEqual([]);
			// the body name with its payload is on every page, as text
			const text = await page.locator('main').innerText();
			if (p.path !== 'compare') expect(text).toContain(p.path === 'report' ? BODY : '测试县');
			await page.screenshot({ path: resolve(SCREENSHOTS, `security-${p.path || 'overview'}.png`), fullPage: true });
		});

	it('the report page shows the payload title, body, township, prose, label, cell and file name as text', async () => {
		const { page } = watch;
		const id = ids[0];
		await visit(page, `report?id=${encodeURIComponent(id)}`, `[data-testid="report"]`);
		const text = await page.locator('main').innerText();
		for (const s of [BODY, TOWNSHIP, SCRIPT, FILE_A, `无法识别的行标题“${LABEL}”`, '[点击](javascript:alert(1))', 'javascript:alert(1)</a>'])
			expect(text, s).toContain(s);
		expect(await page.locator(`td[data-cell="${CELL_ID}"]`).count()).toBe(1);
		expect(await page.locator(`td[data-cell="${CELL_ID}"]`).innerText()).toContain(CELL);
		expect(await damage(page)).toEqual({ flag: null, injected: 0, scripts: 0, markupInScripts: 0 });
		expect(await cspViolations(page)).toEqual([]);
		await page.screenshot({ path: resolve(SCREENSHOTS, 'security-report-a.png'), fullPage: true });

		await visit(page, `report?id=${encodeURIComponent('xss_c_2024.html')}`, `[data-testid="report"]`);
		expect(await page.locator('[data-testid="report-title"]').innerText()).toContain(TITLE_C.replace('2024年政府信息公开工作年度报告', ''));
		expect(await damage(page)).toEqual({ flag: null, injected: 0, scripts: 0, markupInScripts: 0 });
		expect(await cspViolations(page)).toEqual([]);
	});

	it('opened no dialog, logged no console error, loaded nothing from outside', () => {
		expect(dialogs).toEqual([]);
		expect(watch.errors).toEqual([]);
		expect(watch.blocked).toEqual([]);
	});

	it('the CSP blocks a script that did get into the page (the policy is enforced, not just present)', async () => {
		const { page } = watch;
		await visit(page, 'quality', '[data-testid="finding-count"]');
		const before = (await cspViolations(page)).length;
		await page.evaluate(() => {
			const s = document.createElement('script');
			s.textContent = 'window.__xss = 1';
			document.body.append(s);
			const img = document.createElement('img');
			img.setAttribute('onerror', 'window.__xss = 2');
			img.src = 'x';
			document.body.append(img);
		});
		await page.waitForTimeout(500);
		expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss ?? null)).toBeNull();
		const after = await cspViolations(page);
		expect(after.length - before).toBe(2);
		expect(after.slice(before).every((v) => v.startsWith('script-src'))).toBe(true);
		// the test's own violations are console errors too: drop them from the record
		watch.errors.length = 0;
	});
});
