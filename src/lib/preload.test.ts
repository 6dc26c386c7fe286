import { describe, expect, it } from 'vitest';
import { insertPreload } from './preload';

describe('insertPreload', () => {
	const page = [
		'<html><head>',
		'<meta charset="utf-8" />',
		'<meta http-equiv="content-security-policy" content="default-src \'self\'">',
		'<link href="./a.js" rel="modulepreload">',
		'<title>t</title></head><body></body></html>'
	].join('\n');

	it('puts the fetch preload before the module preloads, after the CSP meta', () => {
		const lines = insertPreload(page, '/_app/immutable/assets/overview.X1.json')
			.split('\n')
			.map((l) => l.trim());
		const csp = lines.findIndex((l) => l.startsWith('<meta http-equiv'));
		expect(lines[csp + 1]).toBe('<link rel="preload" href="/_app/immutable/assets/overview.X1.json" as="fetch" crossorigin="anonymous" fetchpriority="high">');
		expect(lines[csp + 2]).toBe('<link href="./a.js" rel="modulepreload">');
	});

	it('once, and only for a plain path', () => {
		const once = insertPreload(page, '/o.json');
		expect(insertPreload(once, '/o.json')).toBe(once);
		expect(insertPreload(page, '/o.json"><script>')).toBe(page);
	});
});
