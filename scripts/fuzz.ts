/**
 * Property/fuzz run over every adapter and the parser (test/fuzz): mutated report files must never
 * crash or hang, and every number read is right or named by a parse problem.
 *
 *   npm run fuzz -- --runs 10000 [--seed S] [--jobs N] [--only txt,html,...] [--json FILE]
 *   npm run fuzz -- --replay TARGET:INDEX --seed S      re-run one case and print what happened
 *
 * Cases run on worker threads. Case i of a target is one fast-check run with its own seed (derived
 * from S, the target and i), so any case can be replayed alone, and a failing case is shrunk to a
 * minimal counterexample. A watchdog terminates a worker whose case runs past twice its time limit
 * (a hang) and carries on with the next case on a fresh worker.
 */
import fc from 'fast-check';
import { availableParallelism } from 'node:os';
import { writeFileSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { seedOf } from '../src/lib/generate/random';
import { allTargets, LIMIT_MS, pdfjsStrayCount, trackRejections, FuzzFailure, type Outcome, type Target } from '../test/fuzz/targets';

interface Chunk {
	target: string;
	start: number;
	count: number;
}

interface CaseResult {
	target: string;
	index: number;
	failed: boolean;
	/** The mutated file read as a report (else refused with a reason). */
	ok: boolean;
	ms: number;
	failure?: FailureInfo;
	/** pdfjs's own leftover rejections during the case, let pass (see isPdfjsStrayRejection). */
	strays?: number;
}

interface FailureInfo {
	target: string;
	index: number;
	seed: number;
	kind: string;
	message: string;
	counterexample?: string;
	shrinks?: number;
}

type FromWorker =
	| { type: 'eval'; target: string; index: number; value: string }
	| { type: 'result'; result: CaseResult }
	| { type: 'chunkDone' };

const caseSeed = (seed: number, target: string, index: number) => seedOf(seed, target, index) & 0x7fffffff;

/* ---------- one case (worker side, and --replay) ---------- */

async function runCase(target: Target<unknown>, seed: number, index: number, onEval?: (value: unknown) => void): Promise<CaseResult> {
	const s = caseSeed(seed, target.name, index);
	let last: Outcome | undefined;
	let firstOutcome: Outcome | undefined;
	// shrinking budget: past it, candidates pass, so fast-check stops with the smallest failure so far
	// (no time limit instead: an abandoned evaluation would run on beside the next case)
	let evals = 0;
	const budget = target.name === 'corpus-pdf' ? 12 : 300;
	const prop = fc.asyncProperty(target.arb, async (c) => {
		if (++evals > budget) return;
		onEval?.(c);
		const o = await target.run(c);
		last = o;
		firstOutcome ??= o;
		if (o.violations.length) throw new FuzzFailure(o);
	});
	const t0 = performance.now();
	const strays0 = pdfjsStrayCount();
	const r = await fc.check(prop, { seed: s, numRuns: 1 });
	const ms = firstOutcome?.ms ?? performance.now() - t0;
	const strays = pdfjsStrayCount() - strays0;
	const result: CaseResult = { target: target.name, index, failed: r.failed, ok: firstOutcome?.ok ?? false, ms, ...(strays ? { strays } : {}) };
	if (r.failed) {
		const err = r.errorInstance;
		const o = err instanceof FuzzFailure ? err.outcome : last;
		result.failure = {
			target: target.name,
			index,
			seed: s,
			kind: o?.violations[0]?.kind ?? 'error',
			message: err instanceof FuzzFailure ? err.message : String((err as Error)?.stack ?? err),
			counterexample: JSON.stringify(r.counterexample?.[0]),
			shrinks: r.numShrinks
		};
	}
	return result;
}

function targetsByName(): Map<string, Target<unknown>> {
	return new Map(allTargets().map(({ target }) => [target.name, target as Target<unknown>]));
}

if (!isMainThread) {
	const { seed } = workerData as { seed: number };
	const targets = targetsByName();
	trackRejections();
	parentPort!.on('message', async (chunk: Chunk) => {
		const target = targets.get(chunk.target)!;
		for (let i = chunk.start; i < chunk.start + chunk.count; i++) {
			const result = await runCase(target, seed, i, (value) =>
				parentPort!.postMessage({ type: 'eval', target: target.name, index: i, value: JSON.stringify(value) } satisfies FromWorker)
			);
			parentPort!.postMessage({ type: 'result', result } satisfies FromWorker);
		}
		parentPort!.postMessage({ type: 'chunkDone' } satisfies FromWorker);
	});
} else {
	await main();
}

/* ---------- main thread ---------- */

function args() {
	const a = process.argv.slice(2);
	const get = (name: string) => {
		const i = a.indexOf(`--${name}`);
		return i >= 0 ? a[i + 1] : undefined;
	};
	const runs = Number(get('runs') ?? 10000);
	const seed = get('seed') !== undefined ? Number(get('seed')) : Date.now() % 2147483647;
	const jobs = Number(get('jobs') ?? Math.max(1, availableParallelism()));
	const only = get('only')?.split(',');
	if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed) || !Number.isInteger(jobs) || jobs < 1) {
		console.error('usage: npm run fuzz -- --runs N [--seed S] [--jobs N] [--only txt,html,…] [--json FILE] | --replay TARGET:INDEX --seed S');
		process.exit(2);
	}
	return { runs, seed, jobs, only, json: get('json'), replay: get('replay') };
}

