/** 表三 依申请公开: received, outcome categories and their sub-rows, applicant kinds, rates — as segments. */
import type { CellRow } from '$lib/db/queries';
import { rowsOf } from '$lib/template';
import type { Segment } from './chartdata';
import { rate, sumFilled, sumStrict, type Rate } from './rates';

const t3Rows = rowsOf('2021', 't3');
const labelOf = (key: string) => t3Rows.find((r) => r.key === key)?.label ?? (key === 'other' ? '其他处理' : key);

export const APPLICANTS = [
	{ key: 'natural', label: '自然人' },
	{ key: 'commercial', label: '商业企业' },
	{ key: 'research', label: '科研机构' },
	{ key: 'nonprofit', label: '社会公益组织' },
	{ key: 'legal', label: '法律服务机构' },
	{ key: 'other_org', label: '其他法人或组织' }
] as const;

export interface Outcome {
	key: string;
	label: string;
	/** Row keys of table 3 whose 总计 make up the category. */
	rows: string[];
}

const sub = (prefix: string) => t3Rows.filter((r) => r.key.startsWith(`${prefix}.`)).map((r) => r.key);

export const OUTCOMES: Outcome[] = [
	{ key: 'granted', label: '予以公开', rows: ['granted'] },
	{ key: 'partial', label: '部分公开', rows: ['partial'] },
	{ key: 'denied', label: '不予公开', rows: sub('denied') },
	{ key: 'unable', label: '无法提供', rows: sub('unable') },
	{ key: 'rejected', label: '不予处理', rows: sub('rejected') },
	// the 2019 format (and some 2021 reports) print one （六） row, others its three sub-rows
	{ key: 'other', label: '其他处理', rows: ['other', ...sub('other')] }
];

/** Categories that have sub-rows to drill into. */
export const DRILLABLE = ['denied', 'unable', 'rejected', 'other'] as const;
export type Drill = (typeof DRILLABLE)[number];

export const total = (row: string) => `t3.${row}.total`;

/** Every cell id the requests page reads. */
export const APPLICATION_IDS = [
	total('new'),
	total('carried'),
	total('total'),
	total('forward'),
	...OUTCOMES.flatMap((o) => o.rows.map(total)),
	...APPLICANTS.map((a) => `t3.new.${a.key}`)
];

/** A category's count: the sum of its printed sub-rows; null when every one is blank or absent. */
export function outcomeValue(r: CellRow, o: Outcome): number | null {
	return sumFilled(o.rows.map((k) => r.cells[total(k)]));
}

export const receivedSegments: Segment<CellRow>[] = [
	{ key: 'new', label: '本年新收', value: (r) => r.cells[total('new')] },
	{ key: 'carried', label: '上年结转', value: (r) => r.cells[total('carried')] }
];

export const outcomeSegments: Segment<CellRow>[] = OUTCOMES.map((o) => ({ key: o.key, label: o.label, value: (r) => outcomeValue(r, o) }));

/** The report prints the single （六）其他处理 row (2019 format, or a 2021 report that did not split it). */
export function singleOther(r: CellRow): boolean {
	return r.format === '2019' || (r.cells[total('other')] !== null && sub('other').every((k) => r.cells[total(k)] === null));
}

/** The sub-rows of one category as segments; the single （六） row applies only where the three are not printed. */
export function drillSegments(cat: Drill): Segment<CellRow>[] {
	const o = OUTCOMES.find((x) => x.key === cat)!;
	return o.rows.map((k) => ({
		key: k,
		label: k === 'other' ? '其他处理（未分项）' : labelOf(k),
		value: (r) => r.cells[total(k)],
		applies: (r) => (cat !== 'other' ? true : (k === 'other') === singleOther(r))
	}));
}

export const applicantSegments: Segment<CellRow>[] = APPLICANTS.map((a) => ({ key: a.key, label: a.label, value: (r) => r.cells[`t3.new.${a.key}`] }));

export function outcomeLabel(key: string): string {
	return OUTCOMES.find((o) => o.key === key)?.label ?? key;
}

/* ---- rates ---- */

export interface RateMetric {
	key: string;
	label: string;
	/** Outcome categories in the numerator; the denominator is （七）总计. */
	outcomes: string[];
}

export const RATE_METRICS: RateMetric[] = [
	{ key: 'open', label: '予以公开或部分公开', outcomes: ['granted', 'partial'] },
	{ key: 'granted', label: '予以公开', outcomes: ['granted'] },
	{ key: 'denied', label: '不予公开', outcomes: ['denied'] },
	{ key: 'unable', label: '无法提供', outcomes: ['unable'] },
	{ key: 'rejected', label: '不予处理', outcomes: ['rejected'] }
];

export function rateMetric(key: string): RateMetric {
	return RATE_METRICS.find((m) => m.key === key) ?? RATE_METRICS[0];
}

/** Counts of a rate over one or more reports (of one body): numerator and 办理结果总计, strict about blanks. */
export function outcomeRate(rows: CellRow[], m: RateMetric, min?: number): Rate {
	const num = sumStrict(rows.map((r) => sumStrict(m.outcomes.map((k) => outcomeValue(r, OUTCOMES.find((o) => o.key === k)!)))));
	const den = sumStrict(rows.map((r) => r.cells[total('total')]));
	return rate(num, den, min);
}
