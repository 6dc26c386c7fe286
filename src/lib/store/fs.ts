/**
 * Node-only: the output folder of the ingest command. One JSON record per report, the Arrow files
 * the dashboard loads, and the list of files that failed. Every write goes to a temporary file that
 * is then renamed, so a failed run never leaves a half-written file behind. Records are streamed
 * (read and written one at a time), so memory does not grow with the number of reports.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { RecordBatchStreamWriter } from 'apache-arrow';
import { checkReport, type CheckedReport } from '../check';
import type { Report, ReportMeta } from '../parse';
import type { FormatVersion } from '../template';
import { cellKinds, findingsTable, reportsTable } from './arrow';
import {
	ARROW_CHUNK,
	CROSS_RULES,
	FAILURES_FILE,
	FINDINGS_FILE,
	REPORTS_FILE,
	crossByReport,
	failuresJson,
	proseDropped,
	recordFileName,
	sameFindings,
	slim,
	withCross,
	type Failure
} from './dataset';
import { ingestBytes, MAX_BYTES } from './ingest';
import { parseRecord, recordJson } from './record';
import { SUMMARY_FILE, summaryJson, summaryRow, type SummaryRow } from './summary';
import { FIRST_VIEW_FILE, firstView, firstViewJson } from '../charts/firstview';

export { FAILURES_FILE, type Failure };

/**
 * The file's bytes, or undefined when it does not exist. existsSync first: a failed read builds an Error with a
 * stack (a tenth of a millisecond, for every new record of a fresh output folder); the read still handles a file
 * that goes away in between.
 */
function readIfExists(path: string): Buffer | undefined {
	if (!existsSync(path)) return undefined;
	try {
		return readFileSync(path);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw e;
	}
}

/** True when `old` holds exactly the bytes of `data` (a string is compared as its UTF-8). */
function sameBytes(old: Buffer, data: string | Uint8Array): boolean {
	if (typeof data !== 'string') return old.equals(data);
	return old.length === Buffer.byteLength(data) && old.equals(Buffer.from(data));
}

/**
 * `old`: the file's current bytes when the caller has read them already (null: it does not exist). A string is
 * written as UTF-8 by writeFileSync itself (Node's fast path for strings: half the time of Buffer.from + write).
 */
function writeAtomic(path: string, data: string | Uint8Array, old?: Buffer | null): boolean {
	const prev = old === undefined ? readIfExists(path) : (old ?? undefined);
	if (prev && sameBytes(prev, data)) return false;
	const tmp = `${path}.tmp-${process.pid}-${threadId}`;
	writeFileSync(tmp, data);
	renameSync(tmp, path);
	return true;
}

export function recordFiles(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json') && f !== FAILURES_FILE && f !== SUMMARY_FILE && f !== FIRST_VIEW_FILE)
		.sort();
}

export function readRecord(dir: string, file: string): CheckedReport | undefined {
	return parseRecord(readFileSync(join(dir, file), 'utf8'));
}

export function readRecords(dir: string): CheckedReport[] {
	return recordFiles(dir)
		.map((f) => readRecord(dir, f))
		.filter((r): r is CheckedReport => r !== undefined);
}

export function readFailures(dir: string): Failure[] {
	const p = join(dir, FAILURES_FILE);
	if (!existsSync(p)) return [];
	try {
		return JSON.parse(readFileSync(p, 'utf8')) as Failure[];
	} catch {
		return [];
	}
}

export interface FileTask {
	path: string;
	name: string;
	/** Record id (the base name, made unique within a batch). */
	id: string;
	meta?: Partial<ReportMeta>;
	format?: FormatVersion;
	dropProse?: boolean;
}

