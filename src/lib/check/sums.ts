/**
 * The sum rules inside one report (R1–R4). Every rule is "a total equals the sum of its parts";
 * a blank part makes the rule unverifiable (reported with the blank cells and whether it would hold
 * if blanks were zeros), an unreadable or unprinted cell takes the rule out of play for that line.
 */
import type { Report } from '../parse';
import { FORMATS, cellId, tableOf } from '../template';
import { EPS, fmt, type Finding, type Rule } from './finding';

interface SumSpec {
	rule: Rule;
	/** The cells on the left side, added. */
	left: string[];
	/** The cells on the right side, added. */
	right: string[];
	/** Chinese description of each side, e.g. 第一项+第二项. */
	leftName: string;
	rightName: string;
	/** Where: e.g. 自然人一栏. */
	scope: string;
}

function side(r: Report, ids: string[]): { sum: number; blanks: string[]; absent: string[] } {
	let sum = 0;
	const blanks: string[] = [];
	const absent: string[] = [];
	for (const id of ids) {
		if (!(id in r.cells)) absent.push(id);
		else if (r.cells[id] === null) blanks.push(id);
		else sum += r.cells[id] as number;
	}
	return { sum, blanks, absent };
}

export function checkSum(r: Report, s: SumSpec): Finding | undefined {
	const L = side(r, s.left);
	const R = side(r, s.right);
	const cells = [...s.left, ...s.right];
	if (L.absent.length || R.absent.length) return undefined; // the missing/parse findings name those cells
	const blanks = [...L.blanks, ...R.blanks];
	const base = { rule: s.rule, report: r.id, cells, expected: L.sum, actual: R.sum };
	const text = () => `${s.scope}：${s.leftName}=${fmt(L.sum)}，${s.rightName}=${fmt(R.sum)}`; // only for a finding
	if (blanks.length) {
		const holds = Math.abs(L.sum - R.sum) < EPS;
		return {
			...base,
			severity: holds ? 'info' : 'warning',
			status: 'unverifiable',
			blanks,
			holdsIfBlankZero: holds,
			expected: blanks.some((b) => s.left.includes(b)) ? null : L.sum,
			actual: blanks.some((b) => s.right.includes(b)) ? null : R.sum,
			message: `${text()}（有 ${blanks.length} 个空白单元格，无法核对；若空白按 0 计则${holds ? '相符' : '仍不相符'}）`
		};
	}
	if (Math.abs(L.sum - R.sum) < EPS) return undefined;
	return { ...base, severity: 'error', status: 'fail', message: `${text()}，两者不等` };
}

const APPLICANTS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org'];
export const COL_NAMES: Record<string, string> = {
	natural: '自然人',
	commercial: '商业企业',
	research: '科研机构',
	nonprofit: '社会公益组织',
	legal: '法律服务机构',
	other_org: '其他法人或组织',
	total: '总计'
};

/** Result rows of table 3 that the report prints (the （六） rows vary). */
function resultRows(r: Report): string[] {
	if (!r.format) return [];
	const rows = tableOf(r.format, 't3').blocks[0].rows.map((row) => row.key);
	const results = rows.filter((k) => !['new', 'carried', 'total', 'forward'].includes(k));
	return results.filter((k) => cellId('t3', k, 'total') in r.cells || APPLICANTS.some((c) => cellId('t3', k, c) in r.cells));
}

export function sumRules(r: Report): Finding[] {
	if (!r.format) return [];
	const out: (Finding | undefined)[] = [];
	const cols = [...APPLICANTS, 'total'];
	for (const c of cols) {
		out.push(
			checkSum(r, {
				rule: 'R1',
				left: [cellId('t3', 'new', c), cellId('t3', 'carried', c)],
				right: [cellId('t3', 'total', c), cellId('t3', 'forward', c)],
				leftName: '第一项+第二项',
				rightName: '第三项+第四项',
				scope: `${COL_NAMES[c]}一栏`
			})
		);
	}
	const t3rows = tableOf(r.format, 't3').blocks[0].rows;
	for (const row of t3rows) {
		out.push(
			checkSum(r, {
				rule: 'R2',
				left: APPLICANTS.map((c) => cellId('t3', row.key, c)),
				right: [cellId('t3', row.key, 'total')],
				leftName: '各类申请人之和',
				rightName: '总计',
				scope: `“${row.label}”一行`
			})
		);
	}
	const results = resultRows(r);
	for (const c of cols) {
		out.push(
			checkSum(r, {
				rule: 'R3',
				left: results.map((k) => cellId('t3', k, c)),
				right: [cellId('t3', 'total', c)],
				leftName: '各项办理结果之和',
				rightName: '（七）总计',
				scope: `${COL_NAMES[c]}一栏`
			})
		);
	}
	const t4 = FORMATS[r.format].tables.find((t) => t.key === 't4')!.blocks[0];
	for (const g of t4.rows) {
		out.push(
			checkSum(r, {
				rule: 'R4',
				left: ['upheld', 'corrected', 'other', 'pending'].map((k) => cellId('t4', g.key, k)),
				right: [cellId('t4', g.key, 'total')],
				leftName: '维持+纠正+其他+尚未审结',
				rightName: '总计',
				scope: g.group ? `${g.group}（${g.label}）` : g.label
			})
		);
	}
	return out.filter((f): f is Finding => f !== undefined);
}
