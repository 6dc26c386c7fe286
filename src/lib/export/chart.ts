/** The four exports of one chart, as actions the menu and the briefing call. */
import { captureChart, captureLegend } from './capture';
import { toCsv } from './csv';
import { download, MIME } from './download';
import { svgToPng } from './png';
import { currentScope } from './registry';
import type { SheetData } from './sheet';
import { fileName, type Stamp } from './stamp';
import { composeSvg, type ChartContent, type LegendItem } from './svg';

export type ExportKind = 'png' | 'svg' | 'csv' | 'xlsx';

export interface ChartSource {
	title: string;
	unit: string;
	demo: boolean;
	/** The element holding the chart's SVG parts. */
	area: HTMLElement | null;
	/** The chart's HTML legend (ul > li). */
	legend: HTMLElement | null;
	/** The chart's data as a table; may be fetched on demand (e.g. every row of a chart that draws only some). */
	sheet: () => SheetData | Promise<SheetData>;
	/** A chart drawn for export only (e.g. from an HTML table): used instead of reading `area`. */
	draw?: () => { content: ChartContent; legend: LegendItem[] };
}

export function stampOf(src: Pick<ChartSource, 'title' | 'unit' | 'demo'>, date = new Date()): Stamp {
	return { title: src.title, unit: src.unit, demo: src.demo, scope: currentScope(), date };
}

/** The standalone stamped SVG of a chart on the page (null when nothing is drawn). */
export function chartSvg(src: ChartSource, stamp = stampOf(src)): { svg: string; width: number; height: number } | null {
	if (src.draw) {
		const d = src.draw();
		return d.content.parts.length ? composeSvg(stamp, d.legend, d.content) : null;
	}
	if (!src.area) return null;
	const content = captureChart(src.area);
	if (!content.parts.length) return null;
	return composeSvg(stamp, captureLegend(src.legend), content);
}

export async function exportChart(src: ChartSource, kind: ExportKind): Promise<string> {
	const stamp = stampOf(src);
	const name = fileName(stamp, kind);
	if (kind === 'csv') {
		download(new Blob([toCsv(await src.sheet(), stamp)], { type: MIME.csv }), name);
	} else if (kind === 'xlsx') {
		const { toXlsx } = await import('./xlsx');
		download(await toXlsx(await src.sheet(), stamp), name);
	} else {
		const out = chartSvg(src, stamp);
		if (!out) throw new Error('图表尚未画出，无法导出图片');
		if (kind === 'svg') download(new Blob([out.svg], { type: MIME.svg }), name);
		else download(await svgToPng(out.svg, out.width, out.height), name);
	}
	return name;
}
