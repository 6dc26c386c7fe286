/**
 * Reading one printed cell as a number, exactly or not at all. Accepts ASCII and full-width digits,
 * thousands separators in proper groups, a trailing count word (件, 个, 项 …) and a money unit that
 * matches or converts to the column's unit. Anything else is unreadable: the caller reports it.
 */
import type { ColumnDef } from '../template';

export type CellReading =
	| { kind: 'number'; value: number; note?: string }
	| { kind: 'blank' }
	| { kind: 'placeholder'; note: string }
	| { kind: 'unreadable'; reason: string };

const PLACEHOLDER = /^(?:[-—–－―~～/／\\]+|无|空|暂无|\/)$/;
const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/;
const COUNT_WORD = /(?:件|个|项|条|次|人|家|宗|起)$/;

const PLAIN_DIGITS = /^\d{1,15}$/;

export function readCell(raw: string, column?: ColumnDef): CellReading {
	// the common cells, answered without the normalising below: blank, and plain ASCII digits short enough to
	// be exact (what the full path gives them too: no unit, sign, decimal or separator to check)
	if (raw === '') return { kind: 'blank' };
	if (PLAIN_DIGITS.test(raw)) return { kind: 'number', value: Number(raw) };
	let s = raw
		.normalize('NFKC')
		.replace(/\[bookmark:[^\]]*\]/g, '')
		.replace(/[\s\u00a0\u3000]+/g, ' ')
		.trim();
	if (s === '') return { kind: 'blank' };
	// "1 2" may be 12 or two numbers fused from neighbouring cells: never guess
	if (/\d[ ,.]*\s[ ,.]*\d/.test(s)) return { kind: 'unreadable', reason: `“${raw.trim()}”中数字之间有空格，可能是两个数字粘连` };
	s = s.replace(/ /g, '');
	if (PLACEHOLDER.test(s)) return { kind: 'placeholder', note: `占位符“${raw.trim()}”按空白处理` };

	let note: string | undefined;
	let factor = 1;
	const unit = s.match(/(万元|元)$/)?.[1];
	if (unit) {
		s = s.slice(0, -unit.length);
		if (!column?.unit) return { kind: 'unreadable', reason: `此栏不应有金额单位“${unit}”` };
		if (unit !== column.unit) {
			factor = unit === '万元' ? 10000 : 1 / 10000;
			note = `单位换算：${unit} → ${column.unit}`;
		}
	} else s = s.replace(COUNT_WORD, '');

	const m = s.match(NUMBER);
	if (!m) return { kind: 'unreadable', reason: `“${raw.trim()}”不是一个数字` };
	const negative = m[1] === '-';
	if (negative && !column?.allowNegative) return { kind: 'unreadable', reason: `此栏不能为负数：“${raw.trim()}”` };
	if (m[3] && !column?.allowDecimal) return { kind: 'unreadable', reason: `此栏应为整数：“${raw.trim()}”` };
	// more digits than a double holds exactly (an ID or phone number in a cell): never a rounded value
	const digits = (m[2].replaceAll(',', '') + (m[3] ?? '').slice(1)).replace(/^0+/, '');
	if (digits.length > 15) return { kind: 'unreadable', reason: `数字位数过多，无法精确读取：“${raw.trim()}”` };
	let value = Number(m[2].replaceAll(',', '') + (m[3] ?? ''));
	if (negative && value !== 0) value = -value; // never a -0
	if (factor !== 1) value = Math.round(value * factor * 1e6) / 1e6;
	if (!Number.isFinite(value)) return { kind: 'unreadable', reason: `数值超出范围：“${raw.trim()}”` };
	return note ? { kind: 'number', value, note } : { kind: 'number', value };
}

/** A cell that holds a value or a placeholder (not a label). */
export function isValueLike(raw: string): boolean {
	const r = readCell(raw, { key: '', label: '', unit: '元', allowDecimal: true, allowNegative: true });
	return r.kind !== 'unreadable';
}
