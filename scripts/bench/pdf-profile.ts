/**
 * npx tsx scripts/bench/pdf-profile.ts [--runs 10] [--ingest] [--prof /tmp/pdf.cpuprofile] [--top 25] [FILE.pdf ...]
 *
 * Where the PDF adapter's time goes. Reads the corpus PDFs (or the files given) once to warm up, then `--runs` passes
 * through extractPdf (or, with --ingest, the whole per-file ingest path, ingestFile), and prints reports per CPU second
 * and per wall second (per CPU second is what to compare on a shared machine: interleave before/after, take medians).
 * With --prof the measured passes only (not module loading, not the warm-up) are sampled with V8's profiler; the
 * profile is written for DevTools and summed here into groups by who is on the stack (font translation inside pdfjs,
 * its text-content pass, its operator-list pass, this project's code, zlib, GC, idle) and the top functions by self
 * time. Not run by CI.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { extractPdf } from '../../src/lib/extract/pdf';
import { ingestFile } from '../../src/lib/store/fs';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}
interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

const args = process.argv.slice(2);
const flag = (name: string) => {
	const i = args.indexOf(name);
	if (i < 0) return undefined;
	const v = args[i + 1];
	args.splice(i, 2);
	return v;
};
const runs = Number(flag('--runs') ?? 10);
const prof = flag('--prof');
const top = Number(flag('--top') ?? 25);
const ingest = args.includes('--ingest');
const files = args.filter((a) => !a.startsWith('--'));
const corpus = resolve(import.meta.dirname, '../../../shared/corpus');
const pdfs = files.length
	? files
	: (() => {
			try {
				return readdirSync(corpus)
					.filter((f) => f.endsWith('.pdf'))
					.sort()
					.map((f) => join(corpus, f));
			} catch {
				return [];
			}
		})();
if (!pdfs.length) {
	console.error(`no PDF given and none in ${corpus}`);
	process.exit(2);
}
const bytes = pdfs.map((p) => readFileSync(p));

async function pass(dir: string, r: number) {
	for (const [i, path] of pdfs.entries()) {
		if (ingest) {
			const res = await ingestFile(dir, { path, name: basename(path), id: `r${r}-${i}` });
			if (!res.ok) throw new Error(`${path}: ${res.reason}`);
		} else await extractPdf(basename(path), bytes[i]);
	}
}

/**
 * Lines (0-based, as in the profile) of pdfjs's worker methods, so code resumed after an `await` (whose stack shows a
 * nested promiseBody or an anonymous function, not the method) is still counted as that method's.
 */
