/**
 * A report to write as a file: the pieces of an official report (title, six sections, three tables)
 * with the values to print. Writers turn it into .txt (docx-text layout) or .html; the demo-data
 * generator and the tests build these from the template, so files always follow the official layout.
 */
import { DEMO_MARKER, officialLayout, type FormatVersion, type LayoutRow, type TableKey } from '../template';

export interface ReportSpec {
	title: string;
	format: FormatVersion;
	/** Printed text of each value cell by canonical id; absent or '' prints a blank cell. */
	values: Record<string, string>;
	/** Prose paragraphs of sections 一, 五, 六 (and any other), keyed by section number. */
	prose: Partial<Record<'一' | '二' | '三' | '四' | '五' | '六', string[]>>;
	/** Table rows (by canonical row id prefix, e.g. t3.other.misc) to leave out, as some reports do. */
	omitRows?: string[];
	/** Generated demo data: print the DEMO_MARKER paragraph right after the title. */
	demo?: boolean;
	/**
	 * Print the single （六）其他处理 row of the 2019 layout in table 3 instead of the three 2021 rows
	 * (a variant some 2021 reports have); its values go under t3.other.<column>.
	 */
	singleOther?: boolean;
	/** Label typos as printed: official text → printed text, replaced in the tables' label cells (e.g. 不再处理 → 不现处理). */
	labelTypos?: Record<string, string>;
}

/** Paragraphs printed between the title and section 一 (the demo marker). */
export function paragraphsAfterTitle(spec: ReportSpec): string[] {
	return spec.demo ? [DEMO_MARKER] : [];
}

export const SECTION_HEADINGS: [key: '一' | '二' | '三' | '四' | '五' | '六', heading: string, table?: TableKey][] = [
	['一', '一、总体情况'],
	['二', '二、主动公开政府信息情况', 't2'],
	['三', '三、收到和处理政府信息公开申请情况', 't3'],
	['四', '四、政府信息公开行政复议、行政诉讼情况', 't4'],
	['五', '五、存在的主要问题及改进情况'],
	['六', '六、其他需要报告的事项']
];

/** The layout of a table with the spec's values filled in and omitted rows removed. */
export function filledLayout(spec: ReportSpec, table: TableKey): LayoutRow[] {
	// the 2019 table 3 is the 2021 one with the single （六） row
	const rows = officialLayout(table === 't3' && spec.singleOther ? '2019' : spec.format, table);
	const omit = spec.omitRows ?? [];
	const kept = rows.filter((r) => !r.some((c) => c.id && omit.some((o) => c.id!.startsWith(`${o}.`))));
	// a merged label cell that spanned omitted rows spans fewer
	if (kept.length !== rows.length) {
		const removed = rows.filter((r) => !kept.includes(r));
		for (const r of rows) {
			for (const c of r) {
				if (!c.rowspan || c.rowspan < 2) continue;
				const start = rows.indexOf(r);
				const span = c.rowspan;
				c.rowspan = span - removed.filter((x) => rows.indexOf(x) >= start && rows.indexOf(x) < start + span).length;
			}
		}
	}
	const typos = Object.entries(spec.labelTypos ?? {});
	const label = (text: string) => typos.reduce((t, [from, to]) => t.replaceAll(from, to), text);
	return kept.map((r) => r.map((c) => (c.id ? { ...c, text: spec.values[c.id] ?? '' } : typos.length ? { ...c, text: label(c.text) } : c)));
}
