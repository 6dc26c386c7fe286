/**
 * Fetch one report's stored record (`data/<id>.json`, served and copied into the build by
 * vite-plugins/data-files.ts): raw cell texts, sections, prose counts and findings.
 */
import { resolve } from '$app/paths';
import type { CheckedReport } from '$lib/check';
import { storedUploads, uploadedRecord } from '$lib/db/uploaded.svelte';

export const RECORD_KIND = 'gov-disclosure-report';

export class RecordError extends Error {
	constructor(
		message: string,
		readonly notFound = false
	) {
		super(message);
	}
}

/** URL of a report's record, under the site's base path. */
export function recordUrl(id: string): string {
	return `${resolve('/')}data/${encodeURIComponent(id)}.json`;
}

/** URL of a report's page. */
export function reportHref(id: string): string {
	return `${resolve('/report')}?id=${encodeURIComponent(id)}`;
}

export async function fetchRecord(id: string, signal?: AbortSignal): Promise<CheckedReport> {
	// a report the user added in this browser (导入报告) replaces a bundled one of the same id
	await storedUploads();
	const uploaded = uploadedRecord(id);
	if (uploaded) return uploaded;
	let res: Response;
	try {
		res = await fetch(recordUrl(id), { signal });
	} catch (e) {
		if (signal?.aborted) throw e;
		throw new RecordError(`无法下载报告数据（网络错误：${e instanceof Error ? e.message : String(e)}）`);
	}
	if (res.status === 404) throw new RecordError(`找不到报告“${id}”的数据文件`, true);
	if (!res.ok) throw new RecordError(`无法下载报告数据（HTTP ${res.status}）`);
	let o: unknown;
	try {
		o = await res.json();
	} catch {
		throw new RecordError(`报告“${id}”的数据文件不是有效的 JSON`);
	}
	const r = o as (CheckedReport & { kind?: string }) | null;
	if (!r || r.kind !== RECORD_KIND || !r.cells || !r.detail) throw new RecordError(`“${id}”不是报告数据文件`);
	return r;
}
