/**
 * The coverage matrix as a picture for export: one row per body, one column per year, each cell with the colour,
 * icon and word of the page (never colour alone). Pure: returns the chart part and legend the export stamps.
 */
import { escapeXml, textWidth, type ChartContent, type LegendItem } from '$lib/export/svg';
import type { CellStatus, Coverage } from './overview';

const LOOK: Record<CellStatus, { fill: string; stroke: string; icon: string; word: string; key: string }> = {
	ok: { fill: '#d4efe4', stroke: '#009e73', icon: '✓', word: '正常', key: '已报告，无问题' },
	warning: { fill: '#fbf1c7', stroke: '#b59b00', icon: '△', word: '警告', key: '有警告' },
	zero: { fill: '#dcecf9', stroke: '#56b4e9', icon: '○', word: '零活动', key: '全年零申请、零复议、零诉讼' },
	error: { fill: '#fadccb', stroke: '#d55e00', icon: '✕', word: '错误', key: '表格数字不一致' },
	missing: { fill: '#ececec', stroke: '#8c8c8c', icon: '—', word: '未报', key: '未见该年度报告' }
};
const ORDER: CellStatus[] = ['ok', 'warning', 'zero', 'error', 'missing'];
const ROW = 26;
const COL = 84;
const HEAD = 28;

/** Legend of the matrix states (colour + word). */
export function matrixLegend(): LegendItem[] {
	return ORDER.map((s) => ({ label: `${LOOK[s].icon}${LOOK[s].word}：${LOOK[s].key}`, color: LOOK[s].stroke }));
}

export function matrixContent(c: Coverage): ChartContent {
	const labels = c.rows.map((r) => `${r.label}${r.demo ? '（演示）' : r.real ? '' : '（部分真实）'}${r.uploaded ? '（上传）' : ''}`);
	const labelW = Math.ceil(Math.min(260, Math.max(80, ...labels.map((l) => textWidth(l, 12) + 12))));
	const width = labelW + c.years.length * COL;
	const height = HEAD + c.rows.length * ROW;
	const out: string[] = [];
	c.years.forEach((y, j) => {
		out.push(`<text x="${labelW + j * COL + COL / 2}" y="18" font-size="12" font-weight="bold" text-anchor="middle" fill="#262626">${y}年</text>`);
	});
	c.rows.forEach((r, i) => {
		const y = HEAD + i * ROW;
		const label = labels[i].length > 20 ? `${[...labels[i]].slice(0, 19).join('')}…` : labels[i];
		out.push(`<text x="${labelW - 8}" y="${y + 17}" font-size="12" text-anchor="end" fill="#262626">${escapeXml(label)}</text>`);
		r.cells.forEach((x, j) => {
			const look = LOOK[x.status];
			const cx = labelW + j * COL;
			const dash = x.status === 'missing' ? ' stroke-dasharray="3 2"' : '';
			out.push(`<rect x="${cx + 3}" y="${y + 3}" width="${COL - 6}" height="${ROW - 6}" rx="3" fill="${look.fill}" stroke="${look.stroke}"${dash}/>`);
			const word = x.status === 'error' ? `${look.icon}${look.word} ${x.errors}` : `${look.icon}${look.word}`;
			out.push(
				`<text x="${cx + COL / 2}" y="${y + 17}" font-size="12" text-anchor="middle" fill="#262626"${x.status === 'error' ? ' font-weight="bold"' : ''}>${escapeXml(word)}</text>`
			);
		});
	});
	const markup = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${out.join('')}</svg>`;
	return { parts: [{ x: 0, y: 0, width, height, markup }], texts: [], width, height };
}
