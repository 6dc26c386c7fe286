/**
 * Browser storage (IndexedDB, through idb-keyval) of the reports the user added on the 导入报告 page: the
 * checked JSON records (never the source files) with the file's name, size and SHA-256, and the list of files
 * that failed. Kept until the user removes them; a reload puts them back into the dashboard.
 */
import { clear, createStore, del, entries, set, setMany, type UseStore } from 'idb-keyval';
import type { CheckedReport } from '../check';
import type { Failure } from './dataset';

export interface StoredUpload {
	id: string;
	/** The file's path as picked (folder/…/name). */
	file: string;
	bytes: number;
	sha256: string;
	/** ISO time it was added. */
	addedAt: string;
	record: CheckedReport;
}

export interface Stored {
	uploads: StoredUpload[];
	failures: Failure[];
}

const UPLOAD = 'upload:';
const FAILURES = 'failures';

let store: UseStore | undefined;
const db = () => (store ??= createStore('gov-disclosure-uploads', 'uploads'));

/** Everything stored, uploads in id order. Throws when the browser has no usable IndexedDB. */
export async function loadStored(): Promise<Stored> {
	const all = await entries<string, unknown>(db());
	const uploads = all
		.filter(([k]) => typeof k === 'string' && k.startsWith(UPLOAD))
		.map(([, v]) => v as StoredUpload)
		.filter((u) => u && typeof u.id === 'string' && u.record && typeof u.record === 'object')
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	const failures = (all.find(([k]) => k === FAILURES)?.[1] as Failure[] | undefined) ?? [];
	return { uploads, failures };
}

export function saveUploads(us: StoredUpload[]): Promise<void> {
	return setMany(us.map((u) => [UPLOAD + u.id, u]), db());
}

export function deleteUpload(id: string): Promise<void> {
	return del(UPLOAD + id, db());
}

export function saveFailures(fs: Failure[]): Promise<void> {
	return set(FAILURES, fs, db());
}

export function clearStored(): Promise<void> {
	return clear(db());
}
