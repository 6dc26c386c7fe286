/**
 * What a picked batch of files becomes before parsing, as the ingest command does it: hidden files left out, a
 * reports.csv beside the files read as their metadata, files in path order, ids = base names made unique within
 * the batch (name, name~2, …). And when a parsed report's metadata needs a person to confirm it.
 */
import type { ReportMeta } from '$lib/parse';
import { SIDECAR_NAME, parseSidecar, type SidecarEntry } from '$lib/store/sidecar';
import type { FormatVersion } from '$lib/template';

export interface Picked<T> {
	/** Path as picked: folder/…/name for a folder, the name for a single file. */
	path: string;
	item: T;
}

export interface Planned<T> extends Picked<T> {
	name: string;
	id: string;
	meta?: Partial<ReportMeta>;
	format?: FormatVersion;
}

export const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
export const dirName = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
export const isSidecar = (path: string) => baseName(path) === SIDECAR_NAME;
const hidden = (path: string) => path.split('/').some((p) => p.startsWith('.'));

/** The record id of a file name: the ingest command's (reportId in parse). */
export const idOf = (name: string) => name.replace(/[/\\:*?"<>|\u0000-\u001f]/g, '_');

/** Sidecar files' texts by folder → their entries by file name, and their problems as one-line messages. */
export function readSidecars(texts: Map<string, string>): { sidecars: Map<string, Map<string, SidecarEntry>>; errors: string[] } {
	const sidecars = new Map<string, Map<string, SidecarEntry>>();
	const errors: string[] = [];
	for (const [dir, text] of texts) {
		const res = parseSidecar(text);
		sidecars.set(dir, res.entries);
		errors.push(...res.errors.map((e) => (dir ? `${dir}/${e}` : e)));
	}
	return { sidecars, errors };
}

export function planBatch<T>(picked: Picked<T>[], sidecars: Map<string, Map<string, SidecarEntry>> = new Map()): Planned<T>[] {
	const used = new Map<string, number>();
	return picked
		.filter((p) => !hidden(p.path) && !isSidecar(p.path))
		.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
		.map((p) => {
			const name = baseName(p.path);
			const base = idOf(name);
			const n = (used.get(base) ?? 0) + 1;
			used.set(base, n);
			const side = sidecars.get(dirName(p.path))?.get(name);
			return { ...p, name, id: n === 1 ? base : `${base}~${n}`, ...(side?.meta ? { meta: side.meta } : {}), ...(side?.format ? { format: side.format } : {}) };
		});
}

/** Why a report's body, county or year should be confirmed by a person before it is added (empty: sure enough). */
export function unsureMeta(meta: ReportMeta): string[] {
	const out: string[] = [];
	if (!meta.body) out.push('未能识别报告单位');
	if (meta.year === null) out.push('未能识别报告年份');
	else if (meta.from.year === '文件名') out.push(`年份 ${meta.year} 取自文件名`);
	if (meta.body && !meta.province && !meta.city && !meta.county && !meta.township) out.push('未能从单位名称识别所在县区');
	return out;
}

/** The metadata a person typed into the form, as overrides for the parser (blank fields are left to detection). */
export function formMeta(form: { body: string; county: string; year: string }): { meta: Partial<ReportMeta>; errors: string[] } {
	const meta: Partial<ReportMeta> = {};
	const errors: string[] = [];
	const body = form.body.trim();
	const county = form.county.trim();
	const year = form.year.trim().replace(/年$/, '');
	if (body) meta.body = body;
	else errors.push('请填写报告单位');
	if (county) meta.county = county;
	if (year) {
		const y = Number(year);
		if (Number.isInteger(y) && y >= 2019 && y <= 2100) meta.year = y;
		else errors.push(`年份“${form.year.trim()}”无效（应为 2019 年及以后的四位年份）`);
	} else errors.push('请填写年份');
	return { meta, errors };
}
