/**
 * The page's side of the parsing worker: one worker, started on first use, files parsed one at a time.
 * A worker that dies fails the files it had with a one-line reason; the next file starts a new one.
 */
import type { ParseRequest, ParseResponse, ParseResult } from './protocol';

let worker: Worker | undefined;
let seq = 0;
const waiting = new Map<number, { name: string; done: (r: ParseResult) => void }>();

function start(): Worker {
	const w = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
	w.addEventListener('message', (e: MessageEvent<ParseResponse>) => {
		const job = waiting.get(e.data.seq);
		waiting.delete(e.data.seq);
		job?.done(e.data.result);
	});
	w.addEventListener('error', (e) => {
		e.preventDefault();
		for (const [, job] of waiting) job.done({ ok: false, file: job.name, reason: `解析进程出错：${e.message || '未知错误'}` });
		waiting.clear();
		w.terminate();
		if (worker === w) worker = undefined;
	});
	return w;
}

/** Parse and check one file in the worker. The bytes are handed over (the buffer is detached here). */
export function parseInWorker(req: Omit<ParseRequest, 'seq'>): Promise<ParseResult> {
	worker ??= start();
	const s = ++seq;
	return new Promise((done) => {
		waiting.set(s, { name: req.name, done });
		worker!.postMessage({ ...req, seq: s } satisfies ParseRequest, [req.bytes]);
	});
}
