/** Report(s) → findings. Per-report rules run on one report; cross-year rules on a whole set. */
import type { Report } from '../parse';
import { zeroActivity } from './activity';
import { crossYear } from './cross';
import type { Finding } from './finding';
import { proseRule } from './prose';
import { rangeRule } from './range';
import { missingRows, problemFindings } from './structure';
import { sumRules } from './sums';

export * from './finding';
export { bodyKey, yearPairs, duplicates, crossYear as crossYearFindings } from './cross';
export { RANGE_LIMIT } from './range';

export interface CheckedReport extends Report {
	findings: Finding[];
}

export function checkReport(r: Report): Finding[] {
	return [...problemFindings(r), ...missingRows(r), ...rangeRule(r), ...sumRules(r), ...zeroActivity(r), ...proseRule(r)];
}

/** Check a set of reports: each on its own, then across years of the same body. */
export function checkAll(reports: Report[]): CheckedReport[] {
	const cross = crossYear(reports);
	return reports.map((r) => ({ ...r, findings: [...checkReport(r), ...cross.filter((f) => f.report === r.id)] }));
}

const ORDER = { error: 0, warning: 1, info: 2 } as const;

export function countBySeverity(fs: Finding[]): Record<'error' | 'warning' | 'info', number> {
	const c = { error: 0, warning: 0, info: 0 };
	for (const f of fs) c[f.severity]++;
	return c;
}

export function sortFindings(fs: Finding[]): Finding[] {
	return [...fs].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}
