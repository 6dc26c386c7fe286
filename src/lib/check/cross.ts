/**
 * DUP: two or more reports of the same body and year (two files of one report, a draft beside the final
 * version): the dashboard would count them twice. Rules across the years of one body: X1 carried-over (N) = carried-forward (N−1), per column;
 * X2 (soft) normative documents in force (N) = in force (N−1) + issued (N) − repealed (N).
 * A body is identified by county + name, never by name alone (托里县托里镇 ≠ 精河县托里镇).
 */
import type { Report } from '../parse';
import { COL_NAMES, checkSum } from './sums';
import type { Finding } from './finding';

export function bodyKey(r: Report): string | undefined {
	if (!r.meta.body) return undefined;
	return [r.meta.province ?? '', r.meta.city ?? '', r.meta.county ?? '', r.meta.body].join('|');
}

const COLS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org', 'total'];

/** Pairs of consecutive-year reports of the same body. */
export function yearPairs(reports: Report[]): [Report, Report][] {
	const byBody = new Map<string, Map<number, Report>>();
	for (const r of reports) {
		const k = bodyKey(r);
		if (!k || r.meta.year === null) continue;
		const years = byBody.get(k) ?? new Map<number, Report>();
		if (!years.has(r.meta.year)) years.set(r.meta.year, r);
		byBody.set(k, years);
	}
	const pairs: [Report, Report][] = [];
	for (const years of byBody.values())
		for (const [y, r] of years) {
			const prev = years.get(y - 1);
			if (prev) pairs.push([prev, r]);
		}
	return pairs;
}

/** The two reports' cells side by side, with the previous year's ids prefixed by prev: */
function joined(prev: Report, cur: Report): Report {
	const cells: Record<string, number | null> = { ...cur.cells };
	for (const [k, v] of Object.entries(prev.cells)) cells[`prev:${k}`] = v;
	return { ...cur, cells };
}

/** How many file names a DUP message lists before “等 N 份”. */
const DUP_LISTED = 5;

/** A DUP warning on every report of a body and year that has more than one report. */
export function duplicates(reports: Report[]): Finding[] {
	const groups = new Map<string, Report[]>();
	for (const r of reports) {
		const k = bodyKey(r);
		if (!k || r.meta.year === null) continue;
		const key = `${k}|${r.meta.year}`;
		const g = groups.get(key);
		if (g) g.push(r);
		else groups.set(key, [r]);
	}
	const out: Finding[] = [];
	for (const g of groups.values()) {
		if (g.length < 2) continue;
		const names = g.map((r) => r.source?.file || r.id).sort();
		const listed = names.slice(0, DUP_LISTED).join('、') + (names.length > DUP_LISTED ? ` 等 ${names.length} 份` : '');
		for (const r of g)
			out.push({
				rule: 'DUP',
				severity: 'warning',
				status: 'notice',
				report: r.id,
				cells: [],
				expected: 1,
				actual: g.length,
				message: `“${r.meta.body}”${r.meta.year}年共有 ${g.length} 份报告（${listed}）：各项统计会重复计算，请核对后只保留一份`
			});
	}
	return out;
}

export function crossYear(reports: Report[]): Finding[] {
	const out: Finding[] = duplicates(reports);
	for (const [prev, cur] of yearPairs(reports)) {
		const both = joined(prev, cur);
		const py = prev.meta.year;
		for (const c of COLS) {
			const f = checkSum(both, {
				rule: 'X1',
				left: [`prev:t3.forward.${c}`],
				right: [`t3.carried.${c}`],
				leftName: `${py}年结转下年度`,
				rightName: `${cur.meta.year}年上年结转`,
				scope: `${COL_NAMES[c]}一栏`
			});
			if (f) out.push(unprefix(f, prev, 'error'));
		}
		if (prev.format === '2021' && cur.format === '2021') {
			const f = checkSum(both, {
				rule: 'X2',
				left: ['prev:t2.normative.in_force', 't2.normative.issued'],
				right: ['t2.normative.in_force', 't2.normative.repealed'],
				leftName: `${py}年现行有效+本年制发`,
				rightName: `${cur.meta.year}年现行有效+本年废止`,
				scope: '行政规范性文件'
			});
			if (f) out.push(unprefix(f, prev, 'warning'));
		}
	}
	return out;
}

function unprefix(f: Finding, prev: Report, failSeverity: 'error' | 'warning'): Finding {
	return {
		...f,
		severity: f.status === 'fail' ? failSeverity : f.severity,
		other: prev.id,
		cells: f.cells.map((id) => id.replace(/^prev:/, `${prev.id}#`)),
		blanks: f.blanks?.map((id) => id.replace(/^prev:/, `${prev.id}#`))
	};
}
