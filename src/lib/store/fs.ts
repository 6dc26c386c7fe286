/**
 * Node-only: the output folder of the ingest command. One JSON record per report, the Arrow files
 * the dashboard loads, and the list of files that failed. Every write goes to a temporary file that
 * is then renamed, so a failed run never leaves a half-written file behind.
 */
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckedReport } from '../check';
import { findingsTable, reportsTable, toIpc } from './arrow';
import { parseRecord, recordJson } from './record';

export interface Failure {
	file: string;
	reason: string;
}

export const FAILURES_FILE = 'failures.json';

function writeAtomic(path: string, data: string | Uint8Array): boolean {
	if (existsSync(path)) {
		const old = readFileSync(path);
		const next = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data);
		if (old.equals(next)) return false;
	}
	const tmp = `${path}.tmp-${process.pid}`;
	writeFileSync(tmp, data);
	renameSync(tmp, path);
	return true;
}

export function readRecords(dir: string): CheckedReport[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json') && f !== FAILURES_FILE)
		.sort()
		.map((f) => parseRecord(readFileSync(join(dir, f), 'utf8')))
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

export function writeOutput(dir: string, reports: CheckedReport[], failures: Failure[], opts: { dropProse?: boolean } = {}) {
	mkdirSync(dir, { recursive: true });
	const sorted = [...reports].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	let written = 0;
	for (const r of sorted) if (writeAtomic(join(dir, `${r.id}.json`), recordJson(r, opts))) written++;
	writeAtomic(join(dir, 'reports.arrow'), toIpc(reportsTable(sorted)));
	writeAtomic(join(dir, 'findings.arrow'), toIpc(findingsTable(sorted)));
	const fs = [...failures].sort((a, b) => (a.file < b.file ? -1 : 1));
	writeAtomic(join(dir, FAILURES_FILE), JSON.stringify(fs, null, '\t') + '\n');
	return { written };
}
