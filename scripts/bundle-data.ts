/**
 * npm run data: rebuild the bundled default dataset in data/ with the real ingest command:
 *   (a) the real corpus (../shared/corpus, or CORPUS_DIR): every file the ingest supports except the
 *       blank official template (a form, not a report), without the reports' prose (--no-prose);
 *   (b) the demo county (托里县, 2019–2025), generated into a temporary folder by `generate demo`,
 *       with its prose. Every demo file says 演示数据 in itself, so its records are marked as demo.
 * Nothing in data/ is written by hand. data/ is committed: a fresh clone never needs to run this.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isReportFile } from '../src/lib/store/ingest';

/** Corpus files that are not reports. */
const NOT_REPORTS = new Set(['template_2021_blank.docx']);

const root = resolve(import.meta.dirname, '..');
const corpus = resolve(process.env.CORPUS_DIR ?? join(root, '../shared/corpus'));
const out = join(root, 'data');
const tsx = join(root, 'node_modules/.bin/tsx');

if (!existsSync(corpus)) {
	console.error(
		`找不到真实报告目录 ${corpus}：npm run data 需要它来重建 data/（设置 CORPUS_DIR 指向它）。\n` +
			'data/ 已随仓库提交，不重建也能直接使用。'
	);
	process.exit(2);
}
const real = readdirSync(corpus)
	.filter((f) => isReportFile(f) && !NOT_REPORTS.has(f))
	.sort()
	.map((f) => join(corpus, f));
if (!real.length) {
	console.error(`${corpus} 中没有可解析的报告文件`);
	process.exit(2);
}

const run = (args: string[]) => execFileSync(tsx, args, { stdio: 'inherit', cwd: root });
const demo = mkdtempSync(join(tmpdir(), 'gov-demo-'));
try {
	const t0 = performance.now();
	run(['scripts/generate.ts', 'demo', '--out', demo]);
	mkdirSync(out, { recursive: true });
	for (const f of readdirSync(out)) if (f.endsWith('.json') || f.endsWith('.arrow')) rmSync(join(out, f));
	console.log(`真实报告 ${real.length} 份（不含正文）：`);
	run(['scripts/ingest.ts', '--out', out, '--no-prose', ...real]);
	console.log('演示数据（含正文）：');
	run(['scripts/ingest.ts', '--out', out, demo]);
	console.log(`data/ 已重建，用时 ${((performance.now() - t0) / 1000).toFixed(1)} 秒`);
} finally {
	rmSync(demo, { recursive: true, force: true });
}
