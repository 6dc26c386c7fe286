/**
 * What one cell of the overview's coverage matrix shows, as plain strings: computed once per cell instead of by
 * several expressions and nested blocks per cell in the component (60 rows × 7 years of links on a filter change).
 */
import { cellText, type CellStatus, type CoverageCell, type CoverageRow } from './overview';

export const STATES: Record<CellStatus, { icon: string; word: string }> = {
	ok: { icon: '✓', word: '正常' },
	warning: { icon: '△', word: '警告' },
	zero: { icon: '○', word: '零活动' },
	error: { icon: '✕', word: '错误' },
	missing: { icon: '—', word: '未报' }
};

export interface CellView {
	year: number;
	status: CellStatus;
	/** The first report's id ('' for a year without a report). */
	report: string;
	/** The link to the report (null: no report, the cell says 未报). */
	href: string | null;
	/** Classes of the link: `cell <status>`, plus `real` for a real report in a row of other reports. */
	cls: string;
	title: string;
	/** The link's accessible name (with the row's short label). */
	label: string;
	icon: string;
	/** The state's word; an error cell adds its count right after it (错误2, as the page has always shown it). */
	word: string;
	/** An error cell whose report also shows zero activity gets a small ○ after the word. */
	also: boolean;
}

export function cellView(row: CoverageRow, c: CoverageCell, href: (reportId: string) => string): CellView {
	const first = c.reports[0];
	if (!first) {
		return { year: c.year, status: c.status, report: '', href: null, cls: 'cell missing', title: `${row.body} ${c.year}年：未见报告`, label: '', icon: STATES.missing.icon, word: STATES.missing.word, also: false };
	}
	const kind = c.demo ? '演示数据' : '真实报告';
	const text = cellText(c);
	return {
		year: c.year,
		status: c.status,
		report: first.reportId,
		href: href(first.reportId),
		cls: !c.demo && !row.real ? `cell ${c.status} real` : `cell ${c.status}`,
		title: `${row.body} ${c.year}年（${kind}）：${text}`,
		label: `${row.label} ${c.year}年（${kind}）：${text}`,
		icon: STATES[c.status].icon,
		word: c.status === 'error' ? `${STATES.error.word}${c.errors}` : STATES[c.status].word,
		also: c.zero && c.status === 'error'
	};
}
