import { describe, expect, it } from 'vitest';
import { hoistPreload } from './preload';

describe('hoistPreload', () => {
	const page = [
		'<html><head>',
		'<meta charset="utf-8" />',
		'<meta http-equiv="content-security-policy" content="default-src \'self\'">',
		'<link href="./a.js" rel="modulepreload">',
		'<link rel="icon" href="x"/> <link rel="preload" href="/s.json" as="fetch" crossorigin="anonymous" fetchpriority="high"/><!---->',
		'<title>t</title></head><body></body></html>'
	].join('\n');

	it('moves the fetch preload before the module preloads, after the CSP meta', () => {
		const out = hoistPreload(page);
		const lines = out.split('\n').map((l) => l.trim());
		const csp = lines.findIndex((l) => l.startsWith('<meta http-equiv'));
		expect(lines[csp + 1]).toBe('<link rel="preload" href="/s.json" as="fetch" crossorigin="anonymous" fetchpriority="high"/>');
		expect(lines[csp + 2]).toBe('<link href="./a.js" rel="modulepreload">');
		expect(out.match(/rel="preload"/g)).toHaveLength(1);
		expect(out).toContain('<link rel="icon" href="x"/><!---->');
	});

	it('leaves a page without a fetch preload as it is', () => {
		const plain = page.replace(/<link rel="preload"[^>]*>/, '');
		expect(hoistPreload(plain)).toBe(plain);
	});
});
