import type { BlockDef, ColumnDef, FormatDef, RowDef, TableDef } from './types';

/* ---------- Table 2, 2021 format (国办公开办函〔2021〕30号) ---------- */
const decisions: ColumnDef = { key: 'decisions', label: '本年处理决定数量', variants: ['处理决定数量'] };

const t2_2021: TableDef = {
	key: 't2',
	title: '主动公开政府信息情况',
	section: '二',
	blocks: [
		{
			label: '第二十条第（一）项',
			columns: [
				{ key: 'issued', label: '本年制发件数', variants: ['本年新制发件数'] },
				{ key: 'repealed', label: '本年废止件数' },
				{ key: 'in_force', label: '现行有效件数' }
			],
			rows: [
				{ key: 'rules', label: '规章' },
				{ key: 'normative', label: '行政规范性文件', variants: ['规范性文件'] }
			]
		},
		{ label: '第二十条第（五）项', columns: [decisions], rows: [{ key: 'licensing', label: '行政许可' }] },
		{
			label: '第二十条第（六）项',
			columns: [decisions],
			rows: [
				{ key: 'penalty', label: '行政处罚' },
				{ key: 'coercion', label: '行政强制' }
			]
		},
		{
			label: '第二十条第（八）项',
			columns: [
				{
					key: 'amount',
					label: '本年收费金额（单位：万元）',
					variants: ['本年收费金额'],
					unit: '万元',
					allowDecimal: true
				}
			],
			rows: [{ key: 'fees', label: '行政事业性收费' }]
		}
	]
};

/* ---------- Table 2, 2019 trial format (国办公开办函〔2019〕60号) ---------- */
const itemCols: ColumnDef[] = [
	{ key: 'prev_items', label: '上一年项目数量' },
	{ key: 'change', label: '本年增/减', variants: ['本年增减'], allowNegative: true },
	{ key: 'decisions', label: '处理决定数量', variants: ['本年处理决定数量'] }
];

const t2_2019: TableDef = {
	key: 't2',
	title: '主动公开政府信息情况',
	section: '二',
	blocks: [
		{
			label: '第二十条第（一）项',
			columns: [
				{ key: 'made', label: '本年新制作数量' },
				{ key: 'published', label: '本年新公开数量' },
				{ key: 'public_total', label: '对外公开总数量' }
			],
			rows: [
				{ key: 'rules', label: '规章' },
				{ key: 'normative', label: '规范性文件', variants: ['行政规范性文件'] }
			]
		},
		{
			label: '第二十条第（五）项',
			columns: itemCols,
			rows: [
				{ key: 'licensing', label: '行政许可' },
				{ key: 'other_services', label: '其他对外管理服务事项' }
			]
		},
		{
			label: '第二十条第（六）项',
			columns: itemCols,
			rows: [
				{ key: 'penalty', label: '行政处罚' },
				{ key: 'coercion', label: '行政强制' }
			]
		},
		{
			label: '第二十条第（八）项',
			columns: itemCols.slice(0, 2),
			rows: [{ key: 'fees', label: '行政事业性收费' }]
		},
		{
			label: '第二十条第（九）项',
			columns: [
				{ key: 'items', label: '采购项目数量' },
				{ key: 'amount', label: '采购总金额', unit: '元', allowDecimal: true }
			],
			rows: [{ key: 'procurement', label: '政府集中采购' }]
		}
	]
};

/* ---------- Table 3 (both formats) ---------- */
const applicantCols: ColumnDef[] = [
	{ key: 'natural', label: '自然人' },
	{ key: 'commercial', label: '商业企业' },
	{ key: 'research', label: '科研机构' },
	{ key: 'nonprofit', label: '社会公益组织' },
	{ key: 'legal', label: '法律服务机构' },
	{ key: 'other_org', label: '其他' },
	{ key: 'total', label: '总计' }
];

const G_RESULT = '三、本年度办理结果';
const G_DENIED = '（三）不予公开';
const G_UNABLE = '（四）无法提供';
const G_REJECTED = '（五）不予处理';
const G_OTHER = '（六）其他处理';

