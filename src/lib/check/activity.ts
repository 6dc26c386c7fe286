/** Zero activity: no request received, no administrative review, no lawsuit in the year. */
import type { Report } from '../parse';
import type { Finding } from './finding';

export const ACTIVITY_CELLS = ['t3.new.total', 't4.review.total', 't4.suit_direct.total', 't4.suit_after_review.total'];

export function zeroActivity(r: Report): Finding[] {
	// every cell must be printed as 0: a blank is unknown, not zero
	if (!r.format || !ACTIVITY_CELLS.every((id) => r.cells[id] === 0)) return [];
	const carried = r.cells['t3.carried.total'];
	return [
		{
			rule: 'ZERO',
			severity: 'warning',
			status: 'notice',
			report: r.id,
			cells: carried === 0 ? [...ACTIVITY_CELLS, 't3.carried.total'] : ACTIVITY_CELLS,
			expected: null,
			actual: 0,
			message: `本年度新收政府信息公开申请 0 件，行政复议 0 件，行政诉讼 0 件${carried === 0 ? '，上年结转 0 件' : ''}：全年无依申请公开活动`
		}
	];
}
