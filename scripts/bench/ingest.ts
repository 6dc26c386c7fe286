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
 * Median reports/s over `runs` passes of the files: per wall-clock second, and per CPU second of this process (what
 * one idle core would do; on a shared machine the wall rate depends on the neighbours). Failures throw (a rate of
 * failures is no rate).
 */
export async function ingestRate(files: string[], runs: number): Promise<{ wall: number | null; cpu: number | null }> {
	if (!files.length) return { wall: null, cpu: null };
	const wall: number[] = [];
	const cpu: number[] = [];
	for (let r = 0; r < runs; r++) {
		const dir = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
		try {
			const t0 = performance.now();
			const c0 = process.cpuUsage();
			for (const [i, path] of files.entries()) {
				const res = await ingestFile(dir, { path, name: basename(path), id: `r${i}-${basename(path)}` });
				if (!res.ok) throw new Error(`${path}: ${res.reason}`);
			}
			const c = process.cpuUsage(c0);
			wall.push(files.length / ((performance.now() - t0) / 1000));
			cpu.push(files.length / ((c.user + c.system) / 1e6));
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}
	return { wall: median(wall), cpu: median(cpu) };
}

/**
 * Rates per kind on samples of the generated scale files (the same generator for every kind), and on the real
 * corpus's PDFs (repeated `pdfRepeat` times): published PDFs are longer and carry bigger fonts than generated ones.
 */
export async function measureIngest(opts: { scaleDir: string; corpusDir: string; sample: number; pdfRepeat: number; runs: number; log: (s: string) => void }) {
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
	const rates = {} as Record<Format, number | null>;
	const cpuRates = {} as Record<Format, number | null>;
	const measure = async (what: string, files: string[]) => {
		opts.log(`ingest ${what}: ${files.length} files × ${opts.runs} runs`);
		const r = await ingestRate(files, opts.runs);
		opts.log(`ingest ${what}: ${r.wall?.toFixed(1) ?? '—'} reports/s (${r.cpu?.toFixed(1) ?? '—'} per CPU second)`);
		return r;
	};
	for (const f of Object.keys(samples) as Format[]) {
		const r = await measure(f, samples[f]);
		rates[f] = r.wall;
		cpuRates[f] = r.cpu;
	}
	const realFiles = Array.from({ length: opts.pdfRepeat }, () => corpusPdfs).flat();
	const real = await measure('pdf (real corpus)', realFiles);
	return {
		rates,
		cpuRates,
		sample: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, v.length])) as Record<Format, number>,
		realPdf: { per_s: real.wall, per_cpu_s: real.cpu, sample: realFiles.length }
	};
}
