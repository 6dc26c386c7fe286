import { isPdfjsStrayRejection } from '../src/lib/extract/pdf';

/**
 * The ingest command's unhandled-rejection handler: pdfjs's own leftovers on a damaged PDF pass
 * (the file was already answered, see isPdfjsStrayRejection); anything else is a fault of ours,
 * printed, and makes the command exit non-zero, without stopping the files still in the batch.
 */
export function strayRejection(reason: unknown): void {
	if (isPdfjsStrayRejection(reason)) return;
	console.error(`内部错误（未处理的异步异常）：${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
	process.exitCode = 1;
}
