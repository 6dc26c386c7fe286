/**
 * npm run generate -- demo --out DIR [--seed S]
 *   the demo county (托里县: seven townships, the county government, ten departments, 2019–2025) as
 *   report files, every one marked 演示数据 in the file itself; the planted faults are listed.
 * npm run generate -- scale --n N --out DIR [--seed S] [--docx SHARE] [--pdf SHARE]
 *   N reports of many counties' bodies × 7 years with the same distributions, mixed file kinds
 *   (docx and pdf shares 0.1 each by default: they are the slow ones), written one by one (nothing
 *   held in memory). Scale output belongs in an ignored folder such as bench/scale/. The .docx and
 *   .pdf files are built in worker threads (this same script), the rest on the main thread.
 * PDFs embed a system CJK font (see src/lib/generate/pdf.ts): without one, generate stops and says which to install.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { DEMO_FAULTS, DEMO_SEED, demoCounty } from '../src/lib/generate/demo';
import type { ReportSpec } from '../src/lib/generate/document';
import { bytesOf, fileBytes } from '../src/lib/generate/files';
import { SCALE_SEED, scaleReports } from '../src/lib/generate/scale';

function usage(msg?: string): never {
	if (msg) console.error(msg);
	console.error('用法: npm run generate -- demo --out 目录 [--seed 种子]');
	console.error('      npm run generate -- scale --n 份数 --out 目录 [--seed 种子] [--docx 比例] [--pdf 比例]');
	process.exit(2);
}

function parseArgs(argv: string[]) {
	const [mode, ...rest] = argv;
	if (mode !== 'demo' && mode !== 'scale') usage(mode ? `未知模式 ${mode}` : undefined);
	let out: string | undefined;
	let n: number | undefined;
	let seed: number | undefined;
	let docx: number | undefined;
	let pdf: number | undefined;
	const num = (v: string | undefined, name: string) => {
		const x = Number(v);
		if (v === undefined || !Number.isFinite(x) || x < 0) usage(`${name} 需要一个非负数`);
		return x;
	};
	for (let i = 0; i < rest.length; i++) {
		const a = rest[i];
		if (a === '--out') out = rest[++i];
		else if (a === '--n') n = Math.floor(num(rest[++i], '--n'));
		else if (a === '--seed') seed = Math.floor(num(rest[++i], '--seed'));
		else if (a === '--docx') docx = num(rest[++i], '--docx');
		else if (a === '--pdf') pdf = num(rest[++i], '--pdf');
		else if (a === '--help' || a === '-h') usage();
		else usage(`未知选项 ${a}`);
	}
	if (!out) usage('缺少 --out 输出目录');
	if (mode === 'scale' && n === undefined) usage('scale 需要 --n 份数');
	if (docx !== undefined && docx > 1) usage('--docx 是 0 到 1 之间的比例');
	if (pdf !== undefined && pdf > 1) usage('--pdf 是 0 到 1 之间的比例');
	if ((docx ?? 0.1) + (pdf ?? 0.1) + 0.35 > 1) usage('--docx 与 --pdf 之和不能超过 0.65（网页占 0.35）');
	return { mode, out: resolve(out), n: n ?? 0, seed, docx, pdf };
}

async function demo(out: string, seed: number) {
	const t0 = performance.now();
	mkdirSync(out, { recursive: true });
	const reports = demoCounty(seed);
	const kinds: Record<string, number> = {};
	for (const r of reports) {
		writeFileSync(join(out, r.file), await bytesOf(r));
		const k = r.kind === 'html' ? `html(${r.charset})` : r.kind;
		kinds[k] = (kinds[k] ?? 0) + 1;
	}
	const ms = performance.now() - t0;
	console.log(`演示数据：${reports.length} 份报告写入 ${out}（${Object.entries(kinds).map(([k, v]) => `${k} ${v}`).join('，')}），用时 ${(ms / 1000).toFixed(1)} 秒`);
	if (seed === DEMO_SEED) {
		console.log('预置的问题：');
		for (const f of DEMO_FAULTS) console.log(`  ${f.year} ${f.body} [${f.rules.join('、') || '—'}] ${f.description}`);
	} else console.log(`（种子 ${seed} 不是默认种子 ${DEMO_SEED}：预置问题的位置不变，数值不同）`);
}

type SlowKind = 'docx' | 'pdf';

interface FileJob {
	id: number;
	kind: SlowKind;
	spec: ReportSpec;
	seed: number;
}

/**
 * Worker threads that build .docx and .pdf files (the slow kinds): submit() resolves with the bytes. Jobs are
 * posted at once to the worker with the fewest outstanding (a worker queues its own), so the workers
 * keep busy while the main thread writes the other kinds.
 */
class FilePool {
	private workers: { w: Worker; outstanding: number }[] = [];
	private pending = new Map<number, { resolve: (b: Uint8Array) => void; reject: (e: Error) => void }>();
	private next = 0;

