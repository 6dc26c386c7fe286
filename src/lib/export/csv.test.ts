import { describe, expect, it } from 'vitest';
import { BOM, csvCell, toCsv } from './csv';

describe('csv', () => {
	it('writes numbers as numbers, blanks as empty, never 0', () => {
		expect(csvCell(12)).toBe('12');
		expect(csvCell(-3)).toBe('-3');
		expect(csvCell(0.455)).toBe('0.455');
		expect(csvCell(0)).toBe('0');
		expect(csvCell(null)).toBe('');
		expect(csvCell(Number.NaN)).toBe('');
	});
	it('guards text cells a spreadsheet would run as a formula', () => {
		expect(csvCell('=1+2')).toBe("'=1+2");
		expect(csvCell('+86')).toBe("'+86");
		expect(csvCell('-3')).toBe("'-3");
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvCell('\tx')).toBe("'\tx");
		expect(csvCell('\rx')).toBe('"\'\rx"');
		expect(csvCell('托里县')).toBe('托里县');
	});
	it('quotes per RFC 4180', () => {
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('他说"好"')).toBe('"他说""好"""');
		expect(csvCell('一\n二')).toBe('"一\n二"');
		expect(csvCell(' x')).toBe('" x"');
	});
	it('starts with the BOM, CRLF lines', () => {
		const text = toCsv({
			columns: [{ label: '单位' }, { label: '新收申请（件）', num: true }],
			rows: [
				['甲局', 5],
				['乙局', null],
				['=HYPERLINK("x")', 0]
			]
		});
		expect(text.startsWith(BOM)).toBe(true);
		expect(text).toBe('\uFEFF单位,新收申请（件）\r\n甲局,5\r\n乙局,\r\n"\'=HYPERLINK(""x"")",0\r\n');
	});
	it('with a stamp: title, unit, filters, source, demo, date, an empty line, then the table', () => {
		const text = toCsv(
			{ columns: [{ label: '单位' }, { label: '新收申请（件）', num: true }], rows: [['甲局', 5]] },
			{
				title: '新收申请',
				unit: '件',
				demo: true,
				date: new Date(2026, 10, 24),
				scope: { where: '托里县', years: [2024], filters: [{ label: '地区', value: '托里县' }, { label: '年份', value: '2024年' }] }
			}
		);
		expect(text.slice(1).split('\r\n')).toEqual([
			'标题,新收申请',
			'单位,件',
			'地区,托里县',
			'年份,2024年',
			'筛选条件,地区：托里县；年份：2024年',
			'数据来源,各单位政府信息公开工作年度报告（含演示数据）',
			'演示数据,含演示数据（不是真实报告）',
			'生成日期,2026-11-24',
			'',
			'单位,新收申请（件）',
			'甲局,5',
			''
		]);
	});
});
