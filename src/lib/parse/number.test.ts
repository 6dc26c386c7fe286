import { describe, expect, it } from 'vitest';
import { readCell } from './number';
import type { ColumnDef } from '../template';

const count: ColumnDef = { key: 'natural', label: '自然人' };
const wan: ColumnDef = { key: 'amount', label: '本年收费金额', unit: '万元', allowDecimal: true };
const yuan: ColumnDef = { key: 'amount', label: '采购总金额', unit: '元', allowDecimal: true };
const change: ColumnDef = { key: 'change', label: '本年增/减', allowNegative: true };

describe('readCell', () => {
	it.each([
		['0', count, 0],
		['859', count, 859],
		['3,985,758', count, 3985758],
		['１２', count, 12],
		[' 12 件', count, 12],
		['96171.6', wan, 96171.6],
		['0.000123', wan, 0.000123],
		['251000元', yuan, 251000],
		['2.51万元', yuan, 25100],
		['-3', change, -3],
		['-0', change, 0],
		['123456789012345', count, 123456789012345],
		['0.000000000000001', wan, 1e-15]
	] as const)('%s reads as %d', (raw, col, value) => {
		expect(readCell(raw, col)).toMatchObject({ kind: 'number', value });
	});

	it.each(['', ' ', '\u3000', '\u00a0'])('%j is blank, not zero', (raw) => {
		expect(readCell(raw, count)).toEqual({ kind: 'blank' });
	});

	it.each(['—', '-', '/', '无'])('%s is a placeholder read as blank', (raw) => {
		expect(readCell(raw, count).kind).toBe('placeholder');
	});

	it.each([
		['1 2', count, /粘连/],
		['20 0', count, /粘连/],
		['12.5', count, /整数/],
		['-3', count, /负数/],
		['5元', count, /金额单位/],
		['abc', count, /不是一个数字/],
		['1,23', count, /不是一个数字/],
		['12a', count, /不是一个数字/],
		// found by test/fuzz: 18 digits (an ID number in a cell) were read as 600004012345678800
		['600004012345678901', count, /位数过多/],
		['1234567890123456.5', yuan, /位数过多/]
	] as const)('%s is unreadable, never guessed', (raw, col, reason) => {
		const r = readCell(raw, col);
		expect(r.kind).toBe('unreadable');
		expect(r.kind === 'unreadable' && r.reason).toMatch(reason);
	});
});
