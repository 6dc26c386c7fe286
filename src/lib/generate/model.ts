/**
 * The numbers of generated reports: one body's tables year after year, internally consistent by
 * construction. Table 3 is built per applicant column (new + carried = results + forward, so R1 and
 * R3 hold), its 总计 column is the sum of the applicant columns (R2), table 4's 总计 is the sum of
 * its results (R4), a year's 上年结转 is the previous year's 结转下年度 (X1) and the normative
 * documents in force chain from year to year (X2). Distributions follow a body's profile: townships
 * mostly zeros, a county government tens of requests, departments in between.
 *
 * Pure: the same profile, state and random stream always give the same numbers.
 */
import { cellsOf, tableOf, type FormatVersion } from '../template';
import type { Rand } from './random';

export type BodyKind = 'township' | 'government' | 'department';

export const APPLICANTS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org'] as const;
export type Applicant = (typeof APPLICANTS)[number];
export const T3_COLUMNS = [...APPLICANTS, 'total'] as const;

/** [lo, hi]: a log-uniform draw (most values near lo, a few near hi); [0, 0] is never. */
export type Range = readonly [number, number];

export interface Profile {
	kind: BodyKind;
	/** Requests received a year: none with probability `none`, else log-uniform in the range. */
	requests: { none: number; range: Range };
	/** Share of requests from organisations (the rest from natural persons). */
	orgShare: number;
	/** Probability that a request received this year is still open at year end (结转下年度). */
	carry: number;
	/** Mean administrative reviews and lawsuits a year. */
	reviews: number;
	suits: number;
	/** Normative documents: issued and repealed a year, and in force at the start. */
	normative?: { issued: Range; repealed: Range; start: number };
	/** Decisions a year (表二 第二十条第（五）（六）项): none with probability 0.15 (强制 0.4), else log-uniform; [0, 0] is never. */
	licensing: Range;
	penalty: Range;
	coercion: Range;
	/** 行政事业性收费 a year in 万元 (uniform in the range); [0, 0] for none. */
	fees: Range;
	/** Items proactively published a year (quoted in the prose). */
	proactive: Range;
}

/** What one year hands on to the next. */
export interface BodyState {
	/** 结转下年度 per applicant column. */
	forward: Record<Applicant, number>;
	/** Normative documents in force at the end of the year (2021 format). */
	inForce: number;
	/** 2019 format: 对外公开总数量 of normative documents; 上一年项目数量 per item row. */
	publicTotal: number;
	items: Record<'licensing' | 'other_services' | 'penalty' | 'coercion' | 'fees', number>;
}

export interface YearOptions {
	/** No request, review or lawsuit this year (and nothing carried forward). */
	forceZero?: boolean;
	/** Nothing carried forward at year end (the next year is a real report with 上年结转 0). */
	forwardZero?: boolean;
	/** Added to 上年结转 per column: the X1 fault (the carried-over count does not match last year's). */
	carriedAdjust?: Partial<Record<Applicant, number>>;
	/** At least this many administrative reviews (so a table-4 fault has something to break). */
	minReviews?: number;
	/** At least this many requests. */
	minRequests?: number;
	/** Documents declared invalid in a clean-up that are not counted as 废止: in_force drops (X2 warning). */
	cleanup?: number;
}

export interface YearValues {
	/** Every printed cell of the format (the three 2021 （六） rows, not the single one) → its number. */
	cells: Record<string, number>;
	/** True when no request, review or lawsuit came in (the ZERO rule). */
	zero: boolean;
	/** True when in_force does not chain from last year (a clean-up). */
	x2Break: boolean;
	proactive: number;
}

const zeroCols = (): Record<Applicant, number> => ({ natural: 0, commercial: 0, research: 0, nonprofit: 0, legal: 0, other_org: 0 });

export function initialState(p: Profile, r: Rand): BodyState {
	const items = (range: Range) => (range[1] > 0 ? r.int(2, Math.min(40, 2 + Math.ceil(range[1] / 20))) : 0);
	const forward = zeroCols();
	// a few requests left over from 2018
	if (p.requests.range[1] > 0) for (const c of APPLICANTS) if (r.chance(p.carry * (c === 'natural' ? 2 : 0.5))) forward[c] = r.int(1, 2);
	return {
		forward,
		inForce: p.normative ? p.normative.start : 0,
		publicTotal: p.normative ? p.normative.start + r.int(0, 10) : 0,
		items: { licensing: items(p.licensing), other_services: items(p.licensing), penalty: items(p.penalty), coercion: items(p.coercion), fees: p.fees[1] > 0 ? r.int(1, 12) : 0 }
	};
}

