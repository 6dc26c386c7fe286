/**
 * What the page currently shows, for the exports: the selection (set by the page) and the chart panels (each
 * registers itself while mounted), so the briefing pack can gather every chart of the page.
 */
import type { SheetData } from './sheet';
import type { ExportScope } from './stamp';

export interface ChartEntry {
	title: string;
	unit: string;
	/** Demo data is in this chart. */
	demo: () => boolean;
	/** The standalone SVG (null when the chart is not drawn). */
	svg: () => { svg: string; width: number; height: number } | null;
	sheet: () => SheetData | Promise<SheetData>;
	/** Document order, for the briefing. */
	element: () => Element | null;
}

let scopeOf: (() => ExportScope | null) | null = null;
const charts = new Set<ChartEntry>();

export const NO_SCOPE: ExportScope = { where: '全部地区', years: [], filters: [] };

export function setScope(get: () => ExportScope | null): () => void {
	scopeOf = get;
	return () => {
		if (scopeOf === get) scopeOf = null;
	};
}

export function currentScope(): ExportScope {
	return scopeOf?.() ?? NO_SCOPE;
}

export function registerChart(c: ChartEntry): () => void {
	charts.add(c);
	return () => charts.delete(c);
}

/** The registered charts in page order. */
export function currentCharts(): ChartEntry[] {
	const list = [...charts];
	return list.sort((a, b) => {
		const x = a.element();
		const y = b.element();
		if (!x || !y) return 0;
		return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
	});
}
