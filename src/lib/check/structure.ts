/**
 * Findings about the report's structure: what the parser could not read (its problems, passed on
 * with their cells) and rows of the template that the report does not print.
 */
import type { ParseProblem, Report } from '../parse';
import { FORMATS, cellId, type FormatVersion, type RowDef, type TableKey } from '../template';
import type { Finding, Rule, Severity } from './finding';

const PROBLEM_RULES: Record<ParseProblem['kind'], [Rule, Severity]> = {
	'cell.unreadable': ['PARSE', 'error'],
	'cell.placeholder': ['PARSE', 'info'],
	'row.cell_count': ['PARSE', 'error'],
	'row.unknown_label': ['PARSE', 'error'],
	'row.unlabelled': ['PARSE', 'warning'],
	'row.fuzzy_label': ['PARSE', 'info'],
	'row.duplicate': ['PARSE', 'warning'],
	'row.ambiguous': ['PARSE', 'error'],
	'row.damaged': ['PARSE', 'error'],
	'table.missing': ['MISSING', 'error'],
	'format.unknown': ['FORMAT', 'error'],
	'format.assumed': ['FORMAT', 'warning'],
	'meta.missing': ['FORMAT', 'warning']
};

function where(p: ParseProblem): string {
	const w = p.where;
	if (!w) return '';
	const parts = [w.page ? `第${w.page}页` : '', w.line ? `第${w.line}行` : '', w.table !== undefined && !w.line ? `第${w.table + 1}个表格第${(w.row ?? 0) + 1}行` : ''];
	const s = parts.filter(Boolean).join('');
	return s ? `（${s}）` : '';
}

export function problemFindings(r: Report): Finding[] {
	return r.problems.map((p) => {
		const [rule, severity] = PROBLEM_RULES[p.kind];
		return {
			rule,
			severity,
			status: p.kind === 'cell.placeholder' || p.kind === 'row.fuzzy_label' ? 'notice' : 'unverifiable',
			report: r.id,
			kind: p.kind,
			cells: p.cells ?? [],
			expected: null,
			actual: null,
			message: `${p.message}${p.raw !== undefined && p.kind !== 'row.unknown_label' ? `，原文“${p.raw.replace(/\s+/g, ' ').trim()}”` : ''}${where(p)}`
		};
	});
}

/** A row of the template with its cell ids and, for a 2021 （六） part, the ids of the single row that replaces it. */
interface RowCheck {
	table: TableKey;
	row: RowDef;
	ids: string[];
	altIds?: string[];
	message: string;
}

/** Per format, the rows missingRows looks at, in template order (built once). */
const rowChecks = new Map<FormatVersion, RowCheck[]>();
function rowChecksOf(format: FormatVersion): RowCheck[] {
	let out = rowChecks.get(format);
	if (out) return out;
	out = [];
	for (const t of FORMATS[format].tables)
		for (const b of t.blocks) {
			const idsOf = (row: RowDef) => b.columns.map((c) => cellId(t.key, row.key, c.key));
			for (const row of b.rows) {
				// the single （六） row replaces the three 2021 rows
				const alt = b.rows.find((x) => x.alternativeOf && row.key.startsWith(`${x.alternativeOf}.`));
				out.push({
					table: t.key,
					row,
					ids: idsOf(row),
					...(alt ? { altIds: idsOf(alt) } : {}),
					message: `报告未列出“${row.group && t.key === 't3' ? `${row.group}·` : ''}${row.label}”一行`
				});
			}
		}
	rowChecks.set(format, out);
	return out;
}

/** Template rows the report does not print (and that no parse problem already names). */
export function missingRows(r: Report): Finding[] {
	if (!r.format) return [];
	const named = new Set(r.problems.flatMap((p) => p.cells ?? []));
	const missingTables = new Set(r.problems.filter((p) => p.kind === 'table.missing').map((p) => p.table));
	const out: Finding[] = [];
	for (const c of rowChecksOf(r.format)) {
		if (missingTables.has(c.table)) continue;
		if (c.ids.some((id) => id in r.cells || named.has(id))) continue;
		if (c.row.optional) continue;
		if (c.altIds && c.altIds.some((id) => id in r.cells)) continue;
		out.push({
			rule: 'MISSING',
			severity: 'warning',
			status: 'unverifiable',
			report: r.id,
			kind: 'row.missing',
			cells: [...c.ids],
			expected: null,
			actual: null,
			message: c.message
		});
	}
	return out;
}
