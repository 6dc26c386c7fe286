/**
 * RANGE: numbers no report can truly print. A count or amount above 10^9 (a billion applications, 10^9 万元)
 * or a negative value in a column that cannot be negative (only 本年增/减 of the 2019 table 2 can). The
 * parser already refuses a printed “-5” outside that column (an unreadable cell), so a negative is never
 * turned into a positive; this rule guards the stored numbers whatever produced them.
 */
import type { Report } from '../parse';
import { cellDef } from '../template';
import { fmt, labelOf, type Finding } from './finding';

/** Largest believable value, in the column's unit; 元 columns get the same limit expressed in 元 (10^9 万元). */
export const RANGE_LIMIT = 1e9;
const limitOf = (unit: string | undefined) => (unit === '元' ? RANGE_LIMIT * 10000 : RANGE_LIMIT);

export function rangeRule(r: Report): Finding[] {
	const out: Finding[] = [];
	for (const id in r.cells) {
		const v = r.cells[id];
		if (typeof v !== 'number') continue;
		if (v >= 0 && v <= RANGE_LIMIT) continue; // within every column's limit (the loop below would pass it too)
		const col = cellDef(id)?.column;
		const limit = limitOf(col?.unit);
		const negative = v < 0 && !col?.allowNegative;
		if (!negative && Math.abs(v) <= limit) continue;
		const raw = r.detail[id]?.raw?.trim();
		const printed = raw ? `（原文“${raw}”）` : '';
		out.push({
			rule: 'RANGE',
			severity: 'error',
			status: 'fail',
			report: r.id,
			cells: [id],
			expected: null,
			actual: v,
			message: negative
				? `“${labelOf(id)}”为负数 ${fmt(v)}${printed}：此栏不能为负数，请核对原文`
				: `“${labelOf(id)}”为 ${fmt(v)}${col?.unit ? ` ${col.unit}` : ''}${printed}，超过 ${fmt(limit)}，不可能是真实数字，请核对原文`
		});
	}
	return out;
}
