/**
 * npm run bench -- [--sizes 1000,10000,100000] [--tile 100000] [--runs 5] [--filter-steps 10] [--skip-ingest] [--skip-browser]
 *                  [--skip-build] [--no-bundled] [--update] [--sample 300] [--pdf-repeat 5] [--out bench/latest.json]
 * Generates and ingests the scale data sets (cached in bench/scale/, git-ignored), measures ingest throughput per
 * file kind on one core, builds the app once, serves build/ with each data set swapped in, drives headless
 * Chromium over the overview, times a plain-JS floor over the same Arrow file, and prints a table plus writes
 * bench/latest.json (medians over --runs). --update keeps what this run does not measure from the existing file
 * (e.g. `--skip-browser --update` refreshes only the ingest rates). See BENCHMARKS.md for what each number means. Not run by CI.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { filterSteps, launch, loadRun, CHROMIUM, type LoadRun } from './bench/browser';
import { buildWithData } from './bench/build';
import { bundled, ensureScale, ensureTiled, ROOT, SCALE_DIR, type DataSet } from './bench/data';
import { shape, timeFloor, requestsTotal } from './bench/floor';
import { measureIngest } from './bench/ingest';
import { FORMATS, formatTable, type BenchResult } from './bench/result';
import { serve } from './bench/serve';
import { buildSizes } from './bench/sizes';
import { median, percentile, round } from './bench/stats';

interface Options {
	sizes: number[];
	tile: number[];
	runs: number;
	filterSteps: number;
	skipIngest: boolean;
	skipBrowser: boolean;
	skipBuild: boolean;
	bundled: boolean;
	sample: number;
	pdfRepeat: number;
	out: string;
	update: boolean;
	corpus: string;
}

function usage(msg?: string): never {
	if (msg) console.error(msg);
	console.error(
		'用法: npm run bench -- [--sizes 1000,10000,100000] [--tile 100000] [--runs 5] [--filter-steps 10] [--skip-ingest] [--skip-browser] [--skip-build] [--no-bundled] [--update] [--sample 300] [--pdf-repeat 5] [--out bench/latest.json]'
	);
	process.exit(2);
}

function parseArgs(argv: string[]): Options {
	const o: Options = {
		sizes: [1000, 10000, 100000],
		tile: [],
		runs: 5,
		filterSteps: 10,
		skipIngest: false,
		skipBrowser: false,
		skipBuild: false,
		bundled: true,
		sample: 300,
		pdfRepeat: 5,
		out: join(ROOT, 'bench/latest.json'),
		update: false,
		corpus: resolve(process.env.CORPUS_DIR ?? join(ROOT, '../shared/corpus'))
	};
	const int = (v: string | undefined, name: string) => {
		const x = Number(v);
		if (!Number.isInteger(x) || x < 0) usage(`${name} 需要一个非负整数`);
		return x;
	};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--sizes') o.sizes = (argv[++i] ?? '').split(',').filter(Boolean).map((s) => int(s, '--sizes'));
		else if (a === '--tile') o.tile = (argv[++i] ?? '').split(',').filter(Boolean).map((s) => int(s, '--tile'));
		else if (a === '--runs') o.runs = Math.max(1, int(argv[++i], '--runs'));
		else if (a === '--filter-steps') o.filterSteps = int(argv[++i], '--filter-steps');
		else if (a === '--sample') o.sample = Math.max(1, int(argv[++i], '--sample'));
		else if (a === '--pdf-repeat') o.pdfRepeat = int(argv[++i], '--pdf-repeat');
		else if (a === '--skip-ingest') o.skipIngest = true;
		else if (a === '--skip-browser') o.skipBrowser = true;
		else if (a === '--skip-build') o.skipBuild = true;
		else if (a === '--no-bundled') o.bundled = false;
		else if (a === '--update') o.update = true;
		else if (a === '--out') o.out = resolve(argv[++i] ?? usage('--out 需要文件名'));
		else if (a === '--help' || a === '-h') usage();
		else usage(`未知选项 ${a}`);
	}
	return o;
}

const log = (s: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}`);

function chromiumVersion(): string | null {
	try {
		return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();
	} catch {
		return null;
	}
}

async function browserSet(set: DataSet, o: Options, url: string, notes: string[]): Promise<BenchResult['sizes'][string]> {
	const arrow = join(set.dir, 'reports.arrow');
	const floorOnce = timeFloor(arrow, [], 1);
	const sh = shape(floorOnce.cols);
	const steps = filterSteps(sh.counties, sh.first, sh.last, o.filterSteps, (f) => requestsTotal(floorOnce.cols, f));
	const floor = timeFloor(arrow, steps.map((s) => s.filter), o.runs);
	log(`${set.key}: ${floor.reports} reports; floor decode ${floor.decode_ms?.toFixed(1)} ms, aggregate ${floor.aggregate_ms?.toFixed(3)} ms`);
	const runs: LoadRun[] = [];
	{
		const browser = await launch();
		try {
			for (let i = 0; i < o.runs; i++) {
				const r = await loadRun(browser, url, steps);
				log(
					`${set.key} run ${i + 1}/${o.runs}: first ${r.first_chart_ms?.toFixed(0)} ms, db ${r.duckdb_ready_ms?.toFixed(0)} ms, all ${r.all_charts_ms?.toFixed(0)} ms, ` +
						`filter p50 ${percentile(r.filter_ms, 50)?.toFixed(0)} ms, memory ${r.memory_mb?.toFixed(0)} MB`
				);
				if (r.errors.length) notes.push(`${set.key} run ${i + 1}: ${r.errors.slice(0, 3).join(' | ')}`);
				runs.push(r);
			}
		} finally {
			await browser.close();
		}
	}
	const med = (f: (r: LoadRun) => number | null) => median(runs.map(f).filter((x): x is number => x !== null));
	// filter percentiles: per run, then the median over runs (one slow run does not set the p95)
	const perRun = (p: number) => median(runs.map((r) => percentile(r.filter_ms, p)).filter((x): x is number => x !== null));
	// each step's median over the runs: which step sets the p95 (a cold first step, 全部地区 after a county, …)
	const filter_steps = steps.map((s, i) => ({
		step: s.testid === 'filter-region' ? `地区=${s.value || '全部'}` : `起始年=${s.value}`,
		ms: round(med((r) => r.filter_ms[i] ?? null), 1)
	}));
	log(`${set.key} filter steps (median ms): ${filter_steps.map((s) => `${s.step} ${s.ms}`).join(' · ')}`);
	return {
		reports: floor.reports,
		filter_steps,
		first_chart_ms: round(med((r) => r.first_chart_ms)),
		duckdb_ready_ms: round(med((r) => r.duckdb_ready_ms)),
		all_charts_ms: round(med((r) => r.all_charts_ms)),
		filter_update_ms_p50: round(perRun(50), 1),
		filter_update_ms_p95: round(perRun(95), 1),
		memory_mb: round(med((r) => r.memory_mb)),
		js_heap_mb: round(med((r) => r.js_heap_mb)),
		floor: { reports: floor.reports, decode_ms: round(floor.decode_ms, 1), aggregate_ms: round(floor.aggregate_ms, 3) }
	};
}

/**
 * The build that serves a data set: build/ for the bundled data; for the others the app built with GD_DATA_DIR set to
 * the set's folder, into bench/scale/<key>.build/ (the overview's HTML has that set's default view; the JS is the
 * same). Reused with --skip-build when it exists. (Its data/<id>.json report records are the bundled ones: the
 * report page is not measured.)
 */
