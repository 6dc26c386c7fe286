/**
 * A static server of build/ (as an intranet web server would serve it: /path → path.html) in which the data files
 * the app fetches (build/_app/immutable/assets/{reports,findings}.<hash>.arrow, {summary,overview}.<hash>.json) are answered
 * from another folder: one build serves every data set, nothing is copied.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';

const MIME: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.wasm': 'application/wasm',
	'.arrow': 'application/octet-stream',
	'.svg': 'image/svg+xml',
	'.png': 'image/png'
};

const DATA = /^(reports|findings)\.[^.]+\.arrow$|^(summary|overview)\.[^.]+\.json$/;

/**
 * URL path → file of `dataDir`, for each hashed data asset of the build: reports.arrow, findings.arrow, summary.json
 * and (since the overview's first view) overview.json. A build from before overview.json has 3; a data folder from an
 * ingest before it lacks the file (the server then answers 404 for it and the app waits for summary.json).
 */
export function dataOverrides(buildDir: string, dataDir: string): Map<string, string> {
	const assets = join(buildDir, '_app/immutable/assets');
	const map = new Map<string, string>();
	for (const f of readdirSync(assets)) {
		const m = DATA.exec(f);
		if (!m) continue;
		const name = m[1] ? `${m[1]}.arrow` : `${m[2]}.json`;
		map.set(`/_app/immutable/assets/${f}`, join(dataDir, name));
	}
	const names = [...map.values()].map((p) => p.slice(dataDir.length + 1)).sort();
	const ok = names.join() === 'findings.arrow,reports.arrow,summary.json' || names.join() === 'findings.arrow,overview.json,reports.arrow,summary.json';
	if (!ok) throw new Error(`expected the data assets reports, findings, summary (and overview) in ${assets}, found ${names.join(', ') || 'none'}`);
	return map;
}

export interface Served {
	url: string;
	/** Serve another data set from now on. */
	use(dataDir: string): void;
	stop(): Promise<void>;
}

export async function serve(buildDir: string, dataDir: string): Promise<Served> {
	const dir = resolve(buildDir);
	let overrides = dataOverrides(dir, dataDir);
	const srv = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		const over = overrides.get(path);
		const candidates = over ? [over] : [path, `${path}.html`, `${path.replace(/\/$/, '')}/index.html`].map((p) => resolve(dir, `.${p}`));
		const file = candidates.find((f) => (over || f.startsWith(dir)) && existsSync(f) && statSync(f).isFile());
		if (!file) {
			res.writeHead(404).end('not found');
			return;
		}
		const body = readFileSync(file);
		res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'content-length': body.length, 'cache-control': 'no-store' });
		res.end(body);
	});
	await new Promise<void>((ok) => srv.listen(0, '127.0.0.1', ok));
	const addr = srv.address();
	const port = typeof addr === 'object' && addr ? addr.port : 0;
	return {
		url: `http://127.0.0.1:${port}/`,
		use(d) {
			overrides = dataOverrides(dir, d);
		},
		stop: () =>
			new Promise<void>((ok) => {
				srv.closeAllConnections();
				srv.close(() => ok());
			})
	};
}
