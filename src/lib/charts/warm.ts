/**
 * The overview's filter change, computed once for another county at idle after the page is drawn, and thrown
 * away: the first change a reader makes otherwise runs all of this code for the first time (V8 compiles a function
 * on its first call and optimises it after a few), which made the first change after a load 2–3× slower than the
 * same change later. Nothing is shown and the page draws what it drew before; what is kept is the rows grouped by
 * county (bycounty.ts) and every report's headline and prose counts summed per year (headline.ts), which the page's
 * filter changes then take instead of a pass over every report.
 */
import type { FactRow } from '$lib/db/queries';
import { reportHref } from '$lib/filters/links';
import type { SummaryRow } from '$lib/store/summary';
import { layoutBars } from './bars';
import { countyRows } from './bycounty';
import { cellView } from './matrixcells';
import { coverageOf, coverageSummary, headlineCards, headlineOf, proseOf, type BodyOrder } from './overview';
import { requestsChartData, requestsOf, requestsSummary } from './requests';

/** A number from every result, so none of the work can be skipped; the page ignores it. */
export function warmFilterPath(facts: FactRow[], summary: readonly SummaryRow[], county: string, years: number[], order: BodyOrder, limit: number): number {
	// the rows grouped by county, kept for the page's filter changes (bycounty.ts): real work moved to idle
	const rows = countyRows(facts, county) as FactRow[];
	// the per-year sums of every report (全部地区 with other years then adds a few sums): kept too
	let n = headlineOf(facts, years).reports + (proseOf(summary, null, years)?.reports ?? 0);
	const own = countyRows(summary, county) as SummaryRow[];
	const coverage = coverageOf(rows, years, order);
	const shown = coverage.rows.slice(0, limit);
	n += coverageSummary(coverage, county).length;
	for (const row of shown) for (const c of row.cells) n += cellView(row, c, reportHref).title.length;
	const cards = headlineCards(headlineOf(rows, years), coverage, proseOf(own, county, years), { quality: '', matrix: '' });
	n += cards.length;
	const requests = requestsOf(
		shown.flatMap((r) => r.reports ?? []),
		years
	);
	const chart = requestsChartData(requests);
	n += requestsSummary(requests).length;
	const scale = { x: () => 0, bandwidth: 100, y: (v: number) => v, height: 100, color: () => '' };
	return n + layoutBars(chart.data, chart.series.map((s) => s.key), scale, 44, 11).length;
}
