/**
 * The page-wide set of reports the user added (导入报告): read once from browser storage, put into DuckDB after the
 * bundled data (syncUploads) and into the summary rows, and replaced as a whole when the user adds or removes some.
 * `loadState.version` is bumped after each change, so the pages' live queries run again.
 */
import { resolve } from '$app/paths';
import type { CheckedReport } from '$lib/check';
import { loadStored, type Stored } from '$lib/store/persist';
import { summaryRow } from '$lib/store/summary';
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { setUploadRows } from './summary.svelte';
import { UPLOAD_ORIGIN } from './merge';
import { setUploadsHint } from './uploads-hint';

class UploadedState {
	/** The uploads as they are in the tables (origin 用户上传, cross-year findings with the bundled years). Replaced whole, never deeply proxied. */
	records = $state.raw<CheckedReport[]>([]);
	/** Set when the browser storage cannot be used (uploads then last until the page is closed). */
	storageError = $state<string | null>(null);
}

export const uploadedState = new UploadedState();

let stored: Promise<Stored> | undefined;
let current: CheckedReport[] | undefined;

/** What browser storage holds (read once per page). */
export function storedUploads(): Promise<Stored> {
	stored ??= loadStored()
		.catch((e) => {
			uploadedState.storageError = `浏览器存储不可用（${e instanceof Error ? e.message : String(e)}），导入的报告在关闭页面后不会保留`;
			return { uploads: [], failures: [] } as Stored;
		})
		.then((s) => {
			if (!current) {
				// first paint: the uploads' own findings; DuckDB adds the cross-year ones with the bundled years
				setCurrentUploads(s.uploads.map((u) => u.record));
			}
			return s;
		});
	return stored;
}

/** A bundled report's stored record (data/<id>.json), for exact cross-year checks; undefined when not served. */
async function bundledRecord(id: string): Promise<CheckedReport | undefined> {
	const res = await fetch(`${resolve('/')}data/${encodeURIComponent(id)}.json`);
	if (!res.ok) return undefined;
	const { parseRecord } = await import('$lib/store/record');
	return parseRecord(await res.text());
}

/** Put the current uploads into the tables (after the bundled data is loaded, and after every change). */
export async function applyUploads(conn: AsyncDuckDBConnection): Promise<void> {
	// uploads.ts (the Arrow writer, the checks) is loaded with the database, not on the first paint's path
	const [{ syncUploads }] = await Promise.all([import('./uploads'), storedUploads()]);
	const res = await syncUploads(conn, current ?? [], bundledRecord);
	uploadedState.records = res.uploads;
	setUploadRows(res.rows, res.patches);
}

/** Replace the set of uploads (the records as stored); the caller then re-syncs the database. */
export function setCurrentUploads(records: CheckedReport[]): void {
	current = records;
	setUploadsHint(records.length);
	uploadedState.records = records.map((r) => ({ ...r, meta: { ...r.meta, origin: UPLOAD_ORIGIN } }));
	setUploadRows(uploadedState.records.map(summaryRow), []);
}

/** An upload's record by id (the report page shows it instead of a bundled data/<id>.json). */
export function uploadedRecord(id: string): CheckedReport | undefined {
	return uploadedState.records.find((r) => r.id === id);
}