/** Runs per target in proportion to the weights (largest remainder). */
function plan(runs: number, only?: string[]): { name: string; runs: number }[] {
	const ts = allTargets().filter(({ target }) => !only || only.includes(target.name));
	const total = ts.reduce((a, t) => a + t.weight, 0);
	const shares = ts.map(({ target, weight }) => ({ name: target.name, exact: (runs * weight) / total }));
	const out = shares.map((s) => ({ name: s.name, runs: Math.floor(s.exact), rest: s.exact - Math.floor(s.exact) }));
	let left = runs - out.reduce((a, s) => a + s.runs, 0);
	for (const s of [...out].sort((x, y) => y.rest - x.rest)) if (left-- > 0) s.runs++;
	return out.map(({ name, runs }) => ({ name, runs }));
}

async function replay(spec: string, seed: number) {
	const [name, idx] = spec.split(':');
	const target = targetsByName().get(name);
	if (!target) throw new Error(`no target ${name} (have ${[...targetsByName().keys()].join(', ')})`);
	trackRejections();
	const r = await runCase(target, seed, Number(idx), (v) => console.log(`case: ${JSON.stringify(v)}`));
	if (r.strays) console.log(`pdfjs left ${r.strays} rejection(s) of its own unhandled (let pass, as by the ingest command)`);
	console.log(r.failed ? `FAILED\n${r.failure!.message}\ncounterexample: ${r.failure!.counterexample}` : `passed (${r.ok ? 'read as a report' : 'refused'}, ${Math.round(r.ms)} ms)`);
	process.exit(r.failed ? 1 : 0);
}

