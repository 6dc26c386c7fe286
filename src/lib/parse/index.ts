/**
 * Document → normalized report: metadata, format, every table cell under its canonical id with raw
 * text and source location, the six sections' prose and the counts quoted in it.
 */
import type { DocModel } from '../extract/model';
import { FORMATS, type FormatVersion, type TableKey } from '../template';
import { ParseError } from './errors';
import { metaOf } from './meta';
import { proseCounts } from './prose';
import { REPORT_SCHEMA, type CellDetail, type ParseProblem, type Report, type ReportMeta } from './report';
import { splitSections } from './sections';
import { detectFormat, groupTables, readLabelledTable, readUnlabelledTable } from './tables';

export * from './report';
export { ParseError } from './errors';
export { readCell } from './number';
export { placeOf, bodyFromTitle } from './meta';

export interface ParseOptions {
	/** Size and SHA-256 of the source bytes (the extract stage does not keep them). */
	bytes: number;
	sha256: string;
	/** Metadata given by the user or a sidecar file; overrides what is detected. */
	meta?: Partial<ReportMeta>;
	/** Drop the prose sections (for bundling real reports without their text). */
	dropProse?: boolean;
	/** Format given by the user when detection fails. */
	format?: FormatVersion;
}

/** A file-system-safe record id: the source file's base name. */
export function reportId(file: string): string {
	return file.replace(/[/\\:*?"<>|\u0000-\u001f]/g, '_');
}

export function parseReport(doc: DocModel, opts: ParseOptions): Report {
	const meta = metaOf(doc, opts.meta);
	if (meta.year !== null && meta.year < 2019)
		throw new ParseError(doc.file, `${meta.year}年的报告早于2019年统一格式，没有固定表格，不予解析`);

	const problems: ParseProblem[] = [];
	const { text, sectionOfBlock } = splitSections(doc.blocks);
	const tables = groupTables(doc.blocks, sectionOfBlock);
	if (!tables.t2 && !tables.t3 && !tables.t4)
		throw new ParseError(doc.file, '文件中没有找到年度报告的统计表格（可能是扫描图片或不是年度报告）');

	let format = opts.format ?? detectFormat(tables.t2, tables.t3);
	if (!format && meta.year !== null) {
		format = meta.year <= 2020 ? '2019' : '2021';
		problems.push({ kind: 'format.assumed', message: `无法从表头判断格式，按年份（${meta.year}年）采用${FORMATS[format].name}` });
	}
	const detail: Record<string, CellDetail> = {};
	const cells: Record<string, number | null> = {};
	if (!format) {
		problems.push({ kind: 'format.unknown', message: '无法判断报告格式（表二表头不符合2019或2021格式，年份也未知）' });
	} else {
		for (const t of FORMATS[format].tables) {
			const rows = tables[t.key as TableKey];
			if (!rows) {
				problems.push({ kind: 'table.missing', message: `缺少${tableName(t.key)}（${t.title}）`, table: t.key });
				continue;
			}
			// straight into the report's maps and problems, in table order (as copying each table's reading did)
			const out = { detail, cells, problems };
			if (t.unlabelled) readUnlabelledTable(format, t.key, rows, out);
			else readLabelledTable(format, t.key, rows, out);
		}
	}
	if (!meta.body) problems.push({ kind: 'meta.missing', message: '未能识别报告单位名称，请指定' });
	if (meta.year === null) problems.push({ kind: 'meta.missing', message: '未能识别报告年份，请指定' });

	return {
		schema: REPORT_SCHEMA,
		id: reportId(doc.file),
		source: { file: doc.file, kind: doc.kind, ...(doc.encoding ? { encoding: doc.encoding } : {}), bytes: opts.bytes, sha256: opts.sha256 },
		meta,
		format: format ?? null,
		cells,
		detail,
		sections: opts.dropProse ? {} : text,
		prose: proseCounts(doc.blocks, sectionOfBlock),
		problems
	};
}

export function tableName(key: TableKey): string {
	return key === 't2' ? '表二' : key === 't3' ? '表三' : '表四';
}
