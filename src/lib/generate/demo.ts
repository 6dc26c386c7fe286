/**
 * The demo county: a county modelled on 托里县 (塔城地区, 新疆) — its seven townships, the county
 * government and ten county departments, 2019–2025 — as generated report files of the kinds a county
 * collects (.txt from .docx, web pages in UTF-8 and GBK, .docx, PDF). Every file says in itself that it is
 * demo data. The numbers are consistent (model.ts) except for the real-world faults planted at fixed,
 * documented places (DEMO_FAULTS), so the dashboard has something true to show.
 *
 * 库普乡 2024 is a real report (the corpus file toli_kupu_2024.txt) and is never generated; the demo
 * 库普乡 2023 carries nothing forward and 2025 starts from nothing carried, as the real 2024 says.
 *
 * Pure and seeded: demoCounty() returns the same reports, and fileBytes() the same bytes, every time.
 */
import type { Rule, Severity } from '../check';
import type { FormatVersion } from '../template';
import { assemble, type PrintFaults, type PrintStyle } from './assemble';
import type { ReportSpec } from './document';
import type { Charset, FileKind } from './files';
import { initialState, simulateYear, type Applicant, type BodyKind, type BodyState, type Profile, type YearOptions } from './model';
import { DEPARTMENTS, GOVERNMENT, SEAT_TOWNSHIP, TOWNSHIP, YEARS, formatOfYear } from './profiles';
import { rng, seedOf } from './random';

export const DEMO_SEED = 20250101;
export const DEMO_COUNTY = '托里县';

export interface DemoBody {
	/** ASCII code in file names: toli_<code>_<year>. */
	code: string;
	/** Name in the title after the county (铁厂沟镇, 人民政府, 财政局). */
	name: string;
	kind: BodyKind;
	self: string;
	profile: Profile;
	/** The kind of file the body usually publishes, and the charset of its web pages. */
	file: FileKind;
	charset?: Charset;
	/** Charset of its pages up to this year (an old GBK portal), UTF-8 after. */
	gbkUntil?: number;
	style?: PrintStyle;
}

const township = (code: string, name: string, file: FileKind, profile = TOWNSHIP): DemoBody => ({ code, name, kind: 'township', self: name, profile, file });

/** The bodies of the demo county. */
export const DEMO_BODIES: DemoBody[] = [
	township('tuoli', '托里镇', 'docx', SEAT_TOWNSHIP),
	township('tiechanggou', '铁厂沟镇', 'txt'),
	township('miaoergou', '庙尔沟镇', 'txt'),
	township('duolate', '多拉特乡', 'html'),
	township('wuxuete', '乌雪特乡', 'txt'),
	township('kupu', '库普乡', 'txt'),
	township('akebielidou', '阿克别里斗乡', 'pdf'),
	{ code: 'gov', name: '人民政府', kind: 'government', self: '县人民政府', profile: GOVERNMENT, file: 'html', gbkUntil: 2021, style: { yuan: true } },
	...DEPARTMENTS.map(
		(d, i): DemoBody => ({
			code: d.code,
			name: d.name,
			kind: 'department',
			self: d.self,
			profile: d.profile,
			file: (['docx', 'html', 'pdf', 'html', 'txt', 'pdf', 'docx', 'txt', 'html', 'txt'] as FileKind[])[i],
			charset: d.code === 'zjj' || d.code === 'gaj' ? 'gbk' : undefined,
			style: { thousands: d.thousands, feeDecimals: d.feeDecimals }
		})
	)
];

export type DemoFaultKind =
	| 'missing-year'
	| 'r3-total'
	| 'x1-carry-over'
	| 'blank-cell'
	| 'n1-prose'
	| 'zero-activity'
	| 'r4-total'
	| 'single-other-row'
	| 'label-typo'
	| 'x2-cleanup';

export interface DemoFault {
	kind: DemoFaultKind;
	/** Body code and full body name as the parser reads it (county + name). */
	code: string;
	body: string;
	year: number;
	/** The rules whose findings the checks must report at this report (none for a variant the parser takes in its stride). */
	rules: Rule[];
	severity?: Severity;
	/** The cells involved (canonical ids). */
	cells: string[];
	description: string;
}

interface Plant {
	kind: DemoFaultKind;
	code: string;
	year: number;
	rules: Rule[];
	severity?: Severity;
	cells: string[];
	description: string;
	model?: YearOptions;
	print?: PrintFaults;
	/** A year-before option the fault needs (e.g. nothing carried into a zero year). */
	before?: YearOptions;
}

