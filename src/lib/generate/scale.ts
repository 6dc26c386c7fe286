/**
 * Scale data: as many reports as asked (a province is ~100k over seven years) from many generated
 * counties, each with its government, ten departments and 6–14 townships, 2019–2025, with the demo
 * county's distributions and its kinds of faults at small random rates. A generator: reports come
 * one at a time (body by body, year by year) so that 100k files never sit in memory.
 *
 * Place names are made from a pool of characters that keeps the parser's place splitting unambiguous
 * (no 县/区/市/镇/乡 and no character the county/township patterns look ahead for), unique per run.
 */
import { assemble, type PrintFaults } from './assemble';
import type { GeneratedReport } from './demo';
import type { Charset, FileKind } from './files';
import { OTHER_ROWS, initialState, printedIds, simulateYear, type BodyKind, type Profile, type YearOptions } from './model';
import { DEPARTMENTS, GOVERNMENT, SEAT_TOWNSHIP, TOWNSHIP, YEARS, formatOfYear } from './profiles';
import { rng, seedOf, type Rand } from './random';

export const SCALE_SEED = 1;

/**
 * Version of what scale runs write, kept with cached sets (bench/scale/<N>/.complete) so a set
 * written by an older generator is written again: 2 = PDFs in the mix (10% by default).
 */
export const SCALE_VERSION = 'scale-files 2';

export interface ScaleReport extends GeneratedReport {
	/** Path under the output folder: <county code>/<file>. */
	path: string;
}

export interface ScaleOptions {
	seed?: number;
	/** Share of .docx files (default 0.1). */
	docxShare?: number;
	/** Share of web pages (default 0.35; a third of them GBK). */
	htmlShare?: number;
	/** Share of PDFs (default 0.1). */
	pdfShare?: number;
}

/** Rates of the planted faults per report. */
export const SCALE_FAULT_RATES = {
	missing: 0.02,
	r3: 0.01,
	r4: 0.01,
	blank: 0.02,
	n1: 0.02,
	x1: 0.01,
	singleOther: 0.05,
	typo: 0.05,
	cleanup: 0.05
};

const POOL = [...'安宁平和丰泰康永兴福清河山阳昌德顺林源新庆华远明江溪石桥云岭青白金玉东西南北乐沙泉湖'];

/** The i-th county name (two characters while they last, then three), unique for a seed. */
function nameList(seed: number): (i: number) => string {
	const r = rng(seedOf(seed, 'names'));
	const pairs: string[] = [];
	for (const a of POOL) for (const b of POOL) if (a !== b) pairs.push(a + b);
	for (let i = pairs.length - 1; i > 0; i--) {
		const j = Math.floor(r.next() * (i + 1));
		[pairs[i], pairs[j]] = [pairs[j], pairs[i]];
	}
	return (i) => (i < pairs.length ? pairs[i] : pairs[i % pairs.length] + POOL[Math.floor(i / pairs.length) % POOL.length]);
}

interface ScaleBody {
	code: string;
	name: string;
	kind: BodyKind;
	self: string;
	profile: Profile;
	township: string | null;
	thousands?: boolean;
	feeDecimals?: number;
}

function countyBodies(county: string, r: Rand): ScaleBody[] {
	const bodies: ScaleBody[] = [
		{ code: 'gov', name: '人民政府', kind: 'government', self: '县人民政府', profile: GOVERNMENT, township: null },
		...DEPARTMENTS.map((d) => ({ code: d.code, name: d.name, kind: 'department' as const, self: d.self, profile: d.profile, township: null, thousands: d.thousands, feeDecimals: d.feeDecimals }))
	];
	const n = r.int(6, 14);
	const used = new Set<string>([county]);
	for (let i = 0; bodies.length < 11 + n; i++) {
		const name = r.pick(POOL) + r.pick(POOL);
		if (used.has(name) || name[0] === name[1]) continue;
		used.add(name);
		const t = name + (r.chance(0.4) ? '镇' : '乡');
		bodies.push({ code: `t${String(bodies.length - 10).padStart(2, '0')}`, name: t, kind: 'township', self: t, profile: i === 0 ? SEAT_TOWNSHIP : TOWNSHIP, township: t });
	}
	return bodies;
}

