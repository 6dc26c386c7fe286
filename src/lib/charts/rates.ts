/**
 * Rates with a minimum-count guard: a share of a handful of cases says nothing, so below the minimum the rate
 * is shown as 样本过少 and left out of any ranking. Blank counts give no rate at all (空白), never 0 %.
 */

/** Fewest cases (the denominator) a rate needs before it is shown and ranked. */
export const MIN_CASES = 10;

export type RateStatus = 'ok' | 'small' | 'blank' | 'none';

export interface Rate {
	/** Share 0–1 when status is 'ok'; null otherwise. */
	value: number | null;
	numerator: number | null;
	denominator: number | null;
	/** ok: shown and ranked; small: fewer than the minimum cases; blank: a count is blank; none: 0 cases. */
	status: RateStatus;
}

export function rate(numerator: number | null, denominator: number | null, min = MIN_CASES): Rate {
	if (numerator === null || denominator === null) return { value: null, numerator, denominator, status: 'blank' };
	if (denominator <= 0) return { value: null, numerator, denominator, status: 'none' };
	if (denominator < min) return { value: null, numerator, denominator, status: 'small' };
	return { value: numerator / denominator, numerator, denominator, status: 'ok' };
}

/** Sum of counts where a blank makes the sum blank (a rate over part of the cells would mislead). */
export function sumStrict(values: (number | null | undefined)[]): number | null {
	let n = 0;
	for (const v of values) {
		if (v === null || v === undefined) return null;
		n += v;
	}
	return n;
}

/** Sum of the counts that are filled; null only when all are blank. */
export function sumFilled(values: (number | null | undefined)[]): number | null {
	const filled = values.filter((v): v is number => v !== null && v !== undefined);
	return filled.length ? filled.reduce((a, b) => a + b, 0) : null;
}

export interface Ranked<T> {
	item: T;
	rate: Rate;
	/** 1-based rank among the rates that are shown (ties share a rank); null when not ranked. */
	rank: number | null;
}

/** Highest rate first; rates below the guard, blank or without cases follow, unranked, in their given order. */
export function rankRates<T>(items: T[], rateOf: (t: T) => Rate): Ranked<T>[] {
	const all = items.map((item) => ({ item, rate: rateOf(item), rank: null as number | null }));
	const ok = all.filter((x) => x.rate.status === 'ok').sort((a, b) => (b.rate.value ?? 0) - (a.rate.value ?? 0));
	let prev: number | null = null;
	let rank = 0;
	for (const [i, x] of ok.entries()) {
		if (x.rate.value !== prev) rank = i + 1;
		x.rank = rank;
		prev = x.rate.value;
	}
	return [...ok, ...all.filter((x) => x.rate.status !== 'ok')];
}

// made on first use, as format.ts's formatters: a page's first Intl object costs 30–70 ms
let pct: Intl.NumberFormat | undefined;

/** 62.5% · 样本过少 · 空白 · 无案件 */
export function formatRate(r: Rate): string {
	switch (r.status) {
		case 'ok':
			return (pct ??= new Intl.NumberFormat('zh-CN', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 })).format(r.value ?? 0);
		case 'small':
			return '样本过少';
		case 'blank':
			return '空白';
		default:
			return '无案件';
	}
}

/** One row of a rate chart. */
export interface RateItem {
	key: string;
	label: string;
	demo: boolean;
	href?: string;
	/** Counts in words for the tooltip, e.g. 予以公开或部分公开 12 件 / 办理 20 件. */
	detail: string;
}
