/**
 * The uploads' summary rows merged into summary.json's (pure, no DuckDB or Arrow: it is on the first paint's path,
 * while uploads.ts with the Arrow writer is loaded only with the database).
 */
import type { SummaryRow } from '$lib/store/summary';

export const UPLOAD_ORIGIN = '用户上传' as const;

export type SummaryPatch = Pick<SummaryRow, 'id' | 'errors' | 'warnings' | 'errorRules'>;

/**
 * summary.json's rows with the uploads: an upload replaces the bundled row of the same id and is added otherwise;
 * bundled rows whose cross-year findings changed get their new counts. Rows stay in id order.
 */
export function mergeSummary(base: SummaryRow[], rows: SummaryRow[], patches: SummaryPatch[] = []): SummaryRow[] {
	// nothing uploaded: summary.json's rows as they are (written in id order; 100k rows need no copy and no sort)
	if (!rows.length && !patches.length && base.every((r, i) => i === 0 || base[i - 1].id < r.id)) return base;
	const up = new Set(rows.map((r) => r.id));
	const patch = new Map(patches.map((p) => [p.id, p]));
	const out = base.filter((r) => !up.has(r.id)).map((r) => (patch.has(r.id) ? { ...r, ...patch.get(r.id)! } : r));
	return [...out, ...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
