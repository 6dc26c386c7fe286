/**
 * Gzip sizes of the build. "App JS" is every .js under build/_app except the duckdb bundle: the duckdb-wasm worker
 * and the lazily imported chunk of src/lib/db/index.ts (duckdb-wasm's browser bindings with apache-arrow, plus the
 * app's few query functions; found through Vite's manifest, chunk names are hashes). That chunk is reported apart.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((f) => {
		const p = join(dir, f);
		return statSync(p).isDirectory() ? walk(p) : [p];
	});
}

const gz = (p: string) => gzipSync(readFileSync(p), { level: 9 }).length;

/** Output files (relative to build/) of the duckdb bundle, from the client manifest. */
export function duckdbFiles(manifest: Record<string, { file: string; src?: string }>): string[] {
	return Object.entries(manifest)
		.filter(([k, v]) => /@duckdb\/duckdb-wasm\//.test(k) || v.src === 'src/lib/db/index.ts')
		.map(([, v]) => v.file);
}

export function buildSizes(root: string) {
	const build = join(root, 'build');
	const manifestPath = join(root, '.svelte-kit/output/client/.vite/manifest.json');
	const duck = new Set(existsSync(manifestPath) ? duckdbFiles(JSON.parse(readFileSync(manifestPath, 'utf8'))).map((f) => join(build, f)) : []);
	const js = walk(join(build, '_app')).filter((p) => /\.m?js$/.test(p));
	const app = js.filter((p) => !duck.has(p) && !/duckdb/i.test(p));
	const dbJs = js.filter((p) => !app.includes(p));
	const wasm = walk(join(build, '_app')).filter((p) => p.endsWith('.wasm'));
	const kb = (ps: string[]) => Math.round((ps.reduce((n, p) => n + gz(p), 0) / 1024) * 10) / 10;
	return { app_js_gzip_kb: kb(app), duckdb_js_gzip_kb: kb(dbJs), wasm_gzip_kb: kb(wasm), app_files: app.length, duckdb_js_files: dbJs.length };
}
