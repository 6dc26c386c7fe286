/**
 * Counts that reports quote in their prose, and the table cells each should agree with (rule N1).
 * Patterns run on paragraph text (not table cells). `cells` are summed; for a row whose 总计 cell is
 * blank the check falls back to the row's applicant columns (see check/n1).
 */
export interface ProseCountDef {
	key: string;
	label: string;
	pattern: RegExp;
	/** Table-3/4 row ids (without the column) whose 总计 the quoted number should equal. */
	rows: string[];
}

const N = String.raw`(\d[\d,]*)`;

export const PROSE_COUNTS: ProseCountDef[] = [
	{ key: 'proactive', label: '主动公开信息', pattern: new RegExp(String.raw`主动公开[^。；;]{0,80}?共(?:计)?\s*${N}\s*[件条]`), rows: [] },
	{
		key: 'received',
		label: '受理/收到申请',
		pattern: new RegExp(String.raw`(?:受理|收到|新收)[^。；;，,\d]{0,20}?申请(?:共|总计)?\s*${N}\s*件`),
		rows: ['t3.new']
	},
	{ key: 'answered', label: '答复申请', pattern: new RegExp(String.raw`答复[^。；;，,\d]{0,15}?申请\s*${N}\s*件`), rows: ['t3.total'] },
	{ key: 'granted_partial', label: '予以公开及部分公开', pattern: new RegExp(String.raw`予以公开及部分公开\s*${N}\s*件`), rows: ['t3.granted', 't3.partial'] },
	{ key: 'granted', label: '予以公开', pattern: new RegExp(String.raw`予以公开\s*${N}\s*件`), rows: ['t3.granted'] },
	{ key: 'partial', label: '部分公开', pattern: new RegExp(String.raw`(?<!及)部分公开\s*${N}\s*件`), rows: ['t3.partial'] },
	{
		key: 'denied',
		label: '不予公开',
		pattern: new RegExp(String.raw`不予公开\s*${N}\s*件`),
		rows: ['state_secret', 'law_forbidden', 'security', 'third_party', 'internal', 'process', 'enforcement', 'query'].map((k) => `t3.denied.${k}`)
	},
	{
		key: 'unable',
		label: '无法提供',
		pattern: new RegExp(String.raw`无法提供\s*${N}\s*件`),
		rows: ['not_held', 'needs_creation', 'unclear'].map((k) => `t3.unable.${k}`)
	},
	{
		key: 'rejected',
		label: '不予处理',
		pattern: new RegExp(String.raw`不予处理\s*${N}\s*件`),
		rows: ['petition', 'repeat', 'publication', 'excessive', 'confirm'].map((k) => `t3.rejected.${k}`)
	},
	{
		key: 'other',
		label: '其他处理',
		pattern: new RegExp(String.raw`其他处理\s*${N}\s*件`),
		rows: ['t3.other', 't3.other.overdue_correction', 't3.other.overdue_fee', 't3.other.misc']
	},
	{ key: 'review', label: '行政复议', pattern: new RegExp(String.raw`行政复议[^。；;，,\d]{0,6}?${N}\s*[件起]`), rows: ['t4.review'] },
	{
		key: 'lawsuit',
		label: '行政诉讼',
		pattern: new RegExp(String.raw`诉讼[^。；;，,\d]{0,6}?${N}\s*[件起]`),
		rows: ['t4.suit_direct', 't4.suit_after_review']
	}
];

/**
 * The paragraph every generated (demo) report prints right after its title, so a file says in itself
 * that it is not a real report. The parser looks for DEMO_MARK in the first paragraphs (meta.demo).
 */
export const DEMO_MARKER = '【演示数据】本报告由程序生成，用于演示，不是真实报告。';
export const DEMO_MARK = /^\s*【\s*演示数据\s*】/;
