/** A finding: a rule a report breaks, cannot be verified against, or something a reader must know. */
import { cellLabel } from '../template';

export type Rule = 'R1' | 'R2' | 'R3' | 'R4' | 'X1' | 'X2' | 'N1' | 'ZERO' | 'MISSING' | 'FORMAT' | 'PARSE' | 'RANGE' | 'DUP';
export type Severity = 'error' | 'warning' | 'info';
/** fail: the numbers disagree; unverifiable: a blank or unreadable cell is involved; notice: a fact to look at. */
export type Status = 'fail' | 'unverifiable' | 'notice';

export interface Finding {
	rule: Rule;
	severity: Severity;
	status: Status;
	/** The report the finding is about. */
	report: string;
	/** Canonical ids of the cells involved. */
	cells: string[];
	expected: number | null;
	actual: number | null;
	/** Blank cells met by the rule (unverifiable findings). */
	blanks?: string[];
	/** For unverifiable findings: whether the rule would hold if blanks were zeros. */
	holdsIfBlankZero?: boolean;
	/** The other report of a cross-year finding. */
	other?: string;
	/** Sub-kind for parse findings (cell.unreadable, row.missing …). */
	kind?: string;
	message: string;
}

export const RULE_NAMES: Record<Rule, string> = {
	R1: '表三勾稽关系（第一项+第二项=第三项+第四项）',
	R2: '表三各行总计等于各类申请人之和',
	R3: '表三办理结果总计等于各项办理结果之和',
	R4: '表四各组总计等于维持+纠正+其他+尚未审结',
	X1: '上年结转等于上一年度结转下年度',
	X2: '现行有效规范性文件数前后年度衔接',
	N1: '正文所述数字与表格一致',
	ZERO: '全年无依申请公开、复议、诉讼',
	MISSING: '表格、行或单元格缺失',
	FORMAT: '报告格式',
	PARSE: '单元格无法读取',
	RANGE: '数值超出可能范围（负数或超过10亿）',
	DUP: '同一单位同一年度有多份报告'
};

/** 12,345 in Chinese number style; null as 空白. */
// one formatter: toLocaleString with options builds a new Intl.NumberFormat per call (most of the check time)
const NUMBER = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 6 });
export function fmt(v: number | null | undefined): string {
	if (v === null || v === undefined) return '空白';
	return NUMBER.format(v);
}

export function labelOf(id: string): string {
	return cellLabel(id);
}

export const EPS = 1e-6;