const TYPO_FROM = '缴纳费用、行政机关不再处理';
const TYPO_TO = '缴纳费用、行政机关不现处理';

/** The planted faults, each exactly once, at fixed places. */
const PLANTS: Plant[] = [
	{
		kind: 'missing-year',
		code: 'wuxuete',
		year: 2022,
		rules: [],
		cells: [],
		description: '乌雪特乡没有2022年报告（缺一年，2023年的上年结转无从核对）'
	},
	{
		kind: 'r3-total',
		code: 'zrzyj',
		year: 2023,
		rules: ['R3'],
		severity: 'error',
		cells: ['t3.granted.natural', 't3.granted.total', 't3.total.natural', 't3.total.total'],
		description: '自然资源局2023年“予以公开”自然人一栏多印1件（该行总计随之），（七）总计与各项办理结果之和不等',
		print: { r3: { row: 'granted', column: 'natural', delta: 1 } }
	},
	{
		kind: 'x1-carry-over',
		code: 'gov',
		year: 2022,
		rules: ['X1'],
		severity: 'error',
		cells: ['t3.carried.natural', 't3.carried.total'],
		description: '县人民政府2022年“上年结转”自然人一栏比2021年“结转下年度”多2件',
		model: { carriedAdjust: { natural: 2 } as Partial<Record<Applicant, number>> }
	},
	{
		kind: 'blank-cell',
		code: 'tuoli',
		year: 2021,
		rules: ['R2', 'R3'],
		severity: 'info',
		cells: ['t3.partial.research'],
		description: '托里镇2021年“部分公开”科研机构一格空白（若按0计则相符）',
		print: { blank: ['t3.partial.research'] }
	},
	{
		kind: 'n1-prose',
		code: 'zjj',
		year: 2022,
		rules: ['N1'],
		severity: 'warning',
		cells: ['t3.new.total'],
		description: '住房和城乡建设局2022年正文称受理申请数比表三“本年新收”多3件',
		model: { minRequests: 4 },
		print: { n1: 3 }
	},
	{
		kind: 'zero-activity',
		code: 'duolate',
		year: 2022,
		rules: ['ZERO'],
		severity: 'warning',
		cells: ['t3.new.total', 't4.review.total', 't4.suit_direct.total', 't4.suit_after_review.total'],
		description: '多拉特乡2022年全年无申请、无复议、无诉讼（乡镇常见，其他乡镇年份也自然出现）',
		model: { forceZero: true },
		before: { forwardZero: true }
	},
	{
		kind: 'r4-total',
		code: 'gov',
		year: 2024,
		rules: ['R4'],
		severity: 'error',
		cells: ['t4.review.upheld', 't4.review.corrected', 't4.review.other', 't4.review.pending', 't4.review.total'],
		description: '县人民政府2024年表四行政复议“总计”比维持+纠正+其他+尚未审结少1',
		model: { minReviews: 3 },
		print: { r4: { group: 'review', delta: -1 } }
	},
	{
		kind: 'single-other-row',
		code: 'jyj',
		year: 2022,
		rules: [],
		cells: ['t3.other.total'],
		description: '教育局2022年（2021年格式）只印一行“（六）其他处理”，如2019年格式',
		print: { singleOther: true }
	},
	{
		kind: 'label-typo',
		code: 'miaoergou',
		year: 2023,
		rules: [],
		cells: ['t3.other.overdue_fee.total'],
		description: '庙尔沟镇2023年表三行标题错字“行政机关不现处理”（应为“不再处理”）',
		print: { typos: { [TYPO_FROM]: TYPO_TO } }
	},
	{
		kind: 'x2-cleanup',
		code: 'gov',
		year: 2023,
		rules: ['X2'],
		severity: 'warning',
		cells: ['t2.normative.in_force'],
		description: '县人民政府2023年清理规范性文件，5件宣布失效未计入“本年废止”，现行有效件数与上年衔接不上（软规则）',
		model: { cleanup: 5 }
	}
];

/** The body name as the parser reads it from the title: 托里县铁厂沟镇, 托里县人民政府. */
export function demoBodyName(b: DemoBody): string {
	return `${DEMO_COUNTY}${b.name}`;
}

export const DEMO_FAULTS: DemoFault[] = PLANTS.map((p) => ({
	kind: p.kind,
	code: p.code,
	body: demoBodyName(DEMO_BODIES.find((b) => b.code === p.code)!),
	year: p.year,
	rules: p.rules,
	...(p.severity ? { severity: p.severity } : {}),
	cells: p.cells,
	description: p.description
}));

