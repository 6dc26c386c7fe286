/** Messages between the page and the parsing worker (parse.worker.ts). */
import type { CheckedReport } from '$lib/check';
import type { ReportMeta } from '$lib/parse';
import type { FormatVersion } from '$lib/template';

export interface ParseRequest {
	seq: number;
	/** The file's name (its extension picks the adapter; it is the record's source.file). */
	name: string;
	/** The record id (the name, made unique within a batch). */
	id: string;
	bytes: ArrayBuffer;
	meta?: Partial<ReportMeta>;
	format?: FormatVersion;
}

export type ParseResult = { ok: true; record: CheckedReport } | { ok: false; file: string; reason: string };

export interface ParseResponse {
	seq: number;
	result: ParseResult;
}
