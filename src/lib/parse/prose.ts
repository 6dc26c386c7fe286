/** Counts quoted in the prose (主动公开…199件, 受理…申请0件), read with the template's patterns. */
import type { Block } from '../extract/model';
import { PROSE_COUNTS } from '../template';
import type { ProseCount } from './report';
import type { SectionKey } from './sections';

export function proseCounts(blocks: Block[], sectionOfBlock: (SectionKey | undefined)[]): ProseCount[] {
	const out: ProseCount[] = [];
	blocks.forEach((b, i) => {
		if (b.kind !== 'p') return;
		for (const def of PROSE_COUNTS) {
			const re = new RegExp(def.pattern.source, 'g');
			for (const m of b.text.matchAll(re)) {
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
