/** Counts quoted in the prose (主动公开…199件, 受理…申请0件), read with the template's patterns. */
import type { Block } from '../extract/model';
import { PROSE_COUNTS } from '../template';
import type { ProseCount } from './report';
import type { SectionKey } from './sections';

/** The patterns, compiled once (global, for every match in a paragraph). */
const PATTERNS = PROSE_COUNTS.map((def) => ({ def, re: new RegExp(def.pattern.source, 'g') }));
/** Every pattern needs an ASCII digit (the count): a paragraph without one quotes no count. */
const NEEDS_DIGIT = PROSE_COUNTS.every((def) => def.pattern.source.includes(String.raw`(\d[\d,]*)`));

export function proseCounts(blocks: Block[], sectionOfBlock: (SectionKey | undefined)[]): ProseCount[] {
	const out: ProseCount[] = [];
	blocks.forEach((b, i) => {
		if (b.kind !== 'p') return;
		if (NEEDS_DIGIT && !/\d/.test(b.text)) return;
		for (const { def, re } of PATTERNS) {
			re.lastIndex = 0;
			for (let m = re.exec(b.text); m; m = re.exec(b.text)) {
				if (m[0] === '') re.lastIndex++; // (no pattern matches empty text; as matchAll would, step on)
				out.push({
					key: def.key,
					value: Number(m[1].replaceAll(',', '')),
					text: m[0],
					section: sectionOfBlock[i],
					where: b.where
				});
			}
		}
	});
	return out;
}