/** Where a request's answer falls: result row keys of table 3 and their weights. */
const RESULTS_2021: [string, number][] = [
	['granted', 0.5],
	['partial', 0.08],
	['denied.state_secret', 0.003],
	['denied.law_forbidden', 0.01],
	['denied.security', 0.005],
	['denied.third_party', 0.03],
	['denied.internal', 0.02],
	['denied.process', 0.03],
	['denied.enforcement', 0.01],
	['denied.query', 0.02],
	['unable.not_held', 0.14],
	['unable.needs_creation', 0.04],
	['unable.unclear', 0.02],
	['rejected.petition', 0.03],
	['rejected.repeat', 0.02],
	['rejected.publication', 0.005],
	['rejected.excessive', 0.005],
	['rejected.confirm', 0.01],
	['other.overdue_correction', 0.015],
	['other.overdue_fee', 0.002],
	['other.misc', 0.02]
];
const RESULTS_2019: [string, number][] = [...RESULTS_2021.filter(([k]) => !k.startsWith('other.')), ['other', 0.037]];
const ORG_WEIGHTS: Record<Exclude<Applicant, 'natural'>, number> = { commercial: 0.55, research: 0.04, nonprofit: 0.06, legal: 0.2, other_org: 0.15 };
const T4_RESULTS = ['upheld', 'corrected', 'other', 'pending'] as const;
const T4_WEIGHTS = [0.6, 0.12, 0.18, 0.1];

/** Result rows of table 3 in a format (printed rows, not the 2021 single （六） alternative). */
export function resultRows(format: FormatVersion): string[] {
	return (format === '2019' ? RESULTS_2019 : RESULTS_2021).map(([k]) => k);
}

const printed = new Map<FormatVersion, string[]>();

/** The printed ids of a format (the 2021 format with its three （六） rows). */
export function printedIds(format: FormatVersion): string[] {
	let ids = printed.get(format);
	if (!ids) {
		ids = cellsOf(format)
			.filter((c) => !c.row.alternativeOf)
			.map((c) => c.id);
		printed.set(format, ids);
	}
	return ids;
}

function draw(r: Rand, range: Range, none = 0.15): number {
	if (range[1] <= 0 || r.chance(none)) return 0;
	return Math.max(range[0], r.logInt(range[0], range[1]));
}

function binomial(r: Rand, n: number, p: number): number {
	let k = 0;
	for (let i = 0; i < n; i++) if (r.chance(p)) k++;
	return k;
}

