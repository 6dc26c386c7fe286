/**
 * Ingest throughput per file kind on one core: the exact per-file path of `npm run ingest -- --jobs 1`
 * (read, parse, check, write the JSON record: `ingestFile`), on this thread, into a fresh temporary folder per run.
 * The finalize step (Arrow files, cross-year checks) is not part of the per-file rate.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { ingestFile } from '../../src/lib/store/fs';
import type { Format } from './result';
import { median } from './stats';

/** Files under `dir` by extension (sorted walk, so samples are the same every time). */
export function filesByKind(dir: string): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	const walk = (d: string) => {
		for (const f of readdirSync(d).sort()) {
			const p = join(d, f);
			if (statSync(p).isDirectory()) walk(p);
			else (out[extname(f).slice(1).toLowerCase()] ??= []).push(p);
		}
	};
	walk(dir);
	return out;
}

/** Evenly spread sample of `n` items (all when fewer). */
export function spread<T>(xs: T[], n: number): T[] {
	if (xs.length <= n) return xs;
	return Array.from({ length: n }, (_, i) => xs[Math.floor((i * xs.length) / n)]);
}

/**
 * One pass of the files, timed: reports per wall-clock second, and per CPU second of this process (what one idle core
 * would do; on a shared machine the wall rate depends on the neighbours). Failures throw (a rate of failures is no rate).
 */
export async function ingestPass(files: string[]): Promise<{ wall: number; cpu: number }> {
	const dir = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
	try {
		const t0 = performance.now();
		const c0 = process.cpuUsage();
		for (const [i, path] of files.entries()) {
			const res = await ingestFile(dir, { path, name: basename(path), id: `r${i}-${basename(path)}` });
			if (!res.ok) throw new Error(`${path}: ${res.reason}`);
		}
		const c = process.cpuUsage(c0);
		return { wall: files.length / ((performance.now() - t0) / 1000), cpu: files.length / ((c.user + c.system) / 1e6) };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/**
 * Rates per kind on samples of the generated scale files (the same generator for every kind), and on the real
 * corpus's PDFs (repeated `pdfRepeat` times): published PDFs are longer and carry bigger fonts than generated ones.
 */
export async function measureIngest(opts: {
	scaleDir: string;
	corpusDir: string;
	sample: number;
	pdfRepeat: number;
	runs: number;
	log: (s: string) => void;
	/** One timed pass over files (default ingestPass; the tests pass their own). */
	pass?: (files: string[]) => Promise<{ wall: number; cpu: number }>;
}) {
	const pass = opts.pass ?? ingestPass;
	const kinds = filesByKind(opts.scaleDir);
	const corpusPdfs = (() => {
		try {
			return filesByKind(opts.corpusDir).pdf ?? [];
		} catch {
			return [];
		}
	})();
	const samples: Record<Format, string[]> = {
		txt: spread(kinds.txt ?? [], opts.sample),
		html: spread(kinds.html ?? [], opts.sample),
		docx: spread(kinds.docx ?? [], opts.sample),
		pdf: spread(kinds.pdf ?? [], opts.sample)
	};
	const realFiles = Array.from({ length: opts.pdfRepeat }, () => corpusPdfs).flat();
	// run by run, every kind in turn (txt, html, docx, pdf, the real PDFs, then again): a slow spell of the shared
	// machine (a few seconds of CPU steal) then costs each kind one run of its `runs`, where five runs of one kind in a
	// row (~5 s for txt or html) could all fall inside it
	const sets: [string, string[]][] = [...(Object.entries(samples) as [Format, string[]][]), ['pdf (real corpus)', realFiles]];
	for (const [what, files] of sets) opts.log(`ingest ${what}: ${files.length} files × ${opts.runs} runs`);
	const passes = new Map<string, { wall: number; cpu: number }[]>(sets.map(([what]) => [what, []]));
	for (let r = 0; r < opts.runs; r++)
		for (const [what, files] of sets) if (files.length) passes.get(what)!.push(await pass(files));
	const rateOf = (what: string) => {
		const p = passes.get(what)!;
		const r = { wall: median(p.map((x) => x.wall)), cpu: median(p.map((x) => x.cpu)) };
		opts.log(`ingest ${what}: ${r.wall?.toFixed(1) ?? '—'} reports/s (${r.cpu?.toFixed(1) ?? '—'} per CPU second; runs ${p.map((x) => x.wall.toFixed(0)).join(' ')})`);
		return r;
	};
	const rates = {} as Record<Format, number | null>;
	const cpuRates = {} as Record<Format, number | null>;
	for (const f of Object.keys(samples) as Format[]) {
		const r = rateOf(f);
		rates[f] = r.wall;
		cpuRates[f] = r.cpu;
	}
	const real = rateOf('pdf (real corpus)');
	return {
		rates,
		cpuRates,
		sample: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, v.length])) as Record<Format, number>,
		realPdf: { per_s: real.wall, per_cpu_s: real.cpu, sample: realFiles.length }
	};
}
