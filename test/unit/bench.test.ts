/**
 * The pure parts of `npm run bench`: statistics, the plain-JS floor, the filter steps, the JSON shape and the
 * verdicts against the targets.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filterSteps } from '../../scripts/bench/browser';
import { requestsTotal, shape, type Columns } from '../../scripts/bench/floor';
import { measureIngest, spread } from '../../scripts/bench/ingest';
import { formatTable, verdicts, type BenchResult } from '../../scripts/bench/result';
import { dataOverrides } from '../../scripts/bench/serve';
import { buildSizes } from '../../scripts/bench/sizes';
import { median, medianOfRuns, percentile, round } from '../../scripts/bench/stats';

/** Run `fn` in a fresh temporary folder, removed afterwards. */
function inTempDir(prefix: string, fn: (dir: string) => void) {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	try {
		fn(dir);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

describe('stats', () => {
	it('median and interpolated percentiles', () => {
		expect(median([5, 1, 3])).toBe(3);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBeCloseTo(9.55, 10);
		expect(percentile([10, 20], 0)).toBe(10);
		expect(percentile([10, 20], 100)).toBe(20);
		expect(percentile([7], 95)).toBe(7);
		expect(median([])).toBeNull();
		expect(median([NaN, 2])).toBe(2);
	});
	it('medians per key over runs; a key missing everywhere is null', () => {
		expect(medianOfRuns([{ a: 1, b: null }, { a: 3 }, { a: 2 }], ['a', 'b'])).toEqual({ a: 2, b: null });
		expect(round(12.345, 1)).toBe(12.3);
		expect(round(null)).toBeNull();
	});
});

const cols: Columns = {
	county: ['甲县', '甲县', '乙县', '甲县', null],
	year: [2019, 2024, 2024, 2025, 2024],
	requests: [5, null, 7, 11, 13]
};

describe('plain-JS floor', () => {
	it('sums the filled 本年新收 of a county and a year range, blanks skipped, 0 when none', () => {
		expect(requestsTotal(cols, { region: null, from: 2019, to: 2025 })).toBe(5 + 7 + 11 + 13);
		expect(requestsTotal(cols, { region: '甲县', from: 2019, to: 2025 })).toBe(16);
		expect(requestsTotal(cols, { region: '甲县', from: 2022, to: 2025 })).toBe(11);
		expect(requestsTotal(cols, { region: '乙县', from: 2025, to: 2025 })).toBe(0);
	});
	it('counties by report count and the year span', () => {
		expect(shape(cols)).toEqual({ counties: ['甲县', '乙县'], first: 2019, last: 2025 });
	});
	it('filter steps alternate county and first year, each with the total it must show', () => {
		const steps = filterSteps(['甲县', '乙县'], 2019, 2025, 5, (f) => requestsTotal(cols, f));
		expect(steps.map((s) => [s.testid, s.value, s.expected])).toEqual([
			['filter-region', '甲县', 16],
			['filter-from', '2022', 11],
			['filter-region', '乙县', 7],
			['filter-from', '2019', 7],
			['filter-region', '', 36]
		]);
	});
	it('an evenly spread sample', () => {
		expect(spread([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 4)).toEqual([0, 2, 5, 7]);
		expect(spread([1, 2], 5)).toEqual([1, 2]);
	});
});

describe('ingest rates', () => {
	it('runs every kind in turn, run by run, and reports each kind\'s median over its runs', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
		try {
			for (const [sub, f] of [['a', 'x.txt'], ['a', 'y.html'], ['b', 'z.txt'], ['b', 'w.pdf'], ['c', 'v.docx']] as const) {
				mkdirSync(join(dir, 'scale', sub), { recursive: true });
				writeFileSync(join(dir, 'scale', sub, f), '');
			}
			mkdirSync(join(dir, 'corpus'));
			writeFileSync(join(dir, 'corpus', 'real.pdf'), '');
			const calls: string[] = [];
			// each pass's rate: 10 × the run's number for txt (median of runs 1–5: 30); html slow in run 2 only
			let run = 0;
			const pass = async (files: string[]) => {
				const what = files[0].includes('corpus') ? 'real' : files[0].split('.').pop()!;
				calls.push(`${what}×${files.length}`);
				if (what === 'txt') run++;
				const wall = what === 'txt' ? 10 * run : what === 'html' && run === 2 ? 1 : 100;
				return { wall, cpu: wall + 1 };
			};
			const log: string[] = [];
			const r = await measureIngest({ scaleDir: join(dir, 'scale'), corpusDir: join(dir, 'corpus'), sample: 300, pdfRepeat: 2, runs: 5, log: (l) => log.push(l), pass });
			expect(calls.slice(0, 10)).toEqual(['txt×2', 'html×1', 'docx×1', 'pdf×1', 'real×2', 'txt×2', 'html×1', 'docx×1', 'pdf×1', 'real×2']);
			expect(calls).toHaveLength(25);
			expect(r.rates).toEqual({ txt: 30, html: 100, docx: 100, pdf: 100 });
			expect(r.cpuRates.txt).toBe(31);
			expect(r.realPdf).toEqual({ per_s: 100, per_cpu_s: 101, sample: 2 });
			expect(log).toContain('ingest txt: 30.0 reports/s (31.0 per CPU second; runs 10 20 30 40 50)');
			expect(log).toContain('ingest html: 100.0 reports/s (101.0 per CPU second; runs 100 1 100 100 100)');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('server data overrides', () => {
	it('maps the hashed data assets of a build to the files of a data set', () => {
		inTempDir('bench-serve-', (dir) => {
			const assets = join(dir, '_app/immutable/assets');
			mkdirSync(assets, { recursive: true });
			for (const f of ['reports.SEXZ-aEY.arrow', 'findings.BsE0NKAL.arrow', 'summary.CEfFPbvo.json', 'duckdb-eh.9ubY-jlA.wasm', '0.CXw.css'])
				writeFileSync(join(assets, f), '');
			const m = dataOverrides(dir, '/d/10000.out');
			expect(Object.fromEntries(m)).toEqual({
				'/_app/immutable/assets/reports.SEXZ-aEY.arrow': '/d/10000.out/reports.arrow',
				'/_app/immutable/assets/findings.BsE0NKAL.arrow': '/d/10000.out/findings.arrow',
				'/_app/immutable/assets/summary.CEfFPbvo.json': '/d/10000.out/summary.json'
			});
			// a build with the overview's first view (overview.json) has a fourth
			writeFileSync(join(assets, 'overview.Bq1x2.json'), '');
			expect(dataOverrides(dir, '/d/10000.out').get('/_app/immutable/assets/overview.Bq1x2.json')).toBe('/d/10000.out/overview.json');
			rmSync(join(assets, 'summary.CEfFPbvo.json'));
			expect(() => dataOverrides(dir, '/d')).toThrow('expected the data assets');
		});
	});
});

const sample = (): BenchResult => ({
	schema: 1,
	date: '2026-11-24T00:00:00.000Z',
	machine: { nproc: 2, cpu: 'Xeon', mem_gb: 24, node: 'v20', chromium: null },
	runs: 5,
	ingest_per_s: { txt: 612.4, html: 480, docx: 90, pdf: 4.3 },
	ingest_per_cpu_s: { txt: 700, html: 650.5, docx: 100, pdf: 5 },
	ingest_sample: { txt: 300, html: 300, docx: 300, pdf: 15 },
	app_js_gzip_kb: 106.2,
	wasm_gzip_kb: 7497.6,
	sizes: {
		bundled: { reports: 129, first_chart_ms: 420, duckdb_ready_ms: 2000, all_charts_ms: 2300, filter_update_ms_p50: 30, filter_update_ms_p95: 50, memory_mb: 500, js_heap_mb: 9, floor: null },
		'100000': { reports: 100000, first_chart_ms: 1200, duckdb_ready_ms: 9000, all_charts_ms: 9500, filter_update_ms_p50: 60, filter_update_ms_p95: 99, memory_mb: 1100, js_heap_mb: 200, floor: { reports: 100000, decode_ms: 300, aggregate_ms: 1.5 } }
	},
	notes: []
});

describe('result', () => {
	it('judges each target of the issue; unmeasured ones are said so', () => {
		const r = sample();
		r.ingest_per_s.pdf = null;
		expect(verdicts(r).map((v) => `${v.target.what}: ${v.value} ${v.verdict}`)).toEqual([
			'ingest txt ≥ 500/s: 612.4 met',
			'ingest html ≥ 500/s: 480 missed',
			'ingest pdf ≥ 20/s: null not measured',
			'first chart ≤ 500 ms (bundled data): 420 met',
			'first chart ≤ 1000 ms at 100k: 1200 missed',
			'filter update p95 ≤ 100 ms at 100k: 99 met',
			'browser memory ≤ 1024 MB at 100k: 1100 missed',
			'app JS ≤ 200 KB gzip: 106.2 met'
		]);
	});
	it('prints one row per data set, the bundled data first', () => {
		const lines = formatTable(sample()).split('\n');
		const rows = lines.filter((l) => /^\s*(bundled|\d+)\s+\d+\s/.test(l)).map((l) => l.trim().split(/\s+/));
		expect(rows).toEqual([
			['bundled', '129', '420', '2000', '2300', '30', '50', '500', '9', '—'],
			['100000', '100000', '1200', '9000', '9500', '60', '99', '1100', '200', '1.5']
		]);
		expect(lines).toContain('ingest (reports/s, one core): txt 612.4 (n=300) · html 480 (n=300) · docx 90 (n=300) · pdf 4.3 (n=15)');
		expect(lines).toContain('ingest (reports per CPU second): txt 700 · html 650.5 · docx 100 · pdf 5');
		// files from before generated PDFs have no real-PDF rate: no line for it
		expect(lines.some((l) => l.includes('real corpus PDFs'))).toBe(false);
	});
	it('prints the real corpus PDFs rate beside the generated ones when measured', () => {
		const r = { ...sample(), ingest_real_pdf: { per_s: 5.14, per_cpu_s: 6, sample: 15 } };
		expect(formatTable(r).split('\n')).toContain('ingest of the real corpus PDFs: 5.1/s, 6 per CPU second (n=15)');
	});
});

describe('buildSizes', () => {
	it('counts the duckdb chunk apart, and measures nothing when the manifest is from another build', () => {
		inTempDir('bench-sizes-', (root) => {
			const imm = join(root, 'build/_app/immutable/chunks');
			mkdirSync(imm, { recursive: true });
			mkdirSync(join(root, '.svelte-kit/output/client/.vite'), { recursive: true });
			writeFileSync(join(imm, 'app.js'), 'console.log(1);'.repeat(200));
			writeFileSync(join(imm, 'db.js'), 'let duck = 2;'.repeat(5000));
			const manifest = (db: string) =>
				writeFileSync(join(root, '.svelte-kit/output/client/.vite/manifest.json'), JSON.stringify({ 'src/lib/db/index.ts': { file: db, src: 'src/lib/db/index.ts' } }));
			manifest('_app/immutable/chunks/db.js');
			const s = buildSizes(root)!;
			expect(s.app_files).toBe(1);
			expect(s.duckdb_js_files).toBe(1);
			// a per-data-set build wrote its own manifest: its db chunk is not in build/
			manifest('_app/immutable/chunks/db-OTHER.js');
			expect(buildSizes(root)).toBeNull();
		});
	});
});
