/**
 * pdfjs's CMaps, standard fonts and wasm decoders, copied into the build by Vite (hashed asset URLs, served by the
 * site itself: no CDN, works offline) and handed to pdfjs through its BinaryDataFactory hook, which asks for a file
 * by kind and name. Only the files a PDF needs are fetched (most reports embed their fonts and need none).
 */
const glob = (m: Record<string, string>) => Object.fromEntries(Object.entries(m).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]));

const FILES: Record<string, Record<string, string>> = {
	cMapUrl: glob(import.meta.glob('/node_modules/pdfjs-dist/cmaps/*.bcmap', { query: '?url&no-inline', import: 'default', eager: true })),
	standardFontDataUrl: glob(
		import.meta.glob(['/node_modules/pdfjs-dist/standard_fonts/*.pfb', '/node_modules/pdfjs-dist/standard_fonts/*.ttf'], {
			query: '?url&no-inline',
			import: 'default',
			eager: true
		})
	),
	wasmUrl: glob(import.meta.glob('/node_modules/pdfjs-dist/wasm/*.wasm', { query: '?url&no-inline', import: 'default', eager: true }))
};

/** A pdfjs BinaryDataFactory that serves the bundled files (configurePdf({ BinaryDataFactory })). */
export class BundledDataFactory {
	constructor(_opts: unknown) {}

	async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
		const url = FILES[kind]?.[filename];
		if (!url) throw new Error(`pdfjs 资源文件 ${filename} 未随网站提供`);
		const res = await fetch(url);
		if (!res.ok) throw new Error(`无法载入 pdfjs 资源文件 ${filename}（HTTP ${res.status}）`);
		return new Uint8Array(await res.arrayBuffer());
	}
}
