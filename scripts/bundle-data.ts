/**
 * npm run data: rebuild the bundled default dataset in data/ by running the real ingest on the
 * real corpus (../shared/corpus), without the reports' prose (their figures, metadata and findings
 * only). Nothing in data/ is written by hand.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isReportFile } from '../src/lib/store/ingest';

const corpus = resolve(process.env.CORPUS_DIR ?? '../shared/corpus');
const out = resolve('data');
if (!existsSync(corpus)) {
	console.error(`找不到真实报告目录 ${corpus}（设置 CORPUS_DIR 指向它）`);
	process.exit(2);
}
const files = readdirSync(corpus)
	.filter(isReportFile)
	.sort()
	.map((f) => join(corpus, f));
for (const f of readdirSync(out)) if (f.endsWith('.json') || f.endsWith('.arrow')) rmSync(join(out, f));
execFileSync('npx', ['tsx', 'scripts/ingest.ts', '--out', out, '--no-prose', ...files], { stdio: 'inherit' });
