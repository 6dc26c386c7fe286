/**
 * The parsing worker of the 导入报告 page: the same pure pipeline as `npm run ingest` (ingestBytes → checkReport),
 * off the page's thread. pdfjs runs inside this worker without starting a worker of its own (extract/pdf.ts loads
 * its worker side into the same thread) and reads CMaps/fonts from the site (pdf-assets.ts).
 */
import { checkReport } from '$lib/check';
import { configurePdf, isPdfjsStrayRejection } from '$lib/extract/pdf';
import { ingestBytes } from '$lib/store/ingest';
import { BundledDataFactory } from './pdf-assets';
import type { ParseRequest, ParseResponse, ParseResult } from './protocol';

configurePdf({ BinaryDataFactory: BundledDataFactory });

// as in the ingest command: a stray rejection pdfjs leaves behind on a damaged file must not stop the batch
// (anything else stays reported in the console)
addEventListener('unhandledrejection', (e) => {
	if (isPdfjsStrayRejection(e.reason)) e.preventDefault();
});

async function parse(req: ParseRequest): Promise<ParseResult> {
	const res = await ingestBytes(req.name, new Uint8Array(req.bytes), { meta: req.meta, format: req.format });
	if (!res.ok) return res;
	const report = { ...res.report, id: req.id };
	return { ok: true, record: { ...report, findings: checkReport(report) } };
}

addEventListener('message', async (e: MessageEvent<ParseRequest>) => {
	const req = e.data;
	let result: ParseResult;
	try {
		result = await parse(req);
	} catch (err) {
		result = { ok: false, file: req.name, reason: `解析出错：${err instanceof Error ? err.message : String(err)}` };
	}
	postMessage({ seq: req.seq, result } satisfies ParseResponse);
});
