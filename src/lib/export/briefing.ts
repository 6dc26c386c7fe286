/**
 * The briefing pack (.docx, opens in Word and WPS): title, scope, key figures, the charts of the page as
 * pictures, and the findings (missing reports, zero activity, inconsistent tables), with 演示数据 marked.
 * Built with `docx`, which is loaded with import() only when someone asks for a briefing.
 */
import type * as Docx from 'docx';
import { filterText, isoDate, SOURCE, yearsText, type ExportScope } from './stamp';

export interface BriefingFigure {
	label: string;
	/** The figure as shown, with its unit (e.g. 1,234 件, 空白). */
	value: string;
	/** What it counts / blanks note. */
	note: string;
}

export interface BriefingChart {
	title: string;
	png: Uint8Array;
	/** CSS px of the picture (the PNG itself is 2×). */
	width: number;
	height: number;
	demo: boolean;
}

export interface BriefingFinding {
	body: string;
	year: number;
	kind: string;
	text: string;
	demo: boolean;
}

export interface BriefingData {
	/** The page the briefing was made from (总览, 依申请公开 …). */
	page: string;
	scope: ExportScope;
	demo: boolean;
	date: Date;
	figures: BriefingFigure[];
	charts: BriefingChart[];
	findings: BriefingFinding[];
}

export const DEMO_WARNING = '注意：本简报含演示数据（不是真实报告），仅用于展示功能，不能作为工作依据。';

export function briefingTitle(d: Pick<BriefingData, 'scope'>): string {
	return `${d.scope.where}${yearsText(d.scope.years)}政府信息公开工作情况简报`;
}

/** 标题_范围_年份_日期.docx */
export function briefingFileName(d: Pick<BriefingData, 'scope' | 'date'>): string {
	return `政府信息公开简报_${d.scope.where}${d.scope.years.length ? `_${yearsText(d.scope.years)}` : ''}_${isoDate(d.date)}.docx`.replace(/[/\\:*?"<>|\u0000-\u001f]/g, '');
}

/** Fits a picture into the page width (px at 96 dpi) and a maximum height, keeping its proportions. */
export function fitPicture(w: number, h: number, maxW = 600, maxH = 820): { width: number; height: number } {
	const k = Math.min(1, maxW / w, maxH / h);
	return { width: Math.round(w * k), height: Math.round(h * k) };
}

/** The Word document (pass the `docx` module: tests import it directly, the browser lazily). */
export function briefingDocument(docx: typeof Docx, d: BriefingData): Docx.Document {
	const { AlignmentType, BorderStyle, Document, HeadingLevel, ImageRun, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } = docx;
	const p = (text: string, opts: { bold?: boolean; color?: string; size?: number } = {}) =>
		new Paragraph({ children: [new TextRun({ text, bold: opts.bold, color: opts.color, size: opts.size })], spacing: { after: 80 } });
	const h = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text, heading: level, spacing: { before: 240, after: 120 } });
	const border = { style: BorderStyle.SINGLE, size: 4, color: 'BFBFBF' };
	const borders = { top: border, bottom: border, left: border, right: border };
	const cell = (text: string, head = false, width?: number) =>
		new TableCell({
			children: [new Paragraph({ children: [new TextRun({ text, bold: head, size: 20 })] })],
			borders,
			width: width ? { size: width, type: WidthType.PERCENTAGE } : undefined,
			shading: head ? { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' } : undefined,
			margins: { top: 40, bottom: 40, left: 80, right: 80 }
		});
	const table = (head: string[], rows: string[][], widths: number[]) =>
		new Table({
			width: { size: 100, type: WidthType.PERCENTAGE },
			rows: [
				new TableRow({ tableHeader: true, children: head.map((t, i) => cell(t, true, widths[i])) }),
				...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, false, widths[i])) }))
			]
		});

	const children: (Docx.Paragraph | Docx.Table)[] = [
		new Paragraph({ text: briefingTitle(d), heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, spacing: { after: 200 } })
	];
	if (d.demo) children.push(p(DEMO_WARNING, { bold: true, color: 'B45F06' }));
	children.push(h('一、范围', HeadingLevel.HEADING_1));
	children.push(p(`页面：${d.page}`));
	children.push(p(`筛选条件：${filterText(d.scope.filters) || '无'}`));
	children.push(p(`生成日期：${isoDate(d.date)}`));

	children.push(h('二、主要数字', HeadingLevel.HEADING_1));
	children.push(table(['指标', '数值', '说明'], d.figures.map((f) => [f.label, f.value, f.note]), [25, 20, 55]));

	children.push(h('三、图表', HeadingLevel.HEADING_1));
	if (!d.charts.length) children.push(p('本页没有可导出的图表。'));
	d.charts.forEach((c, i) => {
		const size = fitPicture(c.width, c.height);
		children.push(h(`图${i + 1}　${c.title}${c.demo ? '（含演示数据）' : ''}`, HeadingLevel.HEADING_2));
		children.push(
			new Paragraph({
				keepLines: true,
				children: [new ImageRun({ type: 'png', data: c.png, transformation: size, altText: { name: c.title, description: c.title, title: c.title } })]
			})
		);
	});

	children.push(h('四、发现的问题', HeadingLevel.HEADING_1));
	if (!d.findings.length) children.push(p('所选范围内未发现缺报、零活动或表格数字不一致。'));
	else {
		const count = (k: string) => d.findings.filter((f) => f.kind.includes(k)).length;
		children.push(p(`共 ${d.findings.length} 项：未报 ${count('未报')} 项，零活动 ${count('零活动')} 项，数字不一致 ${count('不一致')} 项。`));
		children.push(
			table(
				['单位', '年度', '问题', '说明', '数据性质'],
				d.findings.map((f) => [f.body, `${f.year}年`, f.kind, f.text, f.demo ? '演示数据' : '真实报告']),
				[26, 10, 12, 38, 14]
			)
		);
	}
	children.push(new Paragraph({ spacing: { before: 240 }, children: [new TextRun({ text: `${SOURCE}${d.demo ? '（含演示数据）' : ''}`, size: 18, color: '595959' })] }));

	return new Document({
		creator: '政府信息公开工作年度报告分析',
		title: briefingTitle(d),
		styles: { default: { document: { run: { font: { ascii: 'Arial', hAnsi: 'Arial', eastAsia: 'SimSun' }, size: 22 } } } },
		sections: [
			{
				properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1300, right: 1300 } } },
				children
			}
		]
	});
}

/** The .docx as a Blob (browser). */
export async function briefingBlob(d: BriefingData): Promise<Blob> {
	const docx = await import('docx');
	return docx.Packer.toBlob(briefingDocument(docx, d));
}
