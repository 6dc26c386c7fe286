/**
 * Gzip sizes of the build. "App JS" is every .js under build/_app except the duckdb bundle: the duckdb-wasm worker
 * and the lazily imported chunk of src/lib/db/index.ts (duckdb-wasm's browser bindings with apache-arrow, plus the
 * app's few query functions; found through Vite's manifest, chunk names are hashes). That chunk is reported apart.
 * So is the code loaded only when a feature is used ("on demand"): the 导入报告 page's parsing worker (with pdfjs,
 * build/_app/immutable/workers/), and the dynamically imported docx (生成简报) and xlsx (下载表格) chunks.
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

/** Output files of the lazily imported export libraries (docx, write-excel-file and the modules that import them). */
export function onDemandFiles(manifest: Record<string, { file: string; isDynamicEntry?: boolean }>): string[] {
	return Object.entries(manifest)
		.filter(([k, v]) => v.isDynamicEntry && /node_modules\/(docx|write-excel-file)\/|src\/lib\/export\/(briefing|xlsx)\.ts$/.test(k))
		.map(([, v]) => v.file);
}

/**
 * The sizes of build/, or null when Vite's manifest in .svelte-kit/ is not build/'s: the bench's per-data-set builds
 * (GD_BUILD_DIR) write their own manifest there, so after them (`--skip-build`) the duckdb chunk would not be found
 * and would count as app JS.
 */
export function buildSizes(root: string) {
	const build = join(root, 'build');
	const manifestPath = join(root, '.svelte-kit/output/client/.vite/manifest.json');
	const manifest: Record<string, { file: string }> = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : {};
	if (Object.values(manifest).some((v) => !existsSync(join(build, v.file)))) return null;
	const duck = new Set(duckdbFiles(manifest).map((f) => join(build, f)));
	const later = new Set(onDemandFiles(manifest).map((f) => join(build, f)));
	const js = walk(join(build, '_app')).filter((p) => /\.m?js$/.test(p));
	const dbJs = js.filter((p) => duck.has(p) || /duckdb/i.test(p));
	const onDemand = js.filter((p) => !dbJs.includes(p) && (later.has(p) || /[\\/]immutable[\\/]workers[\\/]/.test(p)));
	const app = js.filter((p) => !dbJs.includes(p) && !onDemand.includes(p));
	const wasm = walk(join(build, '_app')).filter((p) => p.endsWith('.wasm'));
	const kb = (ps: string[]) => Math.round((ps.reduce((n, p) => n + gz(p), 0) / 1024) * 10) / 10;
	return {
		app_js_gzip_kb: kb(app),
		duckdb_js_gzip_kb: kb(dbJs),
		on_demand_js_gzip_kb: kb(onDemand),
		wasm_gzip_kb: kb(wasm),
		app_files: app.length,
		duckdb_js_files: dbJs.length,
		on_demand_files: onDemand.length
	};
}
