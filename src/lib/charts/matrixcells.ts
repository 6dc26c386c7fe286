/**
 * What one cell of the overview's coverage matrix shows, as plain strings: computed once per cell instead of by
 * several expressions and nested blocks per cell in the component (60 rows × 7 years of links on a filter change).
 */
import { cellText, type CellStatus, type CoverageCell, type CoverageRow } from './overview';

/**
 * Each state's word. Its icon (✓ △ ○ ✕ —) is drawn by the matrix's CSS (`.cell.<status>::before`), not as an
 * element: 60 rows × 7 years of cells are created on a filter change, and an icon element per cell was a third of them.
 */
export const STATES: Record<CellStatus, { word: string }> = {
	ok: { word: '正常' },
	warning: { word: '警告' },
	zero: { word: '零活动' },
	error: { word: '错误' },
	missing: { word: '未报' }
};

export interface CellView {
	year: number;
	status: CellStatus;
	/** The first report's id ('' for a year without a report). */
	report: string;
	/** The link to the report (null: no report, the cell says 未报). */
	href: string | null;
	/**
	 * Classes of the link: `cell <status>` (the CSS draws the state's icon), plus `real` for a real report in a row of
	 * other reports and `also` for an error cell whose report also shows zero activity (a small ○ after the word).
	 */
	cls: string;
	title: string;
	/** The link's accessible name (with the row's short label). */
	label: string;
	/** The state's word; an error cell adds its count right after it (错误2, as the page has always shown it). */
	word: string;
}

export function cellView(row: CoverageRow, c: CoverageCell, href: (reportId: string) => string): CellView {
	const first = c.reports[0];
	if (!first) {
		return { year: c.year, status: c.status, report: '', href: null, cls: 'cell missing', title: `${row.body} ${c.year}年：未见报告`, label: '', word: STATES.missing.word };
	}
	const kind = c.demo ? '演示数据' : '真实报告';
	const text = cellText(c);
	return {
		year: c.year,
		status: c.status,
		report: first.reportId,
		href: href(first.reportId),
		cls: `cell ${c.status}${!c.demo && !row.real ? ' real' : ''}${c.zero && c.status === 'error' ? ' also' : ''}`,
		title: `${row.body} ${c.year}年（${kind}）：${text}`,
		label: `${row.label} ${c.year}年（${kind}）：${text}`,
		word: c.status === 'error' ? `${STATES.error.word}${c.errors}` : STATES[c.status].word
	};
}
