/**
 * Findings about the report's structure: what the parser could not read (its problems, passed on
 * with their cells) and rows of the template that the report does not print.
 */
import type { ParseProblem, Report } from '../parse';
import { FORMATS, cellId, type RowDef } from '../template';
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

/** Template rows the report does not print (and that no parse problem already names). */
export function missingRows(r: Report): Finding[] {
	if (!r.format) return [];
	const named = new Set(r.problems.flatMap((p) => p.cells ?? []));
	const out: Finding[] = [];
	for (const t of FORMATS[r.format].tables) {
		if (r.problems.some((p) => p.kind === 'table.missing' && p.table === t.key)) continue;
		for (const b of t.blocks) {
			const present = (row: RowDef) => b.columns.some((c) => cellId(t.key, row.key, c.key) in r.cells);
			for (const row of b.rows) {
				const ids = b.columns.map((c) => cellId(t.key, row.key, c.key));
				if (present(row) || ids.some((id) => named.has(id))) continue;
				if (row.optional) continue;
				// the single （六） row replaces the three 2021 rows
				const alt = b.rows.find((x) => x.alternativeOf && row.key.startsWith(`${x.alternativeOf}.`));
				if (alt && present(alt)) continue;
				out.push({
					rule: 'MISSING',
					severity: 'warning',
					status: 'unverifiable',
					report: r.id,
					kind: 'row.missing',
					cells: ids,
					expected: null,
					actual: null,
					message: `报告未列出“${row.group && t.key === 't3' ? `${row.group}·` : ''}${row.label}”一行`
				});
			}
		}
	}
	return out;
}