function fileKind(r: Rand, o: ScaleOptions): { kind: FileKind; charset?: Charset } {
	const x = r.next();
	const docx = o.docxShare ?? 0.1;
	const html = o.htmlShare ?? 0.35;
	const pdf = o.pdfShare ?? 0.1;
	if (x < docx) return { kind: 'docx' };
	if (x < docx + html) return { kind: 'html', charset: r.chance(1 / 3) ? 'gbk' : 'utf-8' };
	if (x >= 1 - pdf) return { kind: 'pdf' };
	return { kind: 'txt' };
}

/** N reports, one at a time. */
export function* scaleReports(n: number, o: ScaleOptions = {}): Generator<ScaleReport> {
	const seed = o.seed ?? SCALE_SEED;
	const name = nameList(seed);
	const rates = SCALE_FAULT_RATES;
	let emitted = 0;
	for (let ci = 0; emitted < n; ci++) {
		const county = `${name(ci)}县`;
		const ccode = `c${String(ci + 1).padStart(4, '0')}`;
		for (const b of countyBodies(county, rng(seedOf(seed, 'county', ci)))) {
			let state = initialState(b.profile, rng(seedOf(seed, ccode, b.code, 'init')));
			for (const year of YEARS) {
				if (emitted >= n) return;
				const format = formatOfYear(year);
				const r = rng(seedOf(seed, ccode, b.code, year));
				const f = rng(seedOf(seed, 'faults', ccode, b.code, year));
				const faults: string[] = [];
				const model: YearOptions = {};
				const print: PrintFaults = {};
				if (year > 2019 && f.chance(rates.x1)) {
					model.carriedAdjust = { natural: 1 };
					faults.push('x1-carry-over');
				}
				if (b.profile.normative && format === '2021' && year > 2021 && f.chance(rates.cleanup)) {
					model.cleanup = f.int(1, 6);
					faults.push('x2-cleanup');
				}
				const values = simulateYear(b.profile, state, format, r, model);
				state = values.next;
				if (f.chance(rates.missing)) continue;
				if (f.chance(rates.r3)) {
					print.r3 = { row: 'granted', column: 'natural', delta: 1 };
					faults.push('r3-total');
				}
				if (values.cells['t4.review.total'] > 0 && f.chance(rates.r4)) {
					print.r4 = { group: 'review', delta: -1 };
					faults.push('r4-total');
				}
				if (f.chance(rates.n1)) {
					print.n1 = f.int(1, 5);
					faults.push('n1-prose');
				}
				if (format === '2021' && f.chance(rates.singleOther)) {
					print.singleOther = true;
					faults.push('single-other-row');
				} else if (format === '2021' && f.chance(rates.typo)) {
					print.typos = { '缴纳费用、行政机关不再处理': '缴纳费用、行政机关不现处理' };
					faults.push('label-typo');
				}
				if (f.chance(rates.blank)) {
					const zeros = printedIds(format).filter(
						(id) => values.cells[id] === 0 && id.startsWith('t3.') && !id.endsWith('.total') && !(print.singleOther && OTHER_ROWS.some((row) => id.startsWith(`t3.${row}.`)))
					);
					if (zeros.length) {
						print.blank = [f.pick(zeros)];
						faults.push('blank-cell');
					}
				}
				const title = `${county}${b.name}${year}年政府信息公开工作年度报告`;
				const a = assemble(
					{ title, kind: b.kind, self: b.self, year, format, values, style: { thousands: b.thousands, feeDecimals: b.feeDecimals, yuan: b.kind === 'government' }, faults: print, cleanup: model.cleanup },
					r
				);
				const { kind, charset } = fileKind(f, o);
				const file = `${ccode}_${b.code}_${year}.${kind}`;
				emitted++;
				yield {
					path: `${ccode}/${file}`,
					file,
					kind,
					...(charset ? { charset } : {}),
					docxSeed: seedOf(seed, 'docx', ccode, b.code, year),
					site: `${county}人民政府办公室`,
					code: `${ccode}_${b.code}`,
					body: `${county}${b.name}`,
					county,
					township: b.township,
					year,
					format,
					spec: a.spec,
					expected: a.expected,
					prose: a.prose,
					zero: values.zero,
					x2Break: values.x2Break,
					faults: faults as GeneratedReport['faults']
				};
			}
		}
	}
}