/** One year's numbers for a body; returns the state the next year starts from. */
export function simulateYear(p: Profile, state: BodyState, format: FormatVersion, r: Rand, o: YearOptions = {}): YearValues & { next: BodyState } {
	const cells: Record<string, number> = {};
	for (const id of printedIds(format)) cells[id] = 0;
	const next: BodyState = { forward: zeroCols(), inForce: state.inForce, publicTotal: state.publicTotal, items: { ...state.items } };

	/* ---- table 3, column by column ---- */
	let n = o.forceZero ? 0 : r.chance(p.requests.none) ? 0 : Math.max(1, r.logInt(Math.max(1, p.requests.range[0]), p.requests.range[1]));
	if (!o.forceZero && o.minRequests) n = Math.max(n, o.minRequests);
	const neu = zeroCols();
	const orgKeys = Object.keys(ORG_WEIGHTS) as Exclude<Applicant, 'natural'>[];
	const orgW = orgKeys.map((k) => ORG_WEIGHTS[k]);
	for (let i = 0; i < n; i++) neu[r.chance(p.orgShare) ? orgKeys[r.weighted(orgW)] : 'natural']++;
	const results = format === '2019' ? RESULTS_2019 : RESULTS_2021;
	const weights = results.map(([, w]) => w);
	for (const c of APPLICANTS) {
		const carried = o.forceZero ? 0 : state.forward[c] + (o.carriedAdjust?.[c] ?? 0);
		const forward = o.forceZero || o.forwardZero ? 0 : binomial(r, neu[c], p.carry);
		const done = neu[c] + carried - forward;
		cells[`t3.new.${c}`] = neu[c];
		cells[`t3.carried.${c}`] = carried;
		cells[`t3.forward.${c}`] = forward;
		cells[`t3.total.${c}`] = done;
		for (let i = 0; i < done; i++) cells[`t3.${results[r.weighted(weights)][0]}.${c}`]++;
		next.forward[c] = forward;
	}
	for (const row of ['new', 'carried', ...results.map(([k]) => k), 'total', 'forward'])
		cells[`t3.${row}.total`] = APPLICANTS.reduce((a, c) => a + cells[`t3.${row}.${c}`], 0);

	/* ---- table 4 ---- */
	const groups: [string, number][] = [
		['review', o.forceZero ? 0 : Math.max(r.poisson(p.reviews), o.minReviews ?? 0)],
		['suit_direct', o.forceZero ? 0 : r.poisson(p.suits * 0.6)],
		['suit_after_review', o.forceZero ? 0 : r.poisson(p.suits * 0.4)]
	];
	for (const [g, count] of groups) {
		for (let i = 0; i < count; i++) cells[`t4.${g}.${T4_RESULTS[r.weighted(T4_WEIGHTS)]}`]++;
		cells[`t4.${g}.total`] = count;
	}

	/* ---- table 2 ---- */
	const issued = p.normative ? draw(r, p.normative.issued, 0.1) : 0;
	const repealed = p.normative ? Math.min(draw(r, p.normative.repealed, 0.5), state.inForce) : 0;
	const cleanup = Math.min(o.cleanup ?? 0, state.inForce - repealed);
	const licensing = draw(r, p.licensing);
	const penalty = draw(r, p.penalty);
	const coercion = draw(r, p.coercion, 0.4);
	const fees = p.fees[1] > 0 && !r.chance(0.1) ? p.fees[0] + r.next() * (p.fees[1] - p.fees[0]) : 0;
	if (format === '2021') {
		next.inForce = state.inForce + issued - repealed - cleanup;
		Object.assign(cells, {
			't2.normative.issued': issued,
			't2.normative.repealed': repealed,
			't2.normative.in_force': next.inForce,
			't2.licensing.decisions': licensing,
			't2.penalty.decisions': penalty,
			't2.coercion.decisions': coercion,
			't2.fees.amount': fees
		});
	} else {
		next.publicTotal = state.publicTotal + issued;
		next.inForce = state.inForce + issued - repealed;
		Object.assign(cells, {
			't2.normative.made': issued,
			't2.normative.published': issued,
			't2.normative.public_total': next.publicTotal
		});
		const itemRow = (key: keyof BodyState['items'], decisions: number | undefined) => {
			const prev = state.items[key];
			const change = prev > 0 ? Math.max(-prev, r.weighted([0.15, 0.6, 0.15, 0.1]) - 1) : 0;
			next.items[key] = prev + change;
			cells[`t2.${key}.prev_items`] = prev;
			cells[`t2.${key}.change`] = change;
			if (decisions !== undefined) cells[`t2.${key}.decisions`] = decisions;
		};
		itemRow('licensing', licensing);
		itemRow('other_services', Math.round(licensing * r.next() * 0.5));
		itemRow('penalty', penalty);
		itemRow('coercion', coercion);
		itemRow('fees', undefined);
		const procurement = p.kind === 'township' ? r.int(0, 3) : r.int(1, p.kind === 'government' ? 30 : 8);
		cells['t2.procurement.items'] = procurement;
		cells['t2.procurement.amount'] = procurement * r.int(2, 60) * 1000;
	}

	const zero = cells['t3.new.total'] === 0 && groups.every(([, c]) => c === 0);
	const proactive = draw(r, p.proactive, 0);
	return { cells, zero, x2Break: cleanup > 0, proactive, next };
}

/** The ids of the three 2021 （六） rows and the single row they collapse into. */
export const OTHER_ROWS = tableOf('2021', 't3').blocks[0].rows.filter((r) => r.key.startsWith('other.')).map((r) => r.key);