async function main() {
	const o = args();
	if (o.replay) return replay(o.replay, o.seed);
	const p = plan(o.runs, o.only);
	const limitOf = (name: string) => (name === 'corpus-pdf' ? LIMIT_MS.pdf : LIMIT_MS.text);
	const queue: Chunk[] = [];
	const CHUNK = 20;
	for (const t of p) for (let s = 0; s < t.runs; s += CHUNK) queue.push({ target: t.name, start: s, count: Math.min(CHUNK, t.runs - s) });
	// interleave targets so slow ones (docx, pdf) spread over the run
	queue.sort((a, b) => a.start - b.start || a.target.localeCompare(b.target));

	const t0 = performance.now();
	const stats = new Map(p.map((t) => [t.name, { planned: t.runs, cases: 0, read: 0, failures: 0, slowest: 0, ms: 0, strayCases: 0 }]));
	const failures: FailureInfo[] = [];
	let done = 0;
	let lastReport = 0;
	const tsx = import.meta.resolve('tsx/esm/api');
	const self = import.meta.url;
	const boot = `import(${JSON.stringify(tsx)}).then((m) => m.tsImport(${JSON.stringify(self)}, ${JSON.stringify(self)}))`;

	const record = (r: CaseResult) => {
		const s = stats.get(r.target)!;
		s.cases++;
		s.ms += r.ms;
		if (r.ok) s.read++;
		if (r.strays) s.strayCases++;
		s.slowest = Math.max(s.slowest, r.ms);
		if (r.failed) {
			s.failures++;
			failures.push(r.failure!);
			console.error(`✗ ${r.target} #${r.index}: ${r.failure!.message.split('\n').slice(0, 3).join(' / ')}`);
		}
		done++;
		if (done - lastReport >= Math.max(1, Math.floor(o.runs / 20)) || done === o.runs) {
			lastReport = done;
			console.error(`… ${done}/${o.runs} cases, ${failures.length} failures, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
		}
	};

	// a pool of long-lived workers (their generated files stay cached); one is replaced when it hangs or dies
	await new Promise<void>((resolveAll) => {
		let alive = 0;
		const startWorker = () => {
			alive++;
			const w = new Worker(boot, { eval: true, workerData: { seed: o.seed } });
			let chunk: Chunk | undefined;
			let current: { index: number; since: number; value: string } | undefined;
			let next = 0;
			let gone = false;
			const requeueAfter = (index: number) => {
				const rest = chunk!.start + chunk!.count - (index + 1);
				if (rest > 0) queue.unshift({ target: chunk!.target, start: index + 1, count: rest });
			};
			const stop = (replace: boolean) => {
				if (gone) return;
				gone = true;
				clearInterval(watch);
				void w.terminate();
				alive--;
				if (replace && queue.length) startWorker();
				else if (alive === 0) resolveAll();
			};
			const feed = () => {
				chunk = queue.shift();
				if (!chunk) return stop(false);
				next = chunk.start;
				current = undefined;
				w.postMessage(chunk);
			};
			const fail = (index: number, kind: string, message: string, value?: string) =>
				record({
					target: chunk!.target,
					index,
					failed: true,
					ok: false,
					ms: current ? performance.now() - current.since : 0,
					failure: { target: chunk!.target, index, seed: caseSeed(o.seed, chunk!.target, index), kind, message, counterexample: value }
				});
			const watch = setInterval(() => {
				if (!chunk || !current || performance.now() - current.since < 2 * limitOf(chunk.target)) return;
				// a hang: record it, go on with the rest of the chunk on a fresh worker
				fail(current.index, 'hang', `hang: no result after ${Math.round((performance.now() - current.since) / 1000)} s`, current.value);
				requeueAfter(current.index);
				stop(true);
			}, 1000);
			w.on('message', (m: FromWorker) => {
				if (m.type === 'eval') current = { index: m.index, since: performance.now(), value: m.value };
				else if (m.type === 'result') {
					current = undefined;
					next = m.result.index + 1;
					record(m.result);
				} else feed();
			});
			w.on('error', (e) => {
				// the worker died (out of memory, an exception outside any case): count the case it was on
				if (!chunk) return stop(true);
				const index = current?.index ?? next;
				fail(index, 'crash', `worker died: ${e?.stack ?? e}`, current?.value);
				requeueAfter(index);
				stop(true);
			});
			feed();
		};
		for (let i = 0; i < Math.min(o.jobs, queue.length); i++) startWorker();
		if (!queue.length) resolveAll();
	});

	const secs = (performance.now() - t0) / 1000;
	const cases = [...stats.values()].reduce((a, s) => a + s.cases, 0);
	console.log(`\nfuzz: ${cases} cases, ${failures.length} failures, ${secs.toFixed(1)} s, seed ${o.seed} (${o.jobs} workers)`);
	console.log('target         cases   read  refused  failures  mean ms  slowest ms');
	for (const [name, s] of stats)
		console.log(
			`${name.padEnd(13)} ${String(s.cases).padStart(6)} ${String(s.read).padStart(6)} ${String(s.cases - s.read).padStart(8)} ${String(s.failures).padStart(9)} ${String(Math.round(s.ms / Math.max(1, s.cases))).padStart(8)} ${String(Math.round(s.slowest)).padStart(11)}`
		);
	const strayCases = [...stats.values()].reduce((a, s) => a + s.strayCases, 0);
	if (strayCases)
		console.log(`\n${strayCases} case(s) where pdfjs left rejections of its own unhandled (its page-tree prefetch on a bad xref; let pass, as by the ingest command and the upload worker)`);
	if (failures.length) {
		console.log('\nfailures (shrunk counterexamples):');
		for (const f of failures.sort((a, b) => a.target.localeCompare(b.target) || a.index - b.index)) {
			console.log(`\n[${f.target} #${f.index}] ${f.kind}  (replay: npm run fuzz -- --replay ${f.target}:${f.index} --seed ${o.seed})`);
			console.log(`  ${f.message.split('\n').join('\n  ')}`);
			if (f.counterexample) console.log(`  counterexample: ${f.counterexample}`);
		}
	}
	if (o.json) writeFileSync(o.json, JSON.stringify({ seed: o.seed, cases, failures: failures.length, seconds: secs, stats: Object.fromEntries(stats), details: failures }, null, '\t'));
	process.exit(failures.length ? 1 : 0);
}
