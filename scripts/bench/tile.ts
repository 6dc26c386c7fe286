/**
 * A large browser data set made from a smaller ingested one: its reports.arrow, findings.arrow and summary.json
 * repeated `copies` times, copy k with its county renamed (甲县 → 甲k县, and the bodies with it) and its report ids
 * prefixed, so counties, bodies and reports stay distinct. The rows are real ingest output with the same distributions;
 * only for the browser measurements, when generating and ingesting that many files does not fit the time (the
 * result says which sizes were tiled). Ingest throughput is never measured on tiled data.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Table, Utf8, tableFromIPC, tableToIPC, vectorFromArray } from 'apache-arrow';
import { parseSummary, summaryJson, type SummaryRow } from '../../src/lib/store/summary';
import { FIRST_VIEW_FILE, firstView, firstViewJson } from '../../src/lib/charts/firstview';

export const renameCounty = (county: string | null, k: number) => (county === null || k === 0 ? county : county.replace(/(县|区|市)?$/, `${k}$1`));

function renamer(k: number) {
	const id = (x: string | null) => (x === null || k === 0 ? x : `t${k}-${x}`);
	const body = (b: string | null, county: string | null) => {
		if (b === null || county === null || k === 0) return b;
		return b.startsWith(county) ? renameCounty(county, k) + b.slice(county.length) : `${b}（${k}）`;
	};
	return { id, body, county: (c: string | null) => renameCounty(c, k) };
}

function mapColumn(t: Table, name: string, f: (v: string | null, i: number) => string | null): Table {
	const v = t.getChild(name);
	if (!v) return t;
	const out = Array.from({ length: t.numRows }, (_, i) => f(v.get(i) as string | null, i));
	return t.setChild(name, vectorFromArray(out, new Utf8()));
}

/** The copies as one Arrow IPC stream (in memory: a few hundred MB at most for the sizes benchmarked). */
function writeStream(path: string, tables: Iterable<Table>) {
	const all = [...tables];
	const tmp = `${path}.tmp-${process.pid}`;
	writeFileSync(tmp, tableToIPC(new Table(all.flatMap((t) => t.batches)), 'stream'));
	renameSync(tmp, path);
}

export async function tile(fromDir: string, toDir: string, copies: number): Promise<number> {
	mkdirSync(toDir, { recursive: true });
	const reports = tableFromIPC(readFileSync(join(fromDir, 'reports.arrow')));
	const findings = tableFromIPC(readFileSync(join(fromDir, 'findings.arrow')));
	const counties = reports.getChild('county')!;
	function* reportCopies() {
		for (let k = 0; k < copies; k++) {
			const r = renamer(k);
			let t = mapColumn(reports, 'body', (b, i) => r.body(b, counties.get(i) as string | null));
			t = mapColumn(t, 'county', r.county);
			t = mapColumn(t, 'report_id', r.id);
			yield t;
		}
	}
	function* findingCopies() {
		for (let k = 0; k < copies; k++) {
			const r = renamer(k);
			yield mapColumn(mapColumn(findings, 'report_id', r.id), 'other_report', r.id);
		}
	}
	writeStream(join(toDir, 'reports.arrow'), reportCopies());
	writeStream(join(toDir, 'findings.arrow'), findingCopies());
	const summary = parseSummary(readFileSync(join(fromDir, 'summary.json'), 'utf8'));
	if (!summary) throw new Error(`${fromDir}/summary.json is not a summary`);
	const rows: SummaryRow[] = [];
	for (let k = 0; k < copies; k++) {
		const r = renamer(k);
		for (const row of summary.reports) rows.push({ ...row, id: r.id(row.id)!, body: r.body(row.body, row.county), county: r.county(row.county) });
	}
	writeFileSync(join(toDir, 'summary.json'), summaryJson(rows));
	// the overview's first view of the tiled rows, as the ingest's finalize writes it beside summary.json
	writeFileSync(join(toDir, FIRST_VIEW_FILE), firstViewJson(firstView(rows)));
	return reports.numRows * copies;
}
