/**
 * Arrow columns built straight from typed arrays with `makeData`, instead of `vectorFromArray`.
 * apache-arrow's builders compile their null test with `new Function` (builder/valid.mjs), which the
 * dashboard's Content-Security-Policy (no 'unsafe-eval') forbids: the browser upload writes its Arrow
 * tables with these. Nulls go into the validity bitmap (bit set = value present), never as 0.
 */
import { Bool, Float64, Int8, Int16, Int32, Utf8, makeData, makeVector, type Vector } from 'apache-arrow';

type Maybe<T> = T | null | undefined;

/** The validity bitmap of `values` and how many are null (no bitmap when none is). */
function validity(values: readonly unknown[]): { nullCount: number; nullBitmap: Uint8Array | undefined } {
	const bitmap = new Uint8Array((values.length + 7) >> 3);
	let nullCount = 0;
	values.forEach((v, i) => {
		if (v === null || v === undefined) nullCount++;
		else bitmap[i >> 3] |= 1 << (i & 7);
	});
	return { nullCount, nullBitmap: nullCount ? bitmap : undefined };
}

export function float64Column(values: readonly Maybe<number>[]): Vector<Float64> {
	const data = Float64Array.from(values, (v) => v ?? 0);
	return makeVector(makeData({ type: new Float64(), length: values.length, data, ...validity(values) }));
}

/** An integer column of `type`; every value must fit it (a typed array would wrap it silently: see store/arrow.ts). */
function intColumn<T extends Int8 | Int16 | Int32>(
	type: T,
	typed: { from(values: ArrayLike<Maybe<number>>, map: (v: Maybe<number>) => number): Int8Array | Int16Array | Int32Array },
	values: readonly Maybe<number>[]
): Vector<T> {
	const data = typed.from(values, (v) => v ?? 0);
	return makeVector(makeData({ type, length: values.length, data, ...validity(values) }));
}

export const int32Column = (values: readonly Maybe<number>[]) => intColumn(new Int32(), Int32Array, values);
export const int16Column = (values: readonly Maybe<number>[]) => intColumn(new Int16(), Int16Array, values);
export const int8Column = (values: readonly Maybe<number>[]) => intColumn(new Int8(), Int8Array, values);

export function boolColumn(values: readonly Maybe<boolean>[]): Vector<Bool> {
	const data = new Uint8Array((values.length + 7) >> 3);
	values.forEach((v, i) => {
		if (v) data[i >> 3] |= 1 << (i & 7);
	});
	return makeVector(makeData({ type: new Bool(), length: values.length, data, ...validity(values) }));
}

const utf8 = new TextEncoder();

export function utf8Column(values: readonly Maybe<string>[]): Vector<Utf8> {
	const parts = values.map((v) => (v === null || v === undefined ? new Uint8Array(0) : utf8.encode(v)));
	const valueOffsets = new Int32Array(values.length + 1);
	parts.forEach((p, i) => (valueOffsets[i + 1] = valueOffsets[i] + p.length));
	const data = new Uint8Array(valueOffsets[values.length]);
	parts.forEach((p, i) => data.set(p, valueOffsets[i]));
	return makeVector(makeData({ type: new Utf8(), length: values.length, valueOffsets, data, ...validity(values) }));
}