	constructor(size: number) {
		// tsx's loader does not reach worker threads by itself: register it, then load this script
		const tsx = import.meta.resolve('tsx/esm/api');
		const src = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
		for (let i = 0; i < size; i++) {
			const slot = { w: new Worker(src, { eval: true }), outstanding: 0 };
			slot.w.on('message', (m: { id: number; bytes?: Uint8Array; error?: string }) => {
				slot.outstanding--;
				const p = this.pending.get(m.id)!;
				this.pending.delete(m.id);
				if (m.bytes) p.resolve(m.bytes);
				else p.reject(new Error(m.error));
			});
			slot.w.on('error', (e) => {
				for (const p of this.pending.values()) p.reject(e);
				this.pending.clear();
			});
			this.workers.push(slot);
		}
	}

	submit(kind: SlowKind, spec: ReportSpec, seed: number): Promise<Uint8Array> {
		const id = this.next++;
		const slot = this.workers.reduce((a, b) => (b.outstanding < a.outstanding ? b : a));
		slot.outstanding++;
		return new Promise((resolve, reject) => {
			this.pending.set(id, { resolve, reject });
			slot.w.postMessage({ id, kind, spec, seed } satisfies FileJob);
		});
	}

	close() {
		return Promise.all(this.workers.map((s) => s.w.terminate()));
	}
}

function fileWorker() {
	// one job at a time: interleaving many async builds only adds garbage
	let chain = Promise.resolve();
	parentPort!.on('message', (job: FileJob) => {
		chain = chain.then(async () => {
			try {
				const bytes = await fileBytes(job.spec, job.kind, { seed: job.seed });
				parentPort!.postMessage({ id: job.id, bytes }, [bytes.buffer as ArrayBuffer]);
			} catch (e) {
				parentPort!.postMessage({ id: job.id, error: (e as Error).message });
			}
		});
	});
}

async function scale(out: string, n: number, seed: number, docx: number | undefined, pdf: number | undefined) {
	const t0 = performance.now();
	let written = 0;
	let bytes = 0;
	const kinds: Record<string, number> = {};
	const dirs = new Set<string>();
	const progress = process.stderr.isTTY;
	const write = (path: string, data: Uint8Array) => {
		const dir = dirname(path);
		if (!dirs.has(dir)) {
			mkdirSync(dir, { recursive: true });
			dirs.add(dir);
		}
		writeFileSync(path, data);
		written++;
		bytes += data.length;
		if (written % 1000 === 0) {
			const line = `已写 ${written}/${n} 份（${((performance.now() - t0) / 1000).toFixed(0)} 秒）`;
			if (progress) process.stderr.write(`\r${line}`);
			else console.error(line);
		}
	};
	// small runs build .docx and .pdf inline; large ones in a pool (bounded queue: nothing piles up in memory)
	const slow = (docx ?? 0.1) + (pdf ?? 0.1) > 0;
	const pool = n >= 200 && slow && !process.env.NO_POOL ? new FilePool(Math.max(1, Math.min(4, availableParallelism()))) : undefined;
	const waiting = new Set<Promise<void>>();
	try {
		for (const r of scaleReports(n, { seed, docxShare: docx, pdfShare: pdf })) {
			const path = join(out, r.path);
			const k = r.kind === 'html' ? `html(${r.charset})` : r.kind;
			kinds[k] = (kinds[k] ?? 0) + 1;
			if (pool && (r.kind === 'docx' || r.kind === 'pdf')) {
				const p: Promise<void> = pool.submit(r.kind, r.spec, r.docxSeed).then((data) => {
					write(path, data);
					waiting.delete(p);
				});
				waiting.add(p);
				if (waiting.size >= 64) await Promise.race(waiting);
				continue;
			}
			write(path, await bytesOf(r));
		}
		await Promise.all(waiting);
	} finally {
		await pool?.close();
	}
	if (progress && written >= 1000) process.stderr.write('\n');
	const s = (performance.now() - t0) / 1000;
	console.log(
		`规模数据：${written} 份报告写入 ${out}（${Object.entries(kinds).map(([k, v]) => `${k} ${v}`).join('，')}；` +
			`${(bytes / 1048576).toFixed(1)} MB），用时 ${s.toFixed(1)} 秒，每秒 ${(written / s).toFixed(0)} 份`
	);
}

async function main() {
	const a = parseArgs(process.argv.slice(2));
	if (a.mode === 'demo') await demo(a.out, a.seed ?? DEMO_SEED);
	else await scale(a.out, a.n, a.seed ?? SCALE_SEED, a.docx, a.pdf);
}

if (isMainThread)
	main().catch((e) => {
		console.error(`generate 出错：${(e as Error).stack ?? e}`);
		process.exit(3);
	});
else fileWorker();
