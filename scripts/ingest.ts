/**
 * npm run ingest -- --out DIR [--no-prose] FILE_OR_FOLDER...
 * Parses every report file given (folders are walked), checks each report and the years of each
 * body, and writes one JSON per report plus reports.arrow / findings.arrow into DIR. Reports already
 * in DIR are kept; a re-ingested file replaces its record. Exit code 1 when any file failed.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import cliProgress from 'cli-progress';
import { checkAll } from '../src/lib/check';
import type { Report } from '../src/lib/parse';
import { readFailures, readRecords, writeOutput, type Failure } from '../src/lib/store/fs';
import { ingestBytes, MAX_BYTES } from '../src/lib/store/ingest';

function usage(msg?: string): never {
	if (msg) console.error(msg);
	console.error('用法: npm run ingest -- --out 输出目录 [--no-prose] 文件或文件夹...');
	process.exit(2);
}

function parseArgs(argv: string[]) {
	let out: string | undefined;
	let dropProse = false;
	const inputs: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--out') out = argv[++i];
		else if (a === '--no-prose') dropProse = true;
		else if (a === '--help' || a === '-h') usage();
		else if (a.startsWith('--')) usage(`未知选项 ${a}`);
		else inputs.push(a);
	}
	if (!out) usage('缺少 --out 输出目录');
	if (!inputs.length) usage('没有给出要解析的文件');
	return { out, dropProse, inputs };
}

function walk(path: string, out: string[], missing: Failure[]) {
	let st;
	try {
		st = statSync(path);
	} catch {
		missing.push({ file: basename(path), reason: `找不到文件：${path}` });
		return;
	}
	if (st.isDirectory()) {
		for (const f of readdirSync(path).sort()) if (!f.startsWith('.')) walk(join(path, f), out, missing);
	} else out.push(path);
}

async function main() {
	const { out, dropProse, inputs } = parseArgs(process.argv.slice(2));
	const files: string[] = [];
	const failures: Failure[] = [];
	for (const i of inputs) walk(i, files, failures);

	const bar = new cliProgress.SingleBar(
		{ format: '解析 [{bar}] {value}/{total} {file}', stream: process.stderr, noTTYOutput: true, notTTYSchedule: 2000, hideCursor: true },
		cliProgress.Presets.shades_classic
	);
	bar.start(files.length, 0, { file: '' });
	const parsed: Report[] = [];
	const ids = new Map<string, string>();
	for (const path of files) {
		const name = basename(path);
		bar.increment(0, { file: name });
		let bytes: Uint8Array;
		try {
			const size = statSync(path).size;
			if (size > MAX_BYTES) throw new Error(`文件过大（${(size / 1048576).toFixed(1)} MB，上限 ${MAX_BYTES / 1048576} MB）`);
			bytes = readFileSync(path);
		} catch (e) {
			failures.push({ file: name, reason: (e as Error).message });
			bar.increment(1);
			continue;
		}
		const res = await ingestBytes(name, bytes, { dropProse });
		if (res.ok) {
			const r = res.report;
			// two different files with one base name in one batch: keep both
			const prev = ids.get(r.id);
			if (prev && prev !== r.source.sha256) r.id = `${r.id}~${r.source.sha256.slice(0, 8)}`;
			ids.set(r.id, r.source.sha256);
			parsed.push(r);
		} else failures.push({ file: res.file, reason: res.reason });
		bar.increment(1);
	}
	bar.stop();

	// keep what DIR already holds; a file parsed again replaces its record, and clears an old failure
	const fresh = new Set(parsed.map((r) => r.id));
	const kept = readRecords(out).filter((r) => !fresh.has(r.id));
	const all = checkAll([...kept, ...parsed]);
	const seen = new Set([...parsed.map((r) => r.source.file), ...failures.map((f) => f.file)]);
	const allFailures = [...readFailures(out).filter((f) => !seen.has(f.file)), ...failures];
	const { written } = writeOutput(out, all, allFailures, { dropProse });

	const mine = all.filter((r) => fresh.has(r.id));
	const withFindings = mine.filter((r) => r.findings.some((f) => f.severity !== 'info'));
	for (const f of failures) console.error(`✗ ${f.file}: ${f.reason}`);
	console.log(
		`解析成功 ${mine.length} 份（其中 ${withFindings.length} 份有错误或警告），失败 ${failures.length} 份；` +
			`输出目录 ${out} 共 ${all.length} 份报告，本次写入 ${written} 个文件`
	);
	process.exitCode = failures.length ? 1 : 0;
}

main().catch((e) => {
	console.error(`ingest 出错：${(e as Error).stack ?? e}`);
	process.exit(3);
});