/** Real reports that exist for the county: never generated; the years around them agree with them. */
export const REAL_REPORTS: { code: string; year: number; file: string }[] = [{ code: 'kupu', year: 2024, file: 'toli_kupu_2024.txt' }];

export interface GeneratedReport {
	/** File name (ASCII): toli_<code>_<year>.<ext>. */
	file: string;
	kind: FileKind;
	charset?: Charset;
	/** Seed of the docx run splitting. */
	docxSeed: number;
	/** The portal owner named in a web page's footer. */
	site: string;
	code: string;
	body: string;
	county: string;
	township: string | null;
	year: number;
	format: FormatVersion;
	spec: ReportSpec;
	/** The cells the parser must read back (id → number, null for a blank). */
	expected: Record<string, number | null>;
	/** The counts the prose quotes. */
	prose: Record<string, number>;
	/** True when no request, review or lawsuit came in: the ZERO rule must fire. */
	zero: boolean;
	/** True when in_force does not chain from the year before (X2 must fire, when both years are 2021-format and present). */
	x2Break: boolean;
	/** Faults planted in this report. */
	faults: DemoFaultKind[];
}

function fileKind(b: DemoBody, year: number, seed: number): { kind: FileKind; charset?: Charset } {
	const r = rng(seedOf(seed, 'file', b.code, year));
	// mostly the body's usual kind; now and then another (a different clerk, a new portal); a PDF only
	// from a body that usually publishes PDFs, so adding PDF bodies left every other body's files as they were
	const kinds: FileKind[] = ['txt', 'html', 'docx'];
	const kind = r.chance(0.75) ? b.file : r.pick(kinds.filter((k) => k !== b.file));
	if (kind !== 'html') return { kind };
	const gbk = b.gbkUntil !== undefined ? year <= b.gbkUntil : b.charset === 'gbk';
	return { kind, charset: gbk ? 'gbk' : 'utf-8' };
}

const EXT: Record<FileKind, string> = { txt: 'txt', html: 'html', docx: 'docx', pdf: 'pdf' };

/** The demo county's reports, every body and year except the real ones and the planted missing year. */
export function demoCounty(seed = DEMO_SEED): GeneratedReport[] {
	const out: GeneratedReport[] = [];
	for (const b of DEMO_BODIES) {
		let state: BodyState = initialState(b.profile, rng(seedOf(seed, b.code, 'init')));
		for (const year of YEARS) {
			const plant = PLANTS.find((p) => p.code === b.code && p.year === year);
			const nextPlant = PLANTS.find((p) => p.code === b.code && p.year === year + 1);
			const real = REAL_REPORTS.find((x) => x.code === b.code && x.year === year);
			const realNext = REAL_REPORTS.some((x) => x.code === b.code && x.year === year + 1);
			if (real) {
				// the real report: all zeros in its table 3 (nothing carried forward), no normative documents
				state = { ...state, forward: { natural: 0, commercial: 0, research: 0, nonprofit: 0, legal: 0, other_org: 0 }, inForce: 0 };
				continue;
			}
			const format = formatOfYear(year);
			const r = rng(seedOf(seed, b.code, year));
			const opts: YearOptions = { ...plant?.model, ...nextPlant?.before, ...(realNext ? { forwardZero: true } : {}) };
			const values = simulateYear(b.profile, state, format, r, opts);
			state = values.next;
			if (plant?.kind === 'missing-year') continue;
			const title = `${DEMO_COUNTY}${b.name}${year}${b.kind === 'department' && year % 2 ? '年度' : '年'}政府信息公开工作年度报告`;
			const a = assemble(
				{ title, kind: b.kind, self: b.self, year, format, values, style: b.style, faults: plant?.print, cleanup: plant?.model?.cleanup },
				r
			);
			if (plant?.kind === 'blank-cell')
				for (const id of plant.print!.blank!) if (values.cells[id] !== 0) throw new Error(`planted blank ${id} would hide a non-zero value`);
			const { kind, charset } = fileKind(b, year, seed);
			out.push({
				file: `toli_${b.code}_${year}.${EXT[kind]}`,
				kind,
				...(charset ? { charset } : {}),
				docxSeed: seedOf(seed, 'docx', b.code, year),
				site: `${DEMO_COUNTY}人民政府办公室`,
				code: b.code,
				body: demoBodyName(b),
				county: DEMO_COUNTY,
				township: b.kind === 'township' ? b.name : null,
				year,
				format,
				spec: a.spec,
				expected: a.expected,
				prose: a.prose,
				zero: values.zero,
				x2Break: values.x2Break,
				faults: plant ? [plant.kind] : []
			});
		}
	}
	return out;
}
