/**
 * Page-wide loading state of the database, shared by the layout (notice area) and the pages.
 * DuckDB and the data are imported lazily, so the first paint (header + progress text) does not wait for them.
 */
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { DatasetSummary } from './queries';

import type { CheckedReport } from '$lib/check';
import { applyUploads, setCurrentUploads } from './uploaded.svelte';

type DbModule = typeof import('./index');

export interface LoadState {
	status: 'idle' | 'loading' | 'ready' | 'error';
	step: string;
	bytesLoaded: number | null;
	bytesTotal: number | null;
	error: string | null;
	summary: DatasetSummary | null;
	/** Bumped whenever the tables change after loading (reports added or removed on the 导入报告 page). */
	version: number;
}

export const loadState: LoadState = $state({
	status: 'idle',
	step: '正在准备',
	bytesLoaded: null,
	bytesTotal: null,
	error: null,
	summary: null,
	version: 0
});

let loading: Promise<{ mod: DbModule; conn: AsyncDuckDBConnection }> | undefined;

function describe(e: unknown, prefix = '数据库启动失败'): string {
	const msg = e instanceof Error ? e.message : String(e);
	return /[\u4e00-\u9fff]/.test(msg) ? msg : `${prefix}：${msg}`;
}

async function load() {
	loadState.status = 'loading';
	loadState.error = null;
	const mod = await import('./index');
	const stop = mod.onLoadProgress((p) => {
		loadState.step = p.step;
		loadState.bytesLoaded = p.bytesLoaded ?? null;
		loadState.bytesTotal = p.bytesTotal ?? null;
	});
	try {
		const { conn } = await mod.initDB();
		// the reports the user added in this browser, after the bundled data
		loadState.step = '正在载入导入的报告';
		await applyUploads(conn);
		loadState.summary = await mod.datasetSummary(conn);
		loadState.status = 'ready';
		performance.mark('db:ready'); // read by npm run bench
		return { mod, conn };
	} finally {
		stop();
	}
}

/** Start DuckDB and load the data once; later calls share the same promise. */
export function ensureLoaded(): Promise<{ mod: DbModule; conn: AsyncDuckDBConnection }> {
	loading ??= load().catch((e) => {
		loadState.status = 'error';
		loadState.error = describe(e);
		throw e;
	});
	return loading;
}

/** Run one query function once the data is loaded. */
export async function withDB<T>(fn: (mod: DbModule, conn: AsyncDuckDBConnection) => Promise<T>): Promise<T> {
	const { mod, conn } = await ensureLoaded();
	try {
		return await fn(mod, conn);
	} catch (e) {
		throw new Error(describe(e, '数据查询失败'), { cause: e });
	}
}

/** After a failure: forget the failed start and try again. */
export async function retryLoading(): Promise<void> {
	const mod = await import('./index');
	await mod.resetDB();
	loading = undefined;
	loadState.summary = null;
	await ensureLoaded().catch(() => {});
}

let changing: Promise<void> = Promise.resolve();

/**
 * Replace the set of uploaded reports: into the tables (once they are loaded) and the summary rows; the pages'
 * queries then run again. Calls run one after the other.
 */
export function setUploads(records: CheckedReport[]): Promise<void> {
	const next = changing.then(async () => {
		setCurrentUploads(records);
		// a load under way may have put the previous set in already: wait for it, then put this set in
		const loaded = loading ? await loading.then(() => true, () => false) : false;
		if (loaded)
			await withDB(async (mod, conn) => {
				await applyUploads(conn);
				loadState.summary = await mod.datasetSummary(conn);
			});
		loadState.version++;
	});
	changing = next.catch(() => {});
	return next;
}
