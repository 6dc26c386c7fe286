/**
 * The sum rules inside one report (R1–R4). Every rule is "a total equals the sum of its parts";
 * a blank part makes the rule unverifiable (reported with the blank cells and whether it would hold
 * if blanks were zeros), an unreadable or unprinted cell takes the rule out of play for that line.
 */
import type { Report } from '../parse';
import { FORMATS, cellId, tableOf, type FormatVersion } from '../template';
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
		const v = r.cells[id];
		if (v === undefined && !(id in r.cells)) absent.push(id);
		else if (v === null) blanks.push(id);
		else sum += v as number;
	}
	return { sum, blanks, absent };
}

export function checkSum(r: Report, s: SumSpec): Finding | undefined {
	const L = side(r, s.left);
	const R = side(r, s.right);
	if (L.absent.length || R.absent.length) return undefined; // the missing/parse findings name those cells
	const blanks = [...L.blanks, ...R.blanks];
	if (!blanks.length && Math.abs(L.sum - R.sum) < EPS) return undefined; // holds: the common case, nothing to build
	const cells = [...s.left, ...s.right];
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

/** Result rows of table 3 (the rows R3 adds up) with their cell ids, per format. */
interface ResultRow {
	key: string;
	total: string;
	applicants: string[];
	/** The row's cell in each of the R3 columns (APPLICANTS, then total). */
	byCol: string[];
}

/** The specs that do not depend on the report (R1, R2, R4) and table 3's result rows, built once per format. */
interface Specs {
	r1: SumSpec[];
	r2: SumSpec[];
	r4: SumSpec[];
	results: ResultRow[];
	/** R3's right side per column. */
	r3Right: string[][];
}

const COLS = [...APPLICANTS, 'total'];
const specsByFormat = new Map<FormatVersion, Specs>();

function specsOf(format: FormatVersion): Specs {
	let sp = specsByFormat.get(format);
	if (sp) return sp;
	const r1 = COLS.map((c) => ({
		rule: 'R1' as const,
		left: [cellId('t3', 'new', c), cellId('t3', 'carried', c)],
		right: [cellId('t3', 'total', c), cellId('t3', 'forward', c)],
		leftName: '第一项+第二项',
		rightName: '第三项+第四项',
		scope: `${COL_NAMES[c]}一栏`
	}));
	const t3rows = tableOf(format, 't3').blocks[0].rows;
	const r2 = t3rows.map((row) => ({
		rule: 'R2' as const,
		left: APPLICANTS.map((c) => cellId('t3', row.key, c)),
		right: [cellId('t3', row.key, 'total')],
		leftName: '各类申请人之和',
		rightName: '总计',
		scope: `“${row.label}”一行`
	}));
	const results = t3rows
		.map((row) => row.key)
		.filter((k) => !['new', 'carried', 'total', 'forward'].includes(k))
		.map((k) => ({
			key: k,
			total: cellId('t3', k, 'total'),
			applicants: APPLICANTS.map((c) => cellId('t3', k, c)),
			byCol: COLS.map((c) => cellId('t3', k, c))
		}));
	const t4 = FORMATS[format].tables.find((t) => t.key === 't4')!.blocks[0];
	const r4 = t4.rows.map((g) => ({
		rule: 'R4' as const,
		left: ['upheld', 'corrected', 'other', 'pending'].map((k) => cellId('t4', g.key, k)),
		right: [cellId('t4', g.key, 'total')],
		leftName: '维持+纠正+其他+尚未审结',
		rightName: '总计',
		scope: g.group ? `${g.group}（${g.label}）` : g.label
	}));
	sp = { r1, r2, r4, results, r3Right: COLS.map((c) => [cellId('t3', 'total', c)]) };
	specsByFormat.set(format, sp);
	return sp;
}

/** Result rows of table 3 that the report prints (the （六） rows vary). */
function resultRows(r: Report, sp: Specs): ResultRow[] {
	return sp.results.filter((row) => row.total in r.cells || row.applicants.some((id) => id in r.cells));
}

export function sumRules(r: Report): Finding[] {
	if (!r.format) return [];
	const sp = specsOf(r.format);
	const out: Finding[] = [];
	const add = (f: Finding | undefined) => {
		if (f) out.push(f);
	};
	for (const spec of sp.r1) add(checkSum(r, spec));
	for (const spec of sp.r2) add(checkSum(r, spec));
	const results = resultRows(r, sp);
	COLS.forEach((c, j) =>
		add(
			checkSum(r, {
				rule: 'R3',
				left: results.map((row) => row.byCol[j]),
				right: sp.r3Right[j],
				leftName: '各项办理结果之和',
				rightName: '（七）总计',
				scope: `${COL_NAMES[c]}一栏`
			})
		)
	);
	for (const spec of sp.r4) add(checkSum(r, spec));
	return out;
}
