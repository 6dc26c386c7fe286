/**
 * Label normalisation: the printed labels differ in numbering (一、 1、 1. （一） (一)), spacing,
 * quotes, trailing remarks in brackets and line wraps. Normalising both sides lets the template's
 * official labels match what a report prints.
 */

const NUMBERING = /^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、．.]|\d+\s*[、．.,，]|第[一二三四五六七八九十]+[、．.]?)/;

const memo = new Map<string, string>();

/** Collapse a printed label to its comparable core (memoised: the same labels recur in every report). */
export function normalizeLabel(text: string): string {
	let n = memo.get(text);
	if (n === undefined) {
		if (memo.size > 20000) memo.clear();
		n = normalizeUncached(text);
		memo.set(text, n);
	}
	return n;
}

function normalizeUncached(text: string): string {
	let s = text
		.normalize('NFKC')
		.replace(/\[bookmark:[^\]]*\]/g, '')
		.replace(/[\s\u3000\u00a0]+/g, '');
	// strip nested leading numbering such as 三、（一）
	for (let i = 0; i < 3; i++) {
		const m = s.match(NUMBERING);
		if (!m) break;
		s = s.slice(m[0].length);
	}
	// trailing remark in brackets: 部分公开（区分处理的，只计这一情形，不计其他情形）
	s = s.replace(/[（(][^（()）]*[)）]$/, '');
	return s.replace(/[“”"'‘’「」『』:：]/g, '');
}

/** Levenshtein distance, bounded: returns max+1 as soon as the distance exceeds max. */
export function editDistance(a: string, b: string, max: number): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const cur = [i];
		let best = i;
		for (let j = 1; j <= b.length; j++) {
			const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
			cur.push(v);
			if (v < best) best = v;
		}
		if (best > max) return max + 1;
		prev = cur;
	}
	return prev[b.length];
}

export interface LabelMatch<T> {
	item: T;
	/** True when the match needed typo tolerance (edit distance > 0). */
	fuzzy: boolean;
}

/**
 * Find the one entry whose label (or a variant) matches the text. Exact normalised matches win;
 * otherwise a unique best match within a small edit distance (long labels only) is returned as fuzzy.
 */
export function matchLabel<T>(
	text: string,
	entries: readonly T[],
	labelsOf: (e: T) => readonly string[]
): LabelMatch<T> | undefined {
	const n = normalizeLabel(text);
	if (!n) return undefined;
	for (const e of entries) if (labelsOf(e).some((l) => normalizeLabel(l) === n)) return { item: e, fuzzy: false };
	if (n.length < 5) return undefined;
	const max = Math.max(1, Math.floor(n.length / 8));
	let best: T | undefined;
	let bestD = max + 1;
	let tie = false;
	for (const e of entries) {
		for (const l of labelsOf(e)) {
			const d = editDistance(n, normalizeLabel(l), max);
			if (d < bestD) {
				bestD = d;
				best = e;
				tie = false;
			} else if (d === bestD && best !== e) tie = true;
		}
	}
	return best !== undefined && bestD <= max && !tie ? { item: best, fuzzy: true } : undefined;
}
