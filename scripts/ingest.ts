/**
 * npm run ingest -- --out DIR [--no-prose] [--jobs N] FILE_OR_FOLDER...
 * Parses every report file given (folders are walked; a reports.csv in a folder overrides the
 * detected metadata of its files), checks each report and the years of each body, and writes one
 * JSON per report plus reports.arrow / findings.arrow / failures.json into DIR. Files are parsed on
 * all cores by worker threads; records are written as they come, so memory stays flat. Reports
 * already in DIR are kept; a re-ingested file replaces its record. Exit code 1 when any file failed.
 */
import { mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import cliProgress from 'cli-progress';
import { finalize, ingestFile, readFailures, type Failure, type FileResult, type FileTask } from '../src/lib/store/fs';
import { parseSidecar, SIDECAR_NAME, type SidecarEntry } from '../src/lib/store/sidecar';
import { strayRejection } from './stray';

function usage(msg?: string): never {
	if (msg) console.error(msg);
	console.error('用法: npm run ingest -- --out 输出目录 [--no-prose] [--jobs 并行数] 文件或文件夹...');
	process.exit(2);
}

function parseArgs(argv: string[]) {
	let out: string | undefined;
	let dropProse = false;
	let jobs = Math.min(availableParallelism(), 4);
	const inputs: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--out') out = argv[++i];
		else if (a === '--no-prose') dropProse = true;
		else if (a === '--jobs') jobs = Math.max(1, Number(argv[++i]) || 1);
		else if (a === '--help' || a === '-h') usage();
		else if (a.startsWith('--')) usage(`未知选项 ${a}`);
		else inputs.push(a);
	}
	if (!out) usage('缺少 --out 输出目录');
	if (!inputs.length) usage('没有给出要解析的文件');
	return { out, dropProse, jobs, inputs };
}

/** Files under the inputs, sorted; sidecar files are read, not ingested. */
function collect(inputs: string[], failures: Failure[]) {
	const files: string[] = [];
	const sidecars = new Map<string, Map<string, SidecarEntry>>();
	const readSidecar = (dir: string) => {
		if (sidecars.has(dir)) return;
		const p = join(dir, SIDECAR_NAME);
		let entries = new Map<string, SidecarEntry>();
		try {
			if (statSync(p).isFile()) {
				const res = parseSidecar(readFileSync(p, 'utf8'));
				entries = res.entries;
				for (const e of res.errors) console.error(`⚠ ${e}`);
			}
		} catch {
			/* no sidecar */
		}
		sidecars.set(dir, entries);
	};
	const walk = (path: string) => {
		let st;
		try {
			st = statSync(path);
		} catch {
			failures.push({ file: basename(path), reason: `找不到文件：${path}` });
			return;
		}
		if (st.isDirectory()) {
			for (const f of readdirSync(path).sort()) if (!f.startsWith('.')) walk(join(path, f));
		} else if (basename(path) !== SIDECAR_NAME) {
			readSidecar(dirname(path));
			files.push(path);
		}
	};
	inputs.forEach(walk);
	return { files, sidecars };
}

/** Run tasks on a pool of worker threads (or in this thread for small batches). */
async function run(tasks: FileTask[], dir: string, jobs: number, onDone: (r: FileResult) => void) {
	if (jobs <= 1 || tasks.length < 8) {
		for (const t of tasks) onDone(await ingestFile(dir, t));
		return;
	}
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(jobs, tasks.length) }, () => {
			const w = new Worker(new URL('./ingest-worker.mjs', import.meta.url), { workerData: { dir } });
			return new Promise<void>((resolve, reject) => {
				let current: FileTask | undefined;
				const feed = () => {
					current = tasks[next++];
					if (current) w.postMessage(current);
					else void w.terminate().then(() => resolve());
				};
				w.on('message', (r: FileResult) => {
					onDone(r);
					feed();
				});
				w.on('error', (e) => {
					if (current) onDone({ ok: false, file: current.name, reason: `解析进程出错：${e.message}` });
					reject(e);
				});
				feed();
			});
		})
	);
}

// see ingest-worker.ts: a stray rejection from pdfjs on a damaged file must not stop the batch
process.on('unhandledRejection', strayRejection);

async function main() {
	const { out, dropProse, jobs, inputs } = parseArgs(process.argv.slice(2));
	const failures: Failure[] = [];
	const { files, sidecars } = collect(inputs, failures);
	mkdirSync(out, { recursive: true });

	// ids are the files' base names, made unique within the batch
	const used = new Map<string, number>();
	const tasks: FileTask[] = files.map((path) => {
		const name = basename(path);
		const base = name.replace(/[/\\:*?"<>|\u0000-\u001f]/g, '_');
		const n = (used.get(base) ?? 0) + 1;
		used.set(base, n);
		const side = sidecars.get(dirname(path))?.get(name);
		return { path, name, id: n === 1 ? base : `${base}~${n}`, meta: side?.meta, format: side?.format, dropProse };
	});

	const bar = new cliProgress.SingleBar(
		{ format: '{phase} [{bar}] {value}/{total} {file}', stream: process.stderr, noTTYOutput: true, notTTYSchedule: 5000, hideCursor: true },
		cliProgress.Presets.shades_classic
	);
	bar.start(tasks.length, 0, { phase: '解析', file: '' });
	let parsed = 0;
	let withFindings = 0;
	const started = Date.now();
	await run(tasks, out, jobs, (r) => {
		if (r.ok) {
			parsed++;
			if (r.errors + r.warnings > 0) withFindings++;
		} else failures.push({ file: r.file, reason: r.reason });
		bar.increment(1, { file: r.file });
	});
	bar.stop();
	const parseSeconds = (Date.now() - started) / 1000;

	// a file parsed again replaces its record and clears an old failure
	const seen = new Set(tasks.map((t) => t.name));
	const allFailures = [...readFailures(out).filter((f) => !seen.has(f.file)), ...failures];
	const { records, rewritten } = await finalize(out, allFailures);

	for (const f of failures) console.error(`✗ ${f.file}: ${f.reason}`);
	console.log(
		`解析成功 ${parsed} 份（其中 ${withFindings} 份有错误或警告），失败 ${failures.length} 份；` +
			`用时 ${parseSeconds.toFixed(1)} 秒（${jobs} 个并行）；输出目录 ${out} 共 ${records} 份报告` +
			(rewritten ? `，${rewritten} 份更新了跨年度核对结果` : '')
	);
	process.exitCode = failures.length ? 1 : 0;
}

main().catch((e) => {
	console.error(`ingest 出错：${(e as Error).stack ?? e}`);
	process.exit(3);
});
