/**
 * Report metadata from the title, the text and the file name: body name, its place in the
 * administrative hierarchy (province/city/county/township) and the report year.
 */
import type { DocModel } from '../extract/model';
import { DEMO_MARK } from '../template';
import type { ReportMeta } from './report';

const TITLE_MARK = /政府信息公开(?:工作)?年度?报告/;

export function findTitle(doc: DocModel): string | null {
	const paras = doc.blocks.filter((b) => b.kind === 'p').slice(0, 15);
	for (const p of paras) {
		const t = p.text.replace(/\s+/g, '');
		if (TITLE_MARK.test(t) && t.length <= 80) return t;
	}
	if (doc.title && TITLE_MARK.test(doc.title)) return doc.title.replace(/\s+/g, '');
	return null;
}

/** The body's name: the title without year and the report-kind words. */
export function bodyFromTitle(title: string): string | null {
	const s = title
		.replace(/[（(【\[].*?[）)】\]]$/, '')
		.replace(/关于?/, '')
		.replace(/(?:19|20)\d{2}\s*年度?/g, '')
		.replace(/的?政府信息公开(?:工作)?年度?报告.*$/, '')
		.replace(/^[\s:：]+|[\s:：]+$/g, '');
	return s.length >= 2 ? s : null;
}

export function yearFrom(text: string | null | undefined): number | null {
	const m = text?.match(/((?:19|20)\d{2})\s*年/) ?? text?.match(/(?:^|[^\d])((?:19|20)\d{2})(?:[^\d]|$)/);
	return m ? Number(m[1]) : null;
}

export interface Place {
	province: string | null;
	city: string | null;
	county: string | null;
	township: string | null;
}

const PROVINCE = /^(.{2,7}?(?:省|自治区))/;
const MUNICIPALITY = /^(北京市|天津市|上海市|重庆市)/;
const CITY = /^(.{2,9}?(?:市|地区|自治州|州|盟))(?!场|民|政|委|局|长)/;
const COUNTY = /^(.{1,9}?(?:县|区|旗|市))(?!委|政|长|场|民|局)/;
// not 住房和城乡|建设局, 城乡|规划局: a department, not a township
const TOWNSHIP = /^(.{1,9}?(?:镇|乡|街道|苏木))(?!政|长|村|建设|规划)/;

/** Split the leading place names off a body name: 淮安市洪泽区人民政府 → city 淮安市, county 洪泽区. */
export function placeOf(body: string): Place {
	let rest = body;
	const take = (re: RegExp): string | null => {
		const m = rest.match(re);
		if (!m) return null;
		rest = rest.slice(m[1].length);
		return m[1];
	};
	// 北京/天津/上海/重庆 are provinces and cities at once: file them as the city
	const municipality = take(MUNICIPALITY);
	const province = municipality ? null : take(PROVINCE);
	const city = municipality ?? take(CITY);
	const county = take(COUNTY);
	const township = take(TOWNSHIP);
	return { province, city, county, township };
}

/**
 * A title may name the body without its city (洪泽区人民政府) while the opening text names it in full
 * (本报告由淮安市洪泽区人民政府办公室…): the full name, when the title's has no city or province.
 */
function fullerBody(doc: DocModel, body: string): string | null {
	const place = placeOf(body);
	if (place.province || place.city) return null;
	const text = doc.blocks
		.filter((b) => b.kind === 'p')
		.slice(0, 5)
		.map((p) => (p.kind === 'p' ? p.text.replace(/\s+/g, '') : ''))
		.join('\n');
	const m = fullerMatch(text, body);
	return m ? m + body : null;
}

/** The places before `body`: `[由是为…]` then one or more place names (2–9 characters and 省/市/…) right before it. */
const PLACES = '[由是为对经据在，,。、：:（(]((?:[\\u4e00-\\u9fa5]{2,9}?(?:省|自治区|市|地区|自治州|盟))+)';
/**
 * The same search for any body, compiled once: the body comes first in the subject, before a NUL, and the
 * back-reference stands for it. The lazy skip tries the start positions left to right and each the same way as
 * the pattern with the body written in, so the match is the same; compiling a pattern per body cost ~60 µs a
 * report (every report of a new body).
 */
const FULLER = new RegExp(`^([^\\n\\0]+)\\0[\\s\\S]*?${PLACES}\\1`);

/** The place names `fullerBody` puts before `body`, or undefined. */
export function fullerMatch(text: string, body: string): string | undefined {
	if (!body || body.includes('\n') || body.includes('\0')) return text.match(fullerPattern(body))?.[1];
	return (body + '\0' + text).match(FULLER)?.[2];
}

/** The search with the body written in (a body with a line break or a NUL, which the shared pattern cannot hold). */
export function fullerPattern(body: string): RegExp {
	const esc = body.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`${PLACES}${esc}`);
}

/**
 * Generated demo data says so in the file itself: the DEMO_MARKER paragraph right after the title
 * (looked for in the first paragraphs only, so a real report quoting the words further on is not caught).
 */
export function isDemo(doc: DocModel): boolean {
	return doc.blocks
		.filter((b) => b.kind === 'p')
		.slice(0, 10)
		.some((p) => p.kind === 'p' && DEMO_MARK.test(p.text.replace(/\[bookmark:[^\]]*\]/g, '')));
}

export function metaOf(doc: DocModel, override: Partial<ReportMeta> = {}): ReportMeta {
	const title = findTitle(doc);
	const from: ReportMeta['from'] = {};
	let body = title ? bodyFromTitle(title) : null;
	if (body) from.body = '标题';
	const fuller = body ? fullerBody(doc, body) : null;
	if (fuller) {
		body = fuller;
		from.body = '标题+正文';
	}
	let year = yearFrom(title);
	if (year) from.year = '标题';
	if (!year) {
		const m = doc.blocks
			.filter((b) => b.kind === 'p')
			.slice(0, 30)
			.map((p) => (p.kind === 'p' ? p.text : ''))
			.join('\n')
			.match(/统计期限[^。]{0,6}?((?:19|20)\d{2})年/);
		if (m) {
			year = Number(m[1]);
			from.year = '正文';
		}
	}
	// a file name's year is trusted only for a document that names its body (the blank official
	// template is called template_2021_blank.docx: 2021 is its format, not a report year)
	if (!year && body) {
		year = yearFrom(doc.file);
		if (year) from.year = '文件名';
	}
	const place = body ? placeOf(body) : { province: null, city: null, county: null, township: null };
	if (place.county) from.county = '标题';
	if (place.township) from.township = '标题';
	const demo = isDemo(doc);
	const meta: ReportMeta = {
		title,
		body,
		...place,
		year,
		origin: demo ? '演示数据' : '真实报告',
		demo,
		from
	};
	for (const [k, v] of Object.entries(override)) if (v !== undefined) (meta as unknown as Record<string, unknown>)[k] = v;
	if (override.body || override.year || override.county || override.township)
		for (const k of ['body', 'year', 'county', 'township'] as const) if (override[k] !== undefined) meta.from[k] = '指定';
	return meta;
}
