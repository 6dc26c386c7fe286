/** 表四 行政复议、行政诉讼: results as segments, and 纠错率 = 纠正 / 审结 (审结 = 维持 + 纠正 + 其他). */
import type { CellRow } from '$lib/db/queries';
import type { Segment } from './chartdata';
import { rate, sumFilled, sumStrict, type Rate } from './rates';

export const RESULTS = [
	{ key: 'upheld', label: '结果维持' },
	{ key: 'corrected', label: '结果纠正' },
	{ key: 'other', label: '其他结果' },
	{ key: 'pending', label: '尚未审结' }
] as const;

export interface AppealGroup {
	key: string;
	label: string;
	/** Table-4 groups summed. */
	groups: string[];
}

export const APPEAL_GROUPS: AppealGroup[] = [
	{ key: 'review', label: '行政复议', groups: ['review'] },
	{ key: 'suit', label: '行政诉讼（合计）', groups: ['suit_direct', 'suit_after_review'] },
	{ key: 'suit_direct', label: '行政诉讼·未经复议直接起诉', groups: ['suit_direct'] },
	{ key: 'suit_after_review', label: '行政诉讼·复议后起诉', groups: ['suit_after_review'] }
];

export const APPEAL_GROUP_KEYS = APPEAL_GROUPS.map((g) => g.key) as [string, ...string[]];

export function appealGroup(key: string): AppealGroup {
	return APPEAL_GROUPS.find((g) => g.key === key) ?? APPEAL_GROUPS[0];
}

const cell = (group: string, result: string) => `t4.${group}.${result}`;

export const APPEAL_IDS = ['review', 'suit_direct', 'suit_after_review'].flatMap((g) =>
	[...RESULTS.map((r) => r.key), 'total'].map((res) => cell(g, res))
);

/** A result summed over the group's table-4 groups (filled values; null when all are blank). */
export function resultValue(r: CellRow, g: AppealGroup, result: string): number | null {
	return sumFilled(g.groups.map((x) => r.cells[cell(x, result)]));
}

export function resultSegments(g: AppealGroup): Segment<CellRow>[] {
	return RESULTS.map((res) => ({ key: res.key, label: res.label, value: (r) => resultValue(r, g, res.key) }));
}

/** The printed 总计 and whether it equals the sum of the four results (rule R4). */
export function totalCheck(r: CellRow, g: AppealGroup): { total: number | null; parts: number | null; agrees: boolean | null } {
	const total = sumFilled(g.groups.map((x) => r.cells[cell(x, 'total')]));
	const parts = sumStrict(RESULTS.map((res) => resultValue(r, g, res.key)));
	return { total, parts, agrees: total === null || parts === null ? null : total === parts };
}

/** 纠错率 over one or more reports: corrected / (upheld + corrected + other); pending cases are not concluded. */
export function correctionRate(rows: CellRow[], g: AppealGroup, min?: number): Rate {
	const corrected = sumStrict(rows.map((r) => resultValue(r, g, 'corrected')));
	const concluded = sumStrict(rows.map((r) => sumStrict(['upheld', 'corrected', 'other'].map((k) => resultValue(r, g, k)))));
	return rate(corrected, concluded, min);
}
