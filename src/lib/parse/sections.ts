/**
 * The six sections of a report, found by their headings. Headings vary in numbering (一、 vs 3、)
 * and wording, so they are recognised by keywords, in order.
 */
import type { Block } from '../extract/model';

export const SECTION_KEYS = ['一', '二', '三', '四', '五', '六'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

const HEADINGS: Record<SectionKey, RegExp> = {
	一: /总体情况/,
	二: /主动公开政府信息(?:情况)?$|主动公开政府信息情况/,
	三: /收到和处理政府信息公开申请/,
	四: /行政复议.{0,6}行政诉讼|行政复议和提起行政诉讼/,
	五: /存在的?主要问题/,
	六: /其他需要报告/
};
const NUMBERED = /^\s*(?:[一二三四五六七八九十]|[1-9])\s*[、.．]\s*|^\s*第[一二三四五六]部分/;

/** The section a paragraph heads, or undefined. */
export function headingOf(text: string): SectionKey | undefined {
	if (text.length > 40 || !NUMBERED.test(text)) return undefined;
	return SECTION_KEYS.find((k) => HEADINGS[k].test(text));
}

export interface SectionSplit {
	/** Paragraph text per section. */
	text: Record<string, string>;
	/** Index (into blocks) → section key, for every block. */
	sectionOfBlock: (SectionKey | undefined)[];
}

export function splitSections(blocks: Block[]): SectionSplit {
	const text: Record<string, string[]> = {};
	const sectionOfBlock: (SectionKey | undefined)[] = [];
	let current: SectionKey | undefined;
	blocks.forEach((b) => {
		if (b.kind === 'p') {
			const h = headingOf(b.text);
			if (h && (!current || SECTION_KEYS.indexOf(h) > SECTION_KEYS.indexOf(current))) {
				current = h;
				sectionOfBlock.push(current);
				return;
			}
			if (current) (text[current] ??= []).push(b.text.replace(/\[bookmark:[^\]]*\]/g, ''));
		}
		sectionOfBlock.push(current);
	});
	return { text: Object.fromEntries(Object.entries(text).map(([k, v]) => [k, v.join('\n')])), sectionOfBlock };
}
