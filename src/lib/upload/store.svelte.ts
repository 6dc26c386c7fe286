/**
 * The 导入报告 page's state: the reports added in this browser (kept in IndexedDB), the files that failed, the
 * reports waiting for their metadata to be confirmed, and the progress of a batch. Files are parsed one at a time
 * in the worker; a failed file is one line and the batch goes on. Adding or removing reports replaces the set in
 * the dashboard's tables (setUploads).
 */
import { zipSync } from 'fflate';
import { setUploads } from '$lib/db/state.svelte';
import { storedUploads } from '$lib/db/uploaded.svelte';
import type { ReportMeta } from '$lib/parse';
import { datasetFiles, type Failure } from '$lib/store/dataset';
import { clearStored, deleteUpload, saveFailures, saveUploads, type StoredUpload } from '$lib/store/persist';
import { parseInWorker } from './parser';
import { dirName, formMeta, isSidecar, planBatch, readSidecars, unsureMeta, type Picked, type Planned } from './plan';
import type { ParseResult } from './protocol';

export interface Pending {
	key: number;
	path: string;
	name: string;
	id: string;
	file: File;
	/** Why the metadata must be confirmed. */
	reasons: string[];
	/** The form, pre-filled with what the parser detected. */
	form: { body: string; county: string; year: string };
	error: string | null;
	busy: boolean;
}

export interface Progress {
	done: number;
	total: number;
	current: string;
}

let key = 0;

function entryOf(t: { path: string }, record: Extract<ParseResult, { ok: true }>['record']): StoredUpload {
	return { id: record.id, file: t.path, bytes: record.source.bytes, sha256: record.source.sha256, addedAt: new Date().toISOString(), record };
}

function formOf(meta: ReportMeta) {
	return { body: meta.body ?? '', county: meta.county ?? '', year: meta.year === null ? '' : String(meta.year) };
}

class UploadStore {
	entries = $state.raw<StoredUpload[]>([]);
	/** Every file that failed and was not added since (failures.json of the export). */
	failures = $state.raw<Failure[]>([]);
	/** The failures of the last batch, shown under the drop zone. */
	batchFailures = $state.raw<Failure[]>([]);
	notes = $state.raw<string[]>([]);
	pending = $state<Pending[]>([]);
	progress = $state<Progress | null>(null);
	ready = $state(false);

	async init() {
		const s = await storedUploads();
		this.entries = s.uploads;
		this.failures = s.failures;
		this.ready = true;
	}

	private async parse(t: { name: string; id: string; file: File; meta?: Partial<ReportMeta>; format?: Planned<File>['format'] }) {
		let bytes: ArrayBuffer;
		try {
			bytes = await t.file.arrayBuffer();
		} catch (e) {
			return { ok: false, file: t.name, reason: `无法读取文件：${e instanceof Error ? e.message : String(e)}` } as ParseResult;
		}
		return parseInWorker({ name: t.name, id: t.id, bytes, meta: t.meta, format: t.format });
	}

	/** Parse a batch; sure reports are added at the end, unsure ones wait for the form. */
	async importFiles(picked: Picked<File>[]) {
		const texts = new Map<string, string>();
		for (const p of picked) if (isSidecar(p.path)) texts.set(dirName(p.path), await p.item.text());
		const { sidecars, errors } = readSidecars(texts);
		const plan = planBatch(picked, sidecars);
		this.notes = errors;
		this.batchFailures = [];
		this.progress = { done: 0, total: plan.length, current: '' };
		const added: StoredUpload[] = [];
		const failed: Failure[] = [];
		for (const t of plan) {
			this.progress = { ...this.progress, current: t.path };
			const res = await this.parse({ ...t, file: t.item });
			if (!res.ok) {
				failed.push({ file: t.name, reason: res.reason });
				this.batchFailures = [...failed];
			} else {
				const reasons = unsureMeta(res.record.meta);
				if (reasons.length)
					this.pending.push({ key: ++key, path: t.path, name: t.name, id: t.id, file: t.item, reasons, form: formOf(res.record.meta), error: null, busy: false });
				else added.push(entryOf(t, res.record));
			}
			this.progress = { ...this.progress, done: this.progress.done + 1 };
		}
		await this.commit(added, failed, plan.map((t) => t.name));
		this.progress = null;
	}

	/** Add the pending report with the metadata typed into its form (parsed again with it, as a reports.csv would). */
	async confirm(p: Pending) {
		const { meta, errors } = formMeta(p.form);
		if (errors.length) {
			p.error = errors.join('；');
			return;
		}
		p.busy = true;
		p.error = null;
		const res = await this.parse({ name: p.name, id: p.id, file: p.file, meta });
		p.busy = false;
		this.pending = this.pending.filter((x) => x.key !== p.key);
		if (res.ok) await this.commit([entryOf(p, res.record)], [], [p.name]);
		else {
			this.batchFailures = [...this.batchFailures, { file: p.name, reason: res.reason }];
			await this.commit([], [{ file: p.name, reason: res.reason }], [p.name]);
		}
	}

	skip(p: Pending) {
		this.pending = this.pending.filter((x) => x.key !== p.key);
	}

	private async commit(added: StoredUpload[], failed: Failure[], names: string[]) {
		const ids = new Set(added.map((a) => a.id));
		const seen = new Set(names);
		this.entries = [...this.entries.filter((e) => !ids.has(e.id)), ...added].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
		this.failures = [...this.failures.filter((f) => !seen.has(f.file)), ...failed];
		await this.persist(() => Promise.all([saveUploads(added), saveFailures(this.failures)]));
		await setUploads(this.entries.map((e) => e.record));
	}

	async remove(id: string) {
		this.entries = this.entries.filter((e) => e.id !== id);
		await this.persist(() => deleteUpload(id));
		await setUploads(this.entries.map((e) => e.record));
	}

	async removeAll() {
		this.entries = [];
		this.failures = [];
		this.batchFailures = [];
		this.pending = [];
		await this.persist(() => clearStored());
		await setUploads([]);
	}

	/** Browser storage problems do not stop the dashboard: the reports stay until the page is closed. */
	private async persist(fn: () => Promise<unknown>) {
		try {
			await fn();
		} catch (e) {
			this.notes = [...this.notes, `未能保存到浏览器存储（${e instanceof Error ? e.message : String(e)}），刷新页面后导入的报告会丢失`];
		}
	}

	/** The files `npm run ingest` writes for these reports, zipped. */
	exportZip(): Uint8Array {
		const files = datasetFiles(
			this.entries.map((e) => e.record),
			this.failures
		);
		return zipSync(Object.fromEntries(files), { level: 6, mtime: new Date('2020-01-01T00:00:00Z') });
	}
}

export const uploads = new UploadStore();
