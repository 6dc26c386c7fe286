/**
 * The prose of generated reports (sections 一, 五, 六): short, plain sentences from templates, with
 * the counts a real report quotes written so that the parser's prose patterns
 * (src/lib/template/prose.ts) read them: 主动公开政府信息共N件, 受理政府信息公开申请N件, 予以公开N件,
 * 行政复议N件, 行政诉讼N件. The counts agree with the table as printed unless a fault says otherwise.
 */
import type { BodyKind } from './model';
import type { Rand } from './random';

export interface NarrativeInput {
	kind: BodyKind;
	/** How the body calls itself in its report: 铁厂沟镇, 县人民政府, 我局. */
	self: string;
	year: number;
	/** The printed cells (null = blank). */
	cells: Record<string, number | null>;
	proactive: number;
	/** Added to the 受理申请 count in the prose: the N1 fault. */
	receivedDelta?: number;
	/** Normative documents declared invalid in a clean-up this year. */
	cleanup?: number;
}

export interface Narrative {
	prose: { 一: string[]; 五: string[]; 六: string[] };
	/** The counts quoted, first mention of each (key of PROSE_COUNTS → value). */
	counts: Record<string, number>;
}

const CHANNELS: Record<BodyKind, string[]> = {
	township: ['乡村两级公示栏', '政务公开栏和村务公开栏', '政府网站乡镇专栏和公示栏', '微信工作群和公示栏'],
	government: ['县政府门户网站、政务新媒体和政务公开专区', '政府网站、“托里发布”公众号和公开栏', '门户网站和政府公报'],
	department: ['县政府网站部门专栏和政务新媒体', '部门公开栏和政府网站', '政府网站信息公开专栏']
};
const TOPICS = [
	'内容涵盖财政预决算、惠民补贴、项目建设、人事任免等',
	'重点公开了民生保障、乡村振兴、安全生产等方面信息',
	'重点做好惠农补贴、低保救助和重大项目信息公开',
	'及时公开了机构职能、政策文件和办事指南'
];
const OPENING = [
	'坚持以公开为常态、不公开为例外，认真落实《中华人民共和国政府信息公开条例》，扎实推进政务公开工作。',
	'认真贯彻落实上级关于政务公开工作的部署要求，不断规范政府信息公开工作流程。',
	'将政府信息公开作为转变作风、服务群众的重要抓手，明确专人负责，压实工作责任。'
];
const MANAGEMENT = [
	'（三）政府信息管理情况。严格落实信息发布“三审三校”制度，公开前逐条审核，确保不泄密、不出错。',
	'（三）政府信息管理情况。建立健全信息公开审查机制，明确公开属性，做好信息的动态更新。',
	'（三）政府信息管理情况。对已公开信息进行梳理，及时更新过时信息，保证信息准确有效。'
];
const PLATFORM = [
	'（四）政府信息公开平台建设情况。用好政府网站和公示栏，及时维护更新栏目内容。',
	'（四）政府信息公开平台建设情况。加强政务新媒体管理，做好与政府网站的信息同步。',
	'（四）政府信息公开平台建设情况。规范公开专栏设置，方便群众查阅。'
];
const SUPERVISION = [
	'（五）监督保障情况。将政务公开工作纳入年度考核，定期开展自查。',
	'（五）监督保障情况。加强业务培训，主动接受群众和社会监督。',
	'（五）监督保障情况。健全工作责任制，明确分管领导和具体经办人员。'
];
const PROBLEMS = [
	'公开渠道较为单一，主要依靠公示栏，群众知晓率不高。',
	'个别信息公开不够及时，更新维护有待加强。',
	'工作人员业务水平有待提高，对公开要求理解不够深入。',
	'政策解读形式比较单一，图解、视频等形式运用较少。'
];
const IMPROVEMENTS = [
	'下一步将拓宽公开渠道，利用新媒体平台提高信息发布的时效性。',
	'下一步将加强业务培训，提高工作人员的业务能力。',
	'下一步将完善审核发布机制，做到应公开尽公开。',
	'下一步将丰富政策解读形式，提升解读质量。'
];

const val = (cells: Record<string, number | null>, ...ids: string[]) => ids.reduce((a, id) => a + (cells[id] ?? 0), 0);