function buildFor(set: DataSet, o: Options): string {
	if (set.key === 'bundled') return join(ROOT, 'build');
	const out = join(SCALE_DIR, `${set.key}.build`);
	if (o.skipBuild && existsSync(join(out, 'index.html'))) return out;
	log(`vite build with the ${set.key} data (${set.dir}) into ${out}`);
	buildWithData(set.dir, out);
	return out;
}

async function main() {
	const o = parseArgs(process.argv.slice(2));
	const notes: string[] = [];
	const result: BenchResult = {
		schema: 1,
		date: new Date().toISOString(),
		machine: {
			nproc: cpus().length,
			cpu: cpus()[0]?.model ?? 'unknown',
			mem_gb: Math.round(totalmem() / 2 ** 30),
			node: process.version,
			chromium: chromiumVersion()
		},
		runs: o.runs,
		ingest_per_s: Object.fromEntries(FORMATS.map((f) => [f, null])) as BenchResult['ingest_per_s'],
		ingest_per_cpu_s: Object.fromEntries(FORMATS.map((f) => [f, null])) as BenchResult['ingest_per_cpu_s'],
		ingest_sample: Object.fromEntries(FORMATS.map((f) => [f, 0])) as BenchResult['ingest_sample'],
		app_js_gzip_kb: null,
		wasm_gzip_kb: null,
		sizes: {},
		notes
	};
	notes.push(`load average at start ${loadavg().map((x) => x.toFixed(1)).join(' ')} (${cpus().length} cores, shared)`);

	const sets: DataSet[] = [];
	if (o.bundled) sets.push(bundled());
	for (const n of o.sizes) sets.push(await ensureScale(n, log));
	for (const n of o.tile) {
		const base = sets.filter((s) => s.files && Number(s.key) < n && n % Number(s.key) === 0).at(-1);
		if (!base) throw new Error(`--tile ${n}: give a smaller --sizes that divides it`);
		const t = await ensureTiled(n, base, log);
		notes.push(`${n}: browser data tiled from the ingest output of ${t.tiledFrom} (counties renamed per copy); not generated and ingested`);
		sets.push(t);
	}

	if (!o.skipIngest) {
		const scaleFiles = sets.filter((s) => s.files).at(-1)?.files ?? (await ensureScale(1000, log)).files!;
		const ing = await measureIngest({ scaleDir: scaleFiles, corpusDir: o.corpus, sample: o.sample, pdfRepeat: o.pdfRepeat, runs: o.runs, log });
		for (const f of FORMATS) result.ingest_per_s[f] = round(ing.rates[f], 1);
		for (const f of FORMATS) result.ingest_per_cpu_s[f] = round(ing.cpuRates[f], 1);
		result.ingest_sample = ing.sample;
		result.ingest_real_pdf = { per_s: round(ing.realPdf.per_s, 1), per_cpu_s: round(ing.realPdf.per_cpu_s, 1), sample: ing.realPdf.sample };
	}

	if (!o.skipBuild) {
		log('vite build');
		const b = spawnSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
		if (b.status !== 0) throw new Error('vite build failed');
	}
	const sizes = existsSync(join(ROOT, 'build/_app')) ? buildSizes(ROOT) : undefined;
	if (sizes === null) notes.push("sizes not measured: .svelte-kit's manifest is from another build than build/ (a per-data-set build; run without --skip-build)");
	else if (sizes) {
		result.app_js_gzip_kb = sizes.app_js_gzip_kb;
		result.wasm_gzip_kb = sizes.wasm_gzip_kb;
		notes.push(`duckdb JS (worker + lazily loaded db chunk with apache-arrow) ${sizes.duckdb_js_gzip_kb} KB gzip, not in app JS`);
		notes.push(`on-demand JS (导入报告 parsing worker with pdfjs; docx and xlsx export chunks, loaded when used) ${sizes.on_demand_js_gzip_kb} KB gzip, not in app JS`);
	} else if (o.skipBrowser) notes.push('no build/ (--skip-build without an earlier build): sizes not measured');
	else throw new Error('no build/_app: run without --skip-build once');

	if (o.update && existsSync(o.out)) {
		// keep the parts this run does not measure
		const old = JSON.parse(readFileSync(o.out, 'utf8')) as BenchResult;
		if (o.skipIngest) Object.assign(result, { ingest_per_s: old.ingest_per_s, ingest_per_cpu_s: old.ingest_per_cpu_s, ingest_sample: old.ingest_sample, ingest_real_pdf: old.ingest_real_pdf });
		if (!sizes) Object.assign(result, { app_js_gzip_kb: old.app_js_gzip_kb, wasm_gzip_kb: old.wasm_gzip_kb });
		const measured = new Set(o.skipBrowser ? [] : sets.map((s) => s.key));
		const kept = Object.keys(old.sizes).filter((k) => !measured.has(k));
		result.sizes = { ...Object.fromEntries(kept.map((k) => [k, old.sizes[k]])), ...result.sizes };
		// the earlier run's notes only when some of its numbers stay in the file
		if (o.skipIngest || kept.length)
			notes.unshift(...(old.notes ?? []).map((n) => (n.startsWith('(earlier run) ') ? n : `(earlier run) ${n}`)));
	}
	const save = () => {
		mkdirSync(dirname(o.out), { recursive: true });
		writeFileSync(o.out, JSON.stringify(result, null, '\t') + '\n');
	};
	save();
	if (!o.skipBrowser) {
		for (const set of sets) {
			// the overview's default view is prerendered into its HTML: each data set is served from a build of its own
			const server = await serve(buildFor(set, o), set.dir);
			try {
				result.sizes[set.key] = { ...(await browserSet(set, o, server.url, notes)), ...(set.tiledFrom ? { tiled_from: set.tiledFrom } : {}) };
			} finally {
				await server.stop();
			}
			save(); // after each data set, so a long run interrupted later keeps what it measured
		}
	}
	notes.push(`load average at end ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);

	save();
	console.log(formatTable(result));
	console.log(`\n写入 ${o.out}（规模数据缓存在 ${SCALE_DIR}）`);
}

main().catch((e) => {
	console.error(`bench 出错：${(e as Error).stack ?? e}`);
	process.exit(3);
});
