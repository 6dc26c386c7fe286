/**
 * The one DuckDB-wasm instance of the page. `initDB()` returns the same promise on every call:
 * start the worker, instantiate the eh bundle, switch off extension downloads, load the Arrow files.
 */
import { AsyncDuckDB, VoidLogger, getPlatformFeatures, type AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { DATA_FILES, DUCKDB_WASM_URL, DUCKDB_WORKER_URL } from './assets';

export interface LoadProgress {
	/** Short Chinese description of the current step. */
	step: string;
	bytesLoaded?: number;
	bytesTotal?: number;
}
export type ProgressListener = (p: LoadProgress) => void;

export interface Database {
	db: AsyncDuckDB;
	conn: AsyncDuckDBConnection;
}

const listeners = new Set<ProgressListener>();
let last: LoadProgress = { step: '正在准备' };
function report(p: LoadProgress) {
	last = p;
	for (const l of listeners) l(p);
}

/** Follow the loading steps; the listener is called at once with the current step. Returns an unsubscribe function. */
export function onLoadProgress(listener: ProgressListener): () => void {
	listeners.add(listener);
	listener(last);
	return () => listeners.delete(listener);
}

/** Bytes downloaded so far per file; reported as one sum so the progress text does not flicker between files. */
const downloads = new Map<string, { loaded: number; total?: number }>();
function downloaded(key: string, loaded: number, total?: number) {
	downloads.set(key, { loaded, total });
	const all = [...downloads.values()];
	report({
		step: '正在下载分析引擎和数据',
		bytesLoaded: all.reduce((n, d) => n + d.loaded, 0),
		bytesTotal: all.every((d) => d.total) ? all.reduce((n, d) => n + (d.total ?? 0), 0) : undefined
	});
}

async function fetchBytes(url: string, label: string): Promise<Uint8Array> {
	let res: Response;
	try {
		res = await fetch(url);
	} catch (e) {
		throw new Error(`无法下载${label}（网络错误：${e instanceof Error ? e.message : String(e)}）`, { cause: e });
	}
	if (!res.ok) throw new Error(`无法下载${label}（HTTP ${res.status}）`);
	const total = Number(res.headers.get('content-length')) || undefined;
	if (!res.body) return new Uint8Array(await res.arrayBuffer());
	const reader = res.body.getReader();
	// Copy each chunk into one buffer of the announced size as it arrives, so the chunks are garbage at once and a
	// 100 MB file is not held twice (chunks + joined copy). Without a length, or if the server sent more, collect.
	let out = total ? new Uint8Array(total) : undefined;
	const parts: Uint8Array[] = [];
	let loaded = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		if (out && loaded + value.byteLength <= out.byteLength) out.set(value, loaded);
		else {
			if (out) parts.push(out.subarray(0, loaded));
			out = undefined;
			parts.push(value);
		}
		loaded += value.byteLength;
		downloaded(url, loaded, total);
	}
	if (out) return loaded === out.byteLength ? out : out.subarray(0, loaded);
	return joinParts(parts, loaded);
}

function joinParts(parts: Uint8Array[], length: number): Uint8Array {
	const out = new Uint8Array(length);
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.byteLength;
	}
	return out;
}

async function start(): Promise<Database> {
	report({ step: '正在检查浏览器' });
	const features = await getPlatformFeatures();
	if (!features.wasmExceptions)
		throw new Error('浏览器版本过旧，不支持 WebAssembly 异常处理，请使用新版 Chrome、Edge 或 Firefox');

	report({ step: '正在启动数据库引擎' });
	downloads.clear();
	const worker = new Worker(DUCKDB_WORKER_URL);
	const db = new AsyncDuckDB(new VoidLogger(), worker);
	try {
		// Download the data while the engine downloads and compiles.
		const files = Promise.all(DATA_FILES.map((f) => fetchBytes(f.url, f.label)));
		files.catch(() => {}); // awaited below, after instantiate
		await db.instantiate(DUCKDB_WASM_URL, null, (p) =>
			downloaded(DUCKDB_WASM_URL, p.bytesLoaded, p.bytesTotal || undefined)
		);
		report({ step: '正在启动数据库引擎' });
		const conn = await db.connect();
		// The npm package has no extensions; never try to fetch one from the internet.
		await conn.query('SET autoinstall_known_extensions=false');
		await conn.query('SET autoload_known_extensions=false');

		const buffers = await files;
		for (const [i, f] of DATA_FILES.entries()) {
			report({ step: `正在载入${f.label}` });
			await conn.insertArrowFromIPCStream(buffers[i], { name: f.table, create: true });
		}
		report({ step: '数据已载入' });
		return { db, conn };
	} catch (e) {
		await db.terminate().catch(() => {});
		throw e;
	}
}

let ready: Promise<Database> | undefined;

/** The single init promise. A failed start is not retried automatically: call `resetDB()` first. */
export function initDB(): Promise<Database> {
	ready ??= start();
	return ready;
}

/** Forget a failed start so that `initDB()` tries again (used by the retry button). */
export async function resetDB(): Promise<void> {
	const old = ready;
	ready = undefined;
	// a failed start has already terminated its worker; a successful one is closed here
	if (old) await old.then(({ db }) => db.terminate()).catch(() => {});
}
