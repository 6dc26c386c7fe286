import adapter from '@sveltejs/adapter-static';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The only two inline style attributes the app needs: the wrapper div of src/app.html and SvelteKit's
 * route announcer (a visually hidden live region it adds after hydration). Their exact values are
 * allowed by hash ('unsafe-hashes'); every other inline style attribute stays blocked. Both values are
 * read from their source files, so a SvelteKit update that changes the announcer changes the hash too.
 */
function styleAttributeHashes() {
	const read = (rel) => readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8');
	const appHtml = read('./src/app.html');
	const root = read('./node_modules/@sveltejs/kit/src/core/sync/write_root.js');
	const values = [appHtml, root].map((text, i) => {
		const m = (i === 0 ? text : text.slice(text.indexOf('svelte-announcer'))).match(/style="([^"]+)"/);
		if (!m) throw new Error(`svelte.config.js: no style attribute found in ${i === 0 ? 'src/app.html' : 'the SvelteKit route announcer'}`);
		return m[1];
	});
	return values.map((v) => `sha256-${createHash('sha256').update(v).digest('base64')}`);
}

/**
 * The one inline script of src/app.html (it hides the overview's prerendered view before the first paint when it
 * would not be the view asked for), allowed by its hash; SvelteKit hashes its own boot scripts itself.
 */
function appScriptHashes() {
	const appHtml = readFileSync(fileURLToPath(new URL('./src/app.html', import.meta.url)), 'utf8');
	return [...appHtml.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => `sha256-${createHash('sha256').update(m[1]).digest('base64')}`);
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	compilerOptions: {
		// runes mode for the project's own components
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		// Plain files any web server (or a county intranet share) can serve.
		// (GD_BUILD_DIR: npm run bench builds each of its data sets into a folder of its own)
		adapter: adapter({ pages: process.env.GD_BUILD_DIR || 'build', assets: process.env.GD_BUILD_DIR || 'build', fallback: undefined, strict: true }),
		// the data folder the build takes its data files from (the ingest's output; npm run bench builds each of its
		// data sets with GD_DATA_DIR set to that set's folder)
		alias: { $data: process.env.GD_DATA_DIR || 'data' },
		// each page's few small stylesheets go into its HTML: a request each on HTTP/1.1's six connections delayed the
		// scripts and summary.json of the overview's first paint (allowed by the CSP through their hashes)
		inlineStyleThreshold: 8192,
		// Content-Security-Policy. adapter-static prerenders every page, so SvelteKit writes it as a
		// <meta http-equiv> tag with the sha256 hashes of the inline boot scripts it generates (mode 'hash':
		// nonces cannot work for static files). Never 'unsafe-inline' or 'unsafe-eval' for scripts;
		// 'wasm-unsafe-eval' only lets WebAssembly (DuckDB) compile. A meta tag cannot carry frame-ancestors
		// or report-uri: an intranet server that wants them sends them as a header.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval', ...appScriptHashes()],
				'worker-src': ['self'],
				'connect-src': ['self'],
				'img-src': ['self', 'data:', 'blob:'],
				// our components set styles through the CSSOM (style: directives, d3 .style()), which CSP allows
				'style-src': ['self', 'unsafe-hashes', ...styleAttributeHashes()],
				'font-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
