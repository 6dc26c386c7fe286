/**
 * The optional sidecar `reports.csv` beside report files: one row per file with the metadata a
 * person confirms (file, body, county, township, year; optional province, city, format, origin).
 * Its values override what the parser detects. Parsed with papaparse (quoted fields, BOM, CRLF).
 */
import Papa from 'papaparse';
import type { ReportMeta } from '../parse';
import type { FormatVersion } from '../template';

export const SIDECAR_NAME = 'reports.csv';

export interface SidecarEntry {
	meta: Partial<ReportMeta>;
	format?: FormatVersion;
}

const HEADERS: Record<string, string> = {
	file: 'file', 文件: 'file', 文件名: 'file',
	body: 'body', 单位: 'body', 单位名称: 'body',
	province: 'province', 省: 'province',
	city: 'city', 市: 'city', 地区: 'city',
	county: 'county', 县: 'county', 县区: 'county',
	township: 'township', 乡镇: 'township',
	year: 'year', 年份: 'year', 年度: 'year',
	format: 'format', 格式: 'format',
	origin: 'origin', 来源: 'origin'
};

export interface SidecarResult {
	entries: Map<string, SidecarEntry>;
	errors: string[];
}

export function parseSidecar(text: string): SidecarResult {
	const res = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
		header: true,
		skipEmptyLines: 'greedy',
		transformHeader: (h) => HEADERS[h.trim().toLowerCase()] ?? HEADERS[h.trim()] ?? h.trim()
	});
	const entries = new Map<string, SidecarEntry>();
	const errors = res.errors.map((e) => `${SIDECAR_NAME} 第${(e.row ?? 0) + 2}行：${e.message}`);
	res.data.forEach((row, i) => {
		const line = i + 2;
		const file = row.file?.trim();
		if (!file) {
			errors.push(`${SIDECAR_NAME} 第${line}行：缺少文件名（file）`);
			return;
		}
		const meta: Partial<ReportMeta> = {};
		for (const k of ['body', 'province', 'city', 'county', 'township'] as const) if (row[k]?.trim()) meta[k] = row[k].trim();
		if (row.year?.trim()) {
			const y = Number(row.year.trim().replace(/年$/, ''));
			if (Number.isInteger(y) && y >= 2000 && y <= 2100) meta.year = y;
			else errors.push(`${SIDECAR_NAME} 第${line}行：年份“${row.year}”无效`);
		}
		if (row.origin?.trim() === '演示数据') {
			meta.origin = '演示数据';
			meta.demo = true;
		}
		const f = row.format?.trim();
		const format = f === '2021' || f === '2019' ? f : undefined;
		if (f && !format) errors.push(`${SIDECAR_NAME} 第${line}行：格式“${f}”无效（应为 2021 或 2019）`);
		entries.set(file, { meta, ...(format ? { format } : {}) });
	});
	return { entries, errors };
}
