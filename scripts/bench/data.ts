/**
 * Scale data sets for the benchmark, cached in bench/scale/ (git-ignored): bench/scale/<N>/ holds the report files
 * (`npm run generate -- scale`), bench/scale/<N>.out/ the ingest output (`npm run ingest`). A `.complete` marker is
 * written after each step, so an interrupted run is redone rather than half-used; the files' marker holds the
 * generator's SCALE_VERSION, so a set written by an older generator is written (and ingested) again. An ingest output cached from before
 * overview.json gets it written from its summary.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { DATA_LAYOUT } from '../../src/lib/store/dataset';
import { finalize, readFailures } from '../../src/lib/store/fs';
import { tile } from './tile';
import { FIRST_VIEW_FILE, firstView, firstViewJson } from '../../src/lib/charts/firstview';
import { parseSummary } from '../../src/lib/store/summary';
import { SCALE_VERSION } from '../../src/lib/generate/scale';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SCALE_DIR = join(ROOT, 'bench/scale');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

export interface DataSet {
	/** 'bundled' or the number of reports. */
	key: string;
	/** Folder with reports.arrow, findings.arrow, summary.json, overview.json. */
	dir: string;
	/** Folder with the report files (generated scale sets only). */
	files?: string;
	/** For a tiled set: what it was made from. */
	tiledFrom?: string;
}

function run(args: string[], log: (s: string) => void, okCodes = [0]) {
	log(`$ tsx ${args.join(' ')}`);
	const r = spawnSync(TSX, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
	if (r.status === null || !okCodes.includes(r.status)) throw new Error(`tsx ${args[0]} exited with ${r.status ?? r.signal}`);
}

/** Generate and ingest N reports unless cached. The ingest uses every core (it is not what is timed here). */
export async function ensureScale(n: number, log: (s: string) => void): Promise<DataSet> {
	const files = join(SCALE_DIR, String(n));
	const out = join(SCALE_DIR, `${n}.out`);
	const generated = join(files, '.complete');
	if (!existsSync(generated) || readFileSync(generated, 'utf8') !== SCALE_VERSION) {
		if (existsSync(generated)) log(`${files}: written by an older generator (${readFileSync(generated, 'utf8') || 'scale-files 1'}), writing it again`);
		rmSync(files, { recursive: true, force: true });
		rmSync(out, { recursive: true, force: true });
		run(['scripts/generate.ts', 'scale', '--n', String(n), '--out', files], log);
		writeFileSync(generated, SCALE_VERSION);
	}
	const done = join(out, '.complete');
	const layout = existsSync(done) ? readFileSync(done, 'utf8') : undefined;
	if (layout === undefined) {
		rmSync(out, { recursive: true, force: true });
		// exit code 1 = some files failed (listed in failures.json); the rest is still a data set
		run(['scripts/ingest.ts', '--out', out, '--jobs', String(availableParallelism()), files], log, [0, 1]);
		writeFileSync(done, DATA_LAYOUT);
	} else if (layout !== DATA_LAYOUT) {
		// ingested by an older version: the records are the same, the Arrow files and summary.json are rewritten
		log(`${out}: data layout ${layout || '(old)'} → ${DATA_LAYOUT}, finalizing again`);
		await finalize(out, readFailures(out));
		writeFileSync(done, DATA_LAYOUT);
	}
	ensureFirstView(out, log);
	return { key: String(n), dir: out, files };
}

/** An ingest output from before overview.json: write it from the folder's summary.json (what finalize now writes). */
function ensureFirstView(dir: string, log: (s: string) => void) {
	if (existsSync(join(dir, FIRST_VIEW_FILE))) return;
	const s = parseSummary(readFileSync(join(dir, 'summary.json'), 'utf8'));
	if (!s) return;
	log(`writing ${FIRST_VIEW_FILE} of ${dir}`);
	writeFileSync(join(dir, FIRST_VIEW_FILE), firstViewJson(firstView(s.reports)));
}

export function bundled(): DataSet {
	return { key: 'bundled', dir: join(ROOT, 'data') };
}

/** N reports for the browser only: the ingest output of `base` reports repeated N / base times (see tile.ts). */
export async function ensureTiled(n: number, base: DataSet, log: (s: string) => void): Promise<DataSet> {
	const baseN = Number(base.key);
	const copies = Math.round(n / baseN);
	if (!Number.isInteger(baseN) || copies < 1 || copies * baseN !== n) throw new Error(`${n} is not a multiple of ${base.key}`);
	const dir = join(SCALE_DIR, `${n}.tiled-${baseN}`);
	// made from this very ingest output of these very files
	const from = [join(base.dir, '.complete'), ...(base.files ? [join(base.files, '.complete')] : [])].map((p) => readFileSync(p, 'utf8')).join(' · ');
	if (!existsSync(join(dir, '.complete')) || readFileSync(join(dir, '.complete'), 'utf8') !== from) {
		log(`tiling ${base.key} × ${copies} into ${dir}`);
		rmSync(dir, { recursive: true, force: true });
		await tile(base.dir, dir, copies);
		writeFileSync(join(dir, '.complete'), from);
	}
	ensureFirstView(dir, log);
	return { key: String(n), dir, tiledFrom: `${base.key} × ${copies}` };
}