const GROUP_ROWS = {
	denied: ['state_secret', 'law_forbidden', 'security', 'third_party', 'internal', 'process', 'enforcement', 'query'].map((k) => `t3.denied.${k}.total`),
	unable: ['not_held', 'needs_creation', 'unclear'].map((k) => `t3.unable.${k}.total`),
	rejected: ['petition', 'repeat', 'publication', 'excessive', 'confirm'].map((k) => `t3.rejected.${k}.total`),
	other: ['t3.other.total', 't3.other.overdue_correction.total', 't3.other.overdue_fee.total', 't3.other.misc.total']
};

export function narrative(n: NarrativeInput, r: Rand): Narrative {
	const c = n.cells;
	const counts: Record<string, number> = {};
	const say = (key: string, value: number) => {
		if (!(key in counts)) counts[key] = value;
		return value;
	};
	const one: string[] = [`${n.self}${r.pick(OPENING)}`];
	one.push(`（一）主动公开政府信息情况。${n.year}年${n.self}通过${r.pick(CHANNELS[n.kind])}主动公开政府信息共${say('proactive', n.proactive)}件，${r.pick(TOPICS)}。`);

	const received = val(c, 't3.new.total');
	const carried = val(c, 't3.carried.total');
	let apply = '（二）依申请公开情况。';
	if (received === 0 && carried === 0 && !n.receivedDelta) {
		apply += r.chance(0.5) ? `本年度${n.self}受理政府信息公开申请${say('received', 0)}件。` : '本年度未收到政府信息公开申请。';
	} else {
		apply += `本年度共受理政府信息公开申请${say('received', received + (n.receivedDelta ?? 0))}件`;
		if (carried) apply += `，上年结转${carried}件`;
		const parts: string[] = [];
		const part = (key: string, label: string, v: number) => v > 0 && parts.push(`${label}${say(key, v)}件`);
		part('granted', '予以公开', val(c, 't3.granted.total'));
		part('partial', '部分公开', val(c, 't3.partial.total'));
		part('denied', '不予公开', val(c, ...GROUP_ROWS.denied));
		part('unable', '无法提供', val(c, ...GROUP_ROWS.unable));
		part('rejected', '不予处理', val(c, ...GROUP_ROWS.rejected));
		part('other', '其他处理', val(c, ...GROUP_ROWS.other));
		if (n.kind !== 'township' && val(c, 't3.total.total') > 0) apply += `，依法答复政府信息公开申请${say('answered', val(c, 't3.total.total'))}件`;
		apply += parts.length ? `。其中${parts.join('，')}` : '';
		const forward = val(c, 't3.forward.total');
		apply += forward ? `；结转下年度继续办理${forward}件。` : '。';
	}
	one.push(apply);
	if (n.cleanup) one.push(`本年度开展行政规范性文件清理，宣布失效文件${n.cleanup}件。`);
	one.push(r.pick(MANAGEMENT), r.pick(PLATFORM));

	const reviews = val(c, 't4.review.total');
	const suits = val(c, 't4.suit_direct.total', 't4.suit_after_review.total');
	let supervision = r.pick(SUPERVISION);
	if (reviews || suits) supervision += `本年度因政府信息公开被申请行政复议${say('review', reviews)}件，被提起行政诉讼${say('lawsuit', suits)}件。`;
	else if (n.kind !== 'township' || r.chance(0.3)) supervision += '本年度未发生因政府信息公开引起的行政复议和行政诉讼。';
	one.push(supervision);

	const five = [`（一）存在的主要问题。${r.pick(PROBLEMS)}`, `（二）改进情况。${r.pick(IMPROVEMENTS)}`];
	const six: string[] = [];
	six.push(
		n.year >= 2021
			? '本机关按照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）规定的收费标准，本年度没有产生信息处理费。'
			: '本年度未收取政府信息公开相关费用。'
	);
	if (n.kind !== 'township') six.push(`本年度共办理人大代表建议${r.int(0, 12)}件、政协委员提案${r.int(0, 15)}件，均已按期办结。`);
	else six.push('无其他需要报告的事项。');
	return { prose: { 一: one, 五: five, 六: six }, counts };
}
