import { describe, expect, it } from 'vitest';
import { Bool, Float64, Int8, Int16, Int32, Table, Utf8, tableFromIPC, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import { boolColumn, float64Column, int8Column, int16Column, int32Column, utf8Column } from './columns';

/** Write both tables as IPC and read them back: the values a reader (DuckDB) sees. */
const roundTrip = (cols: Record<string, Vector>) =>
	tableFromIPC(tableToIPC(new Table(cols), 'stream'))
		.toArray()
		.map((r) => r.toJSON());

describe('Arrow columns without builders (no new Function, CSP-safe)', () => {
	it('read back exactly as apache-arrow’s own builders write them, nulls as nulls', () => {
		const nums = [0, 1.5, null, -3, 1e9, null, 42];
		const ints = [2019, null, 2025, 0, null, -1, 7];
		const bools = [true, false, null, true, true, null, false];
		const strs = ['库普乡', '', null, '<script>alert(1)</script>', 'a'.repeat(300), null, '演示数据'];
		const ours = roundTrip({ n: float64Column(nums), i: int32Column(ints), b: boolColumn(bools), s: utf8Column(strs) });
		const theirs = roundTrip({
			n: vectorFromArray(nums, new Float64()),
			i: vectorFromArray(ints, new Int32()),
			b: vectorFromArray(bools, new Bool()),
			s: vectorFromArray(strs, new Utf8())
		});
		expect(ours).toEqual(theirs);
		expect(ours[2]).toEqual({ n: null, i: 2025, b: null, s: null });
		expect(ours[3]).toEqual({ n: -3, i: 0, b: true, s: '<script>alert(1)</script>' });
		expect(ours[0].s).toBe('库普乡');
	});

	it('undefined is a null too (the builders would write NaN, 0, false or "")', () => {
		const row = roundTrip({ n: float64Column([undefined]), i: int32Column([undefined]), b: boolColumn([undefined]), s: utf8Column([undefined]) })[0];
		expect(row).toEqual({ n: null, i: null, b: null, s: null });
	});

	it('Int8 and Int16 columns at their limits, nulls as nulls', () => {
		const i8 = [-128, 127, null, 0];
		const i16 = [-32768, 32767, null, 128];
		const ours = roundTrip({ a: int8Column(i8), b: int16Column(i16) });
		expect(ours).toEqual(roundTrip({ a: vectorFromArray(i8, new Int8()), b: vectorFromArray(i16, new Int16()) }));
		expect(ours.map((r) => [r.a, r.b])).toEqual([[-128, -32768], [127, 32767], [null, null], [0, 128]]);
	});

	it('a column without nulls and an empty column', () => {
		expect(roundTrip({ n: float64Column([1, 2]) }).map((r) => r.n)).toEqual([1, 2]);
		expect(roundTrip({ s: utf8Column([]) })).toEqual([]);
	});
});