function methodRanges(): Record<'fonts' | 'text' | 'ops', [number, number][]> {
	const out = { fonts: [] as [number, number][], text: [] as [number, number][], ops: [] as [number, number][] };
	const src = readFileSync(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'), 'utf8').split('\n');
	let open: { key: keyof typeof out; start: number } | undefined;
	src.forEach((line, i) => {
		const m = /^ {2}(?:async )?([#\w]+)\(/.exec(line) ?? (/^}/.test(line) ? [line, ''] : undefined);
		if (!m) return;
		if (open) out[open.key].push([open.start, i]);
		open = undefined;
		const key = m[1] === 'translateFont' || m[1] === 'loadFont' ? 'fonts' : m[1] === 'getTextContent' ? 'text' : m[1] === 'getOperatorList' ? 'ops' : undefined;
		if (key) open = { key, start: i };
	});
	return out;
}

const PROFILER = 'the profiler itself (left out)';

/** Groups, the first that matches a frame walking up from the sampled one wins (font work inside the text pass is fonts). */
function grouper(): (f: ProfileNode['callFrame']) => string | undefined {
	const r = methodRanges();
	const within = (f: ProfileNode['callFrame'], rs: [number, number][]) => /pdf\.worker/.test(f.url) && rs.some(([a, b]) => f.lineNumber >= a && f.lineNumber < b);
	return (f) => {
		if (f.url === 'node:inspector') return PROFILER;
		if (within(f, r.fonts)) return 'pdfjs: font translation (sanitising embedded fonts, ToUnicode, widths)';
		if (/zlib|compression/.test(f.url) || f.functionName === 'asyncGetBytesFromDecompressionStream') return 'pdfjs: inflate (zlib through DecompressionStream)';
		if (/\/src\/lib\//.test(f.url)) return 'this project (src/lib: layout, tables, parse, check)';
		if (within(f, r.text)) return 'pdfjs: text-content pass (getTextContent, fonts excluded)';
		if (within(f, r.ops)) return 'pdfjs: operator-list pass (getOperatorList)';
		return undefined;
	};
}

function summarise(p: Profile) {
	const groupOf = grouper();
	const nodes = new Map(p.nodes.map((n) => [n.id, n]));
	const parent = new Map<number, number>();
	for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const selfOf = new Map<number, number>();
	p.samples.forEach((id, i) => selfOf.set(id, (selfOf.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
	let total = 0;
	const groups = new Map<string, number>();
	const fns = new Map<string, number>();
	for (const [id, t] of selfOf) {
		const leaf = nodes.get(id)!;
		const name = leaf.callFrame.functionName;
		let group = name === '(idle)' ? 'idle (waiting: zlib on the thread pool, timers)' : name === '(garbage collector)' ? 'garbage collector' : '';
		for (let cur: number | undefined = id; !group && cur !== undefined; cur = parent.get(cur)) group = groupOf(nodes.get(cur)!.callFrame) ?? '';
		if (!group) group = /pdf(\.worker)?\.mjs/.test(leaf.callFrame.url) ? 'pdfjs: other (parser, document/page setup, messages)' : 'other (runtime, microtasks, fs)';
		if (group === PROFILER) continue;
		total += t;
		groups.set(group, (groups.get(group) ?? 0) + t);
		const key = `${name || '(anonymous)'}  ${basename(leaf.callFrame.url)}:${leaf.callFrame.lineNumber + 1}`;
		fns.set(key, (fns.get(key) ?? 0) + t);
	}
	const n = runs * pdfs.length;
	const line = (k: string, v: number) => `${((100 * v) / total).toFixed(1).padStart(5)}%  ${(v / 1000 / n).toFixed(1).padStart(6)} ms/report  ${k}`;
	const idle = [...groups].find(([k]) => k.startsWith('idle'))?.[1] ?? 0;
	console.log(`\nprofile (this thread: ${((total - idle) / 1000 / n).toFixed(1)} ms busy + ${(idle / 1000 / n).toFixed(1)} ms idle per report; profiling slows it):`);
	for (const [k, v] of [...groups].sort((a, b) => b[1] - a[1])) console.log(line(k, v));
	console.log(`\ntop ${top} functions by self time:`);
	for (const [k, v] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(line(k, v));
}

const dir = mkdtempSync(join(tmpdir(), 'pdf-profile-'));
try {
	await pass(dir, -1); // warm-up: module loading and the JIT
	const session = prof ? new Session() : undefined;
	if (session) {
		session.connect();
		await session.post('Profiler.enable');
		await session.post('Profiler.setSamplingInterval', { interval: 250 });
		await session.post('Profiler.start');
	}
	const c0 = process.cpuUsage();
	const t0 = performance.now();
	for (let r = 0; r < runs; r++) await pass(dir, r);
	const c = process.cpuUsage(c0);
	const wall = (performance.now() - t0) / 1000;
	const n = runs * pdfs.length;
	console.log(
		`${ingest ? 'ingestFile' : 'extractPdf'}: ${pdfs.length} PDFs × ${runs} = ${n} reports, ${(n / ((c.user + c.system) / 1e6)).toFixed(2)} per CPU second, ${(n / wall).toFixed(2)} per wall second`
	);
	if (session && prof) {
		const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
		writeFileSync(prof, JSON.stringify(profile));
		summarise(profile);
		console.log(`\nprofile written to ${prof} (open in Chrome DevTools › Performance)`);
	}
} finally {
	rmSync(dir, { recursive: true, force: true });
}
