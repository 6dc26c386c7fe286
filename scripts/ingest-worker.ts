/** One ingest worker: receives file tasks, parses, checks and writes each record, answers with a summary. */
import { parentPort, workerData } from 'node:worker_threads';
import { ingestFile, type FileTask } from '../src/lib/store/fs';
import { strayRejection } from './stray';

const dir: string = workerData.dir;
// pdfjs can leave a rejected promise behind on a damaged file after the file itself was answered:
// that must not kill the worker (and with it the batch)
process.on('unhandledRejection', strayRejection);
parentPort!.on('message', async (task: FileTask) => {
	try {
		parentPort!.postMessage(await ingestFile(dir, task));
	} catch (e) {
		parentPort!.postMessage({ ok: false, file: task.name, reason: `解析出错：${(e as Error).message}` });
	}
});