/** SHA-256 of the source bytes with node:crypto (the same hex digest as the pure-JS hash the browser uses). */
function sha256Hex(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

export type FileResult =
	| { ok: true; id: string; file: string; errors: number; warnings: number }
	| { ok: false; file: string; reason: string };

/** Read, parse, check one file and write its record (without cross-year findings: finalize adds them). */
export async function ingestFile(dir: string, t: FileTask): Promise<FileResult> {
	let bytes: Uint8Array;
	try {
		const size = statSync(t.path).size;
		if (size > MAX_BYTES) return { ok: false, file: t.name, reason: `文件过大（${(size / 1048576).toFixed(1)} MB，上限 ${MAX_BYTES / 1048576} MB）` };
		bytes = readFileSync(t.path);
	} catch (e) {
		return { ok: false, file: t.name, reason: `无法读取文件：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
	}
	const res = await ingestBytes(t.name, bytes, { meta: t.meta, format: t.format, dropProse: t.dropProse, hash: sha256Hex });
	if (!res.ok) return res;
	const report: Report = { ...res.report, id: t.id };
	const findings = checkReport(report);
	const file = recordFileName(t.id);
	const oldBytes = readIfExists(join(dir, file));
	const old = oldBytes ? parseRecord(oldBytes.toString('utf8')) : undefined;
	// keep the cross-year findings already stored until finalize recomputes them (fewer rewrites)
	const cross = old?.findings.filter((f) => CROSS_RULES.has(f.rule)) ?? [];
	writeAtomic(join(dir, file), recordJson({ ...report, findings: [...findings, ...cross] }, { dropProse: t.dropProse }), oldBytes ?? null);
	return {
		ok: true,
		id: t.id,
		file: t.name,
		errors: findings.filter((f) => f.severity === 'error').length,
		warnings: findings.filter((f) => f.severity === 'warning').length
	};
}

/**
 * After a batch: recompute the cross-year findings over every record in the folder, rewrite the
 * records whose findings changed, and write reports.arrow / findings.arrow, summary.json, overview.json (the dashboard's
 * first paint) and failures.json.
 */
export async function finalize(dir: string, failures: Failure[], opts: { chunk?: number; onRecord?: () => void } = {}) {
	mkdirSync(dir, { recursive: true });
	const files = recordFiles(dir);
	const slims: Report[] = [];
	// the type of each cell column, over the whole set: every batch of reports.arrow has one schema
	const kinds = cellKinds([]);
	for (const f of files) {
		const r = readRecord(dir, f);
		if (!r) continue;
		slims.push(slim(r));
		cellKinds([r], kinds);
	}
	const cross = crossByReport(slims);
	slims.length = 0;

	const chunk = opts.chunk ?? ARROW_CHUNK;
	const reportsOut = arrowFile(join(dir, REPORTS_FILE));
	const findingsOut = arrowFile(join(dir, FINDINGS_FILE));
	let batch: CheckedReport[] = [];
	let rewritten = 0;
	const summary: SummaryRow[] = [];
	const flush = () => {
		if (!batch.length) return;
		reportsOut.write(reportsTable(batch, kinds));
		findingsOut.write(findingsTable(batch));
		batch = [];
	};
	for (const f of files) {
		const r = readRecord(dir, f);
		if (!r) continue;
		const findings = withCross(r.findings, cross.get(r.id));
		if (!sameFindings(findings, r.findings)) {
			r.findings = findings;
			writeAtomic(join(dir, f), recordJson(r, { dropProse: proseDropped(r) }));
			rewritten++;
		}
		batch.push(r);
		summary.push(summaryRow(r));
		if (batch.length >= chunk) flush();
		opts.onRecord?.();
	}
	flush();
	await Promise.all([reportsOut.close(reportsTable([], kinds)), findingsOut.close(findingsTable([]))]);
	writeAtomic(join(dir, SUMMARY_FILE), summaryJson(summary));
	writeAtomic(join(dir, FIRST_VIEW_FILE), firstViewJson(firstView(summary)));
	writeAtomic(join(dir, FAILURES_FILE), failuresJson(failures));
	return { records: files.length, rewritten };
}

/** An Arrow IPC stream written batch by batch to a temporary file, renamed when complete. */
function arrowFile(path: string) {
	const tmp = `${path}.tmp-${process.pid}`;
	const writer = new RecordBatchStreamWriter();
	const out = createWriteStream(tmp);
	const done = new Promise<void>((resolve, reject) => {
		out.on('finish', resolve);
		out.on('error', reject);
	});
	writer.toNodeStream().pipe(out);
	let wrote = false;
	return {
		write(t: ReturnType<typeof reportsTable>) {
			if (t.numRows === 0) return;
			// batch by batch: writing a Table finishes the stream (apache-arrow's writeAll), so a second chunk failed
			for (const b of t.batches) writer.write(b);
			wrote = true;
		},
		/** `empty` is written when no batch was, so the file still carries the schema. */
		async close(empty: ReturnType<typeof reportsTable>) {
			if (!wrote) writer.write(empty);
			writer.finish();
			await done;
			renameSync(tmp, path);
		}
	};
}

export const _test = { writeAtomic };
