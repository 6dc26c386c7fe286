import { describe, expect, it } from 'vitest';
import { byCounty, countyRows } from './bycounty';

const row = (id: number, county: string | null) => ({ id, county });

describe('countyRows', () => {
	it('gives the rows of a county in their order, as filtering would', () => {
		const rows = [row(1, '甲县'), row(2, '乙县'), row(3, '甲县'), row(4, null), row(5, '甲县')];
		for (const c of ['甲县', '乙县', null, '丙县'])
			expect(countyRows(rows, c)).toEqual(rows.filter((r) => r.county === c));
		expect(countyRows(rows, '甲县').map((r) => r.id)).toEqual([1, 3, 5]);
	});

	it('groups once per row array: the same array per county, again for another row array', () => {
		const rows = [row(1, '甲县'), row(2, '乙县')];
		const a = countyRows(rows, '甲县');
		expect(countyRows(rows, '甲县')).toBe(a);
		expect(byCounty(rows)).toBe(byCounty(rows));
		const copy = [...rows];
		expect(countyRows(copy, '甲县')).not.toBe(a);
		expect(countyRows(copy, '甲县')).toEqual(a);
	});
});
