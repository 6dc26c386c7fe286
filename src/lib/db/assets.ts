/**
 * URLs of everything the database needs, all served from this site (no CDN).
 * Only the "eh" (WebAssembly exceptions) bundle is shipped: every current Chromium, Edge and Firefox supports it,
 * and leaving the mvp bundle out halves the download.
 * The data files live in top-level data/ (written by the ingest); `?url&no-inline` makes Vite copy them as
 * hashed assets instead of inlining small ones as data: URLs.
 */
import duckdbWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import duckdbWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import reportsUrl from '$data/reports.arrow?url&no-inline';
import findingsUrl from '$data/findings.arrow?url&no-inline';
import summaryUrl from '$data/summary.json?url&no-inline';

export const DUCKDB_WASM_URL: string = duckdbWasmUrl;
export const DUCKDB_WORKER_URL: string = duckdbWorkerUrl;

/** Arrow IPC stream files, each loaded as the table of the same name. */
export const DATA_FILES = [
	{ table: 'reports', url: reportsUrl as string, label: '报告数据' },
	{ table: 'findings', url: findingsUrl as string, label: '核查结果' }
] as const;

/** The small precomputed digest (written by the ingest's finalize) the overview draws first, while DuckDB starts. */
export const SUMMARY_URL: string = summaryUrl;