const t3Head: RowDef[] = [
	{ key: 'new', label: '本年新收政府信息公开申请数量' },
	{ key: 'carried', label: '上年结转政府信息公开申请数量' },
	{ key: 'granted', label: '予以公开', group: G_RESULT },
	{ key: 'partial', label: '部分公开', group: G_RESULT, remark: '（区分处理的，只计这一情形，不计其他情形）' },
	{ key: 'denied.state_secret', label: '属于国家秘密', group: G_DENIED },
	{ key: 'denied.law_forbidden', label: '其他法律行政法规禁止公开', variants: ['其他法律行政止公开'], group: G_DENIED },
	{ key: 'denied.security', label: '危及“三安全一稳定”', group: G_DENIED },
	{ key: 'denied.third_party', label: '保护第三方合法权益', group: G_DENIED },
	{ key: 'denied.internal', label: '属于三类内部事务信息', group: G_DENIED },
	{ key: 'denied.process', label: '属于四类过程性信息', group: G_DENIED },
	{ key: 'denied.enforcement', label: '属于行政执法案卷', group: G_DENIED },
	{ key: 'denied.query', label: '属于行政查询事项', group: G_DENIED },
	{ key: 'unable.not_held', label: '本机关不掌握相关政府信息', group: G_UNABLE },
	{ key: 'unable.needs_creation', label: '没有现成信息需要另行制作', group: G_UNABLE },
	{ key: 'unable.unclear', label: '补正后申请内容仍不明确', group: G_UNABLE },
	{ key: 'rejected.petition', label: '信访举报投诉类申请', group: G_REJECTED },
	{ key: 'rejected.repeat', label: '重复申请', group: G_REJECTED },
	{ key: 'rejected.publication', label: '要求提供公开出版物', group: G_REJECTED },
	{ key: 'rejected.excessive', label: '无正当理由大量反复申请', group: G_REJECTED },
	{ key: 'rejected.confirm', label: '要求行政机关确认或重新出具已获取信息', group: G_REJECTED }
];

const t3Tail: RowDef[] = [
	{ key: 'total', label: '总计', group: G_RESULT },
	{ key: 'forward', label: '结转下年度继续办理' }
];

/** The single （六） row: the only one in 2019, an alternative to the three rows in 2021. */
const otherSingle: RowDef = { key: 'other', label: '其他处理', group: G_RESULT };

const otherRows2021: RowDef[] = [
	{
		key: 'other.overdue_correction',
		label: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
		group: G_OTHER
	},
	{
		key: 'other.overdue_fee',
		label: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
		variants: ['申请人逾期未按收费通知要求缴纳费用、行政机关不现处理其政府信息公开申请'],
		group: G_OTHER
	},
	{ key: 'other.misc', label: '其他', group: G_OTHER }
];

function table3(other: RowDef[]): TableDef {
	const block: BlockDef = {
		label: '申请人情况',
		columns: applicantCols,
		rows: [...t3Head, ...other, ...t3Tail]
	};
	return { key: 't3', title: '收到和处理政府信息公开申请情况', section: '三', blocks: [block] };
}

/* ---------- Table 4 (both formats): one row of 15 values ---------- */
const t4: TableDef = {
	key: 't4',
	title: '政府信息公开行政复议、行政诉讼情况',
	section: '四',
	unlabelled: true,
	blocks: [
		{
			label: '行政复议、行政诉讼',
			columns: [
				{ key: 'upheld', label: '结果维持' },
				{ key: 'corrected', label: '结果纠正' },
				{ key: 'other', label: '其他结果' },
				{ key: 'pending', label: '尚未审结' },
				{ key: 'total', label: '总计' }
			],
			rows: [
				{ key: 'review', label: '行政复议', variants: ['行政法复议'] },
				{ key: 'suit_direct', label: '未经复议直接起诉', group: '行政诉讼' },
				{ key: 'suit_after_review', label: '复议后起诉', group: '行政诉讼' }
			]
		}
	]
};

export const FORMATS: Record<'2021' | '2019', FormatDef> = {
	'2021': {
		version: '2021',
		name: '2021年新版格式（国办公开办函〔2021〕30号）',
		signature: ['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额'],
		tables: [t2_2021, table3([...otherRows2021, { ...otherSingle, optional: true, alternativeOf: 'other' }]), t4]
	},
	'2019': {
		version: '2019',
		name: '2019年试行格式（国办公开办函〔2019〕60号）',
		signature: ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '政府集中采购'],
		tables: [t2_2019, table3([otherSingle]), t4]
	}
};

/** Group labels of table 3 that head sub-rows (they carry no values unless printed as a single row). */
export const T3_GROUPS = [G_RESULT, G_DENIED, G_UNABLE, G_REJECTED, G_OTHER];

/** The corner cell of table 3, printed in every report: the rule R1 in the template's own words. */
export const T3_CORNER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const T3_APPLICANT_HEAD = { all: '申请人情况', orgs: '法人或其他组织' };
export const T4_HEAD = { review: '行政复议', suit: '行政诉讼' };
