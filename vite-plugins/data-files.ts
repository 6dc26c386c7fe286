/**
 * The per-report JSON records of top-level data/ (written by the ingest) at `/data/<file>.json`:
 * served straight from data/ by `vite dev` and `vite preview`, and emitted into the client build
 * (so adapter-static copies them to build/data/). data/ stays the single source; nothing is copied
 * into static/.
 *
 * Only top-level `*.json` files that are report records (`"kind": "gov-disclosure-report"`) are
 * served or copied; anything else (failures.json, sub-folders, other names) is not exposed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';

const RECORD_KIND = 'gov-disclosure-report';
/** A file name we are willing to serve: no path separators, no leading dot, ends in .json. */
const SAFE_NAME = /^[^/\\.][^/\\]*\.json$/;
/** URL prefix (after the base path) and output folder. */
const PREFIX = 'data';

export interface DataFilesOptions {
	/** Folder holding the records (default: `data` beside vite.config.ts). */
	dir?: string;
}

function isRecord(text: string): boolean {
	// cheap pre-check before parsing: records carry the kind near the top
	if (!text.includes(RECORD_KIND)) return false;
	try {
		const o = JSON.parse(text);
		return Boolean(o && typeof o === 'object' && o.kind === RECORD_KIND);
	} catch {
		return false;
	}
}

/** Top-level record files of the folder, sorted, with their text. */
function records(dir: string): { name: string; text: string }[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((n) => SAFE_NAME.test(n))
		.sort()
		.flatMap((name) => {
			const path = resolve(dir, name);
			if (!statSync(path).isFile()) return [];
			const text = readFileSync(path, 'utf8');
			return isRecord(text) ? [{ name, text }] : [];
		});
}

function middleware(dir: string, base: () => string) {
	return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
		if (req.method !== 'GET' && req.method !== 'HEAD') return next();
		const url = new URL(req.url ?? '/', 'http://localhost');
		const prefix = `${base().replace(/\/$/, '')}/${PREFIX}/`;
		if (!url.pathname.startsWith(prefix)) return next();
		let name: string;
		try {
			name = decodeURIComponent(url.pathname.slice(prefix.length));
		} catch {
			return next();
		}
		if (!SAFE_NAME.test(name)) return next();
		const path = resolve(dir, name);
		if (!existsSync(path) || !statSync(path).isFile()) return next();
		const text = readFileSync(path, 'utf8');
		if (!isRecord(text)) return next();
		const body = Buffer.from(text, 'utf8');
		res.statusCode = 200;
		res.setHeader('Content-Type', 'application/json; charset=utf-8');
		res.setHeader('Content-Length', String(body.byteLength));
		res.setHeader('Cache-Control', 'no-cache');
		res.end(req.method === 'HEAD' ? undefined : body);
	};
}

export function dataFiles(options: DataFilesOptions = {}): Plugin {
	let dir = '';
	let base = '/';
	let ssrBuild = false;
	return {
		name: 'gov-disclosure:data-files',
		configResolved(config) {
			dir = options.dir ? resolve(config.root, options.dir) : resolve(config.root, PREFIX);
			base = config.base || '/';
			ssrBuild = Boolean(config.build.ssr);
		},
		configureServer(server) {
			server.middlewares.use(middleware(dir, () => base));
		},
		configurePreviewServer(server) {
			server.middlewares.use(middleware(dir, () => base));
		},
		generateBundle() {
			// only the client build: its output is what adapter-static copies to build/
			if (ssrBuild) return;
			const env = (this as { environment?: { name?: string; config?: { consumer?: string } } }).environment;
			if (env?.config?.consumer === 'server') return;
			for (const { name, text } of records(dir)) this.emitFile({ type: 'asset', fileName: `${PREFIX}/${name}`, source: text });
		}
	};
}
