/**
 * The stored form of a checked report: one JSON document per report. Key order is fixed (cells in
 * template order) so the same input always gives byte-identical output.
 */
import type { CheckedReport } from '../check';
import { ALL_CELL_IDS } from '../template';

export const RECORD_KIND = 'gov-disclosure-report';

/** Position of each canonical id in template order. */
const POSITION = new Map(ALL_CELL_IDS.map((id, i) => [id, i]));

function ordered<T>(map: Record<string, T>): Record<string, T> {
	// already in template order and holding only template ids (the parser reads the rows of most reports in that
	// order; a stored record is in it): the map itself, which serialises the same as a reordered copy
	let last = -1;
	let inOrder = true;
	for (const id in map) {
		const p = POSITION.get(id);
		if (p === undefined || p <= last) {
			inOrder = false;
			break;
		}
		last = p;
	}
	if (inOrder) return map;
	const out: Record<string, T> = {};
	let n = 0;
	for (const id of ALL_CELL_IDS)
		if (id in map) {
			out[id] = map[id];
			n++;
		}
	// ids outside the template (none in practice) after the template's, sorted
	const keys = Object.keys(map);
	if (keys.length > n) for (const id of keys.sort()) if (!(id in out)) out[id] = map[id];
	return out;
}

/** The record as written: cells in template order; prose dropped when asked. */
export function toRecord(r: CheckedReport, opts: { dropProse?: boolean } = {}): CheckedReport & { kind: string } {
	return {
		kind: RECORD_KIND,
		schema: r.schema,
		id: r.id,
		source: r.source,
		meta: r.meta,
		format: r.format,
		cells: ordered(r.cells),
		detail: ordered(r.detail),
		sections: opts.dropProse ? {} : r.sections,
		prose: opts.dropProse ? r.prose.map(({ text: _t, ...p }) => ({ ...p, text: '' })) : r.prose,
		problems: r.problems,
		findings: r.findings
	};
}

export function recordJson(r: CheckedReport, opts: { dropProse?: boolean } = {}): string {
	return JSON.stringify(toRecord(r, opts), null, '\t') + '\n';
}

/** Read a stored record back; undefined for JSON that is not one of ours. */
export function parseRecord(text: string): CheckedReport | undefined {
	try {
		const o = JSON.parse(text);
		if (o && o.kind === RECORD_KIND && o.source && o.cells) return o as CheckedReport;
	} catch {
		/* not a record */
	}
	return undefined;
}
