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

/** Median reports/s over `runs` passes of the files; failures are counted and thrown (a rate of failures is no rate). */
export async function ingestRate(files: string[], runs: number): Promise<number | null> {
	if (!files.length) return null;
	const rates: number[] = [];
	for (let r = 0; r < runs; r++) {
		const dir = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
		try {
			const t0 = performance.now();
			for (const [i, path] of files.entries()) {
				const res = await ingestFile(dir, { path, name: basename(path), id: `r${i}-${basename(path)}` });
				if (!res.ok) throw new Error(`${path}: ${res.reason}`);
			}
			rates.push(files.length / ((performance.now() - t0) / 1000));
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}
	return median(rates);
}

export async function measureIngest(opts: { scaleDir: string; corpusDir: string; sample: number; pdfRepeat: number; runs: number; log: (s: string) => void }) {
	const kinds = filesByKind(opts.scaleDir);
	const pdfs = (() => {
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
		pdf: Array.from({ length: opts.pdfRepeat }, () => pdfs).flat()
	};
	const rates = {} as Record<Format, number | null>;
	for (const f of Object.keys(samples) as Format[]) {
		opts.log(`ingest ${f}: ${samples[f].length} files × ${opts.runs} runs`);
		rates[f] = await ingestRate(samples[f], opts.runs);
		opts.log(`ingest ${f}: ${rates[f]?.toFixed(1) ?? '—'} reports/s`);
	}
	return { rates, sample: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, v.length])) as Record<Format, number> };
}
