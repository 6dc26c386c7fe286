import { describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { cellKinds, DECIMAL_CELLS, reportsTable, toIpc } from './arrow';
import type { CheckedReport } from '../check';

const cells = (c: Record<string, number | null>) => ({ cells: c });

describe('cellKinds: the narrowest type that holds every value of the set', () => {
	it('picks Int8, Int16, Int32 by range and Float64 beyond Int32 or for a fraction', () => {
		const k = cellKinds([
			cells({ 't3.new.total': 127, 't3.granted.total': -128, 't4.review.total': 128, 't3.partial.total': 40000, 't3.total.total': null }),
			cells({ 't3.new.total': 0, 't4.review.total': -32768, 't3.partial.total': -2147483648, 't4.review.upheld': 2147483648, 't4.review.other': 1.5 })
		]);
		expect(k.get('t3.new.total')).toBe('int8');
		expect(k.get('t3.granted.total')).toBe('int8');
		expect(k.get('t4.review.total')).toBe('int16');
		expect(k.get('t3.partial.total')).toBe('int32');
		expect(k.get('t4.review.upheld')).toBe('float64');
		expect(k.get('t4.review.other')).toBe('float64');
		expect(k.has('t3.total.total')).toBe(false); // only blanks: Int8
	});

	it('the template’s decimal columns are Float64 whatever the data; accumulating report by report gives the same types', () => {
		expect([...DECIMAL_CELLS].sort()).toEqual(['t2.fees.amount', 't2.procurement.amount']);
		const rs = [cells({ 't2.fees.amount': 3, 't3.new.total': 5 }), cells({ 't3.new.total': 500 }), cells({ 't3.new.total': 70000 })];
		const one = new Map();
		for (const r of rs) cellKinds([r], one);
		expect(one).toEqual(cellKinds(rs));
		expect(one.get('t2.fees.amount')).toBe('float64');
		expect(one.get('t3.new.total')).toBe('int32');
	});

	it('reportsTable writes the types it is given and reads back every value exactly', () => {
		const r = { id: 'a', source: { file: 'a.txt' }, meta: { year: 2024 }, format: '2021', findings: [], cells: { 't3.new.total': 300, 't2.fees.amount': 0.5, 't4.review.total': null } } as unknown as CheckedReport;
		const t = tableFromIPC(toIpc(reportsTable([r])));
		const type = (c: string) => String(t.schema.fields.find((f) => f.name === c)?.type);
		expect([type('t3_new_total'), type('t2_fees_amount'), type('t4_review_total')]).toEqual(['Int16', 'Float64', 'Int8']);
		expect(t.get(0)?.toJSON()).toMatchObject({ t3_new_total: 300, t2_fees_amount: 0.5, t4_review_total: null });
	});
});
