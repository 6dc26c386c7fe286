/**
 * The plain-JavaScript floor: the overview's headline total (Σ 表三 本年新收·总计 over the reports of a county and a
 * year range, blanks skipped) computed with plain loops over the columns of the same reports.arrow the app loads.
 * It also gives the value the browser run waits for after each filter change.
 */
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { dbColumn } from '../../src/lib/template';
import { median } from './stats';

export interface Filter {
	region: string | null;
	from: number;
	to: number;
}

export interface Columns {
	county: (string | null)[];
	year: (number | null)[];
	requests: (number | null)[];
}

export function decode(path: string): Columns {
	const t = tableFromIPC(readFileSync(path));
	const arr = <T>(name: string): (T | null)[] => {
		const v = t.getChild(name);
		if (!v) throw new Error(`${path}: no column ${name}`);
		const out: (T | null)[] = new Array(t.numRows);
		for (let i = 0; i < t.numRows; i++) out[i] = v.isValid(i) ? (v.get(i) as T) : null;
		return out;
	};
	return { county: arr<string>('county'), year: arr<number>('year'), requests: arr<number>(dbColumn('t3.new.total')) };
}

/** Σ of the filled values in scope (0 when none, as the headline card shows). */
export function requestsTotal(c: Columns, f: Filter): number {
	let sum = 0;
	const n = c.year.length;
	for (let i = 0; i < n; i++) {
		const y = c.year[i];
		if (y === null || y < f.from || y > f.to) continue;
		if (f.region !== null && c.county[i] !== f.region) continue;
		const v = c.requests[i];
		if (v !== null) sum += v;
	}
	return sum;
}

/** The counties with the most reports (the filter steps use two of them), and the year span. */
export function shape(c: Columns): { counties: string[]; first: number; last: number } {
	const count = new Map<string, number>();
	for (const k of c.county) if (k !== null) count.set(k, (count.get(k) ?? 0) + 1);
	const years = c.year.filter((y): y is number => y !== null);
	return {
		counties: [...count.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k),
		first: Math.min(...years),
		last: Math.max(...years)
	};
}

/** Time decode and the aggregation per filter (median over `runs`). */
export function timeFloor(path: string, filters: Filter[], runs: number) {
	const decodes: number[] = [];
	let cols: Columns | undefined;
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		cols = decode(path);
		decodes.push(performance.now() - t0);
	}
	const aggs: number[] = [];
	for (let i = 0; i < runs; i++)
		for (const f of filters) {
			const t0 = performance.now();
			requestsTotal(cols!, f);
			aggs.push(performance.now() - t0);
		}
	return { reports: cols!.year.length, decode_ms: median(decodes), aggregate_ms: median(aggs), cols: cols! };
}
