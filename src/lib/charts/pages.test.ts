/** The pure logic behind the dashboard pages, on small hand-made rows. */
import { describe, expect, it } from 'vitest';
import type { CellRow, FactRow } from '$lib/db/queries';
import { drillSegments, outcomeRate, outcomeValue, OUTCOMES, rateMetric, singleOther } from './applications';
import { correctionRate, appealGroup, resultValue, totalCheck } from './appeals';
import { catalogOf, compareBodies } from './bodies';
import { compareData, panelData } from './chartdata';
import { COMPARE_METRICS, compareMetricChart, diffTable, metricValue } from './compare';
import { disclosureMetric, disclosureSegments } from './disclosures';
import { cellText, coverageOf, headlineOf } from './overview';
import { cellView } from './matrixcells';
import { segmentSummary } from './summaries';
import { scopeOf } from '$lib/filters/common';
import { fact, ref, row } from '../../../test/fixtures/rows';


describe('bodies', () => {
	it('orders the county government, then townships, then departments, and lists regions and years', () => {
		const rows = [fact('甲县财政局', 2024, {}), fact('甲县乙乡', 2023, {}), fact('甲县人民政府', 2024, {}), fact('乙区人民政府', 2022, {}, { county: '乙区' })];
		const c = catalogOf(rows);
		expect(c.bodies.map((b) => b.body)).toEqual(['甲县人民政府', '甲县乙乡', '甲县财政局', '乙区人民政府']);
		expect(c.regions).toEqual(['甲县', '乙区']);
		expect(c.years).toEqual([2022, 2023, 2024]);
		expect(c.bodies[1].label).toBe('乙乡');
		expect(compareBodies(rows[0], rows[0])).toBe(0);
	});
});

describe('overview', () => {
	const rows = [
		fact('甲县甲乡', 2023, { new: 3, granted: 1, partial: null }),
		fact('甲县甲乡', 2024, { new: 0 }, { zero: true, warnings: 1 }),
		fact('甲县乙乡', 2024, { new: 5, review: 2 }, { errors: 2, errorRules: ['R1', 'R3'] })
	];
	it('expects every body that reported in any year for every year shown', () => {
		const c = coverageOf(rows, [2023, 2024]);
		expect(c.expected).toBe(4);
		expect(c.received).toBe(3);
		expect(c.missing).toBe(1);
		// 甲乡 2023 ok, 甲乡 2024 zero (before its warning), 乙乡 2023 missing, 乙乡 2024 error
		expect(c.counts).toEqual({ missing: 1, error: 1, zero: 1, warning: 0, ok: 1 });
		// 1 body with an error in 2024, 2 with zero activity, 3 with a warning, 4 fine, 5 with a report in 2023 only
		const kinds: Partial<FactRow>[] = [{ errors: 1 }, { zero: true }, { warnings: 1 }, {}];
		const many = kinds.flatMap((extra, k) => Array.from({ length: k + 1 }, (_, i) => fact(`甲县${k}乡${i}`, 2024, {}, extra)));
		many.push(...Array.from({ length: 5 }, (_, i) => fact(`甲县旧${i}`, 2023, {})));
		expect(coverageOf(many, [2024]).counts).toEqual({ error: 1, zero: 2, warning: 3, ok: 4, missing: 5 });
		const yi = c.rows.find((r) => r.body === '甲县乙乡')!;
		expect(yi.cells.map((x) => x.status)).toEqual(['missing', 'error']);
		expect(cellText(yi.cells[1])).toBe('2 处错误（R1、R3）');
		expect(c.rows.find((r) => r.body === '甲县甲乡')!.cells[1].status).toBe('zero');
		expect(cellText(yi.cells[0])).toBe('未见报告');
	});
	it('gives each matrix cell its link, words and accessible name once', () => {
		const mixed = [...rows, fact('甲县乙乡', 2023, { new: 1 }, { demo: false, origin: '真实报告', zero: true, errors: 1, errorRules: ['R2'] })];
		const c = coverageOf(mixed, [2022, 2023, 2024]);
		const href = (id: string) => `/report?id=${id}`;
		const yi = c.rows.find((r) => r.body === '甲县乙乡')!;
		const [none, real, err] = yi.cells.map((x) => cellView(yi, x, href));
		expect(none).toMatchObject({ year: 2022, status: 'missing', report: '', href: null, cls: 'cell missing', title: '甲县乙乡 2022年：未见报告', word: '未报' });
		// a real report among demo ones is outlined (class real); an error cell says its count; zero activity adds ○ (class also)
		expect(real).toMatchObject({ status: 'error', report: '甲县乙乡_2023', href: '/report?id=甲县乙乡_2023', cls: 'cell error real also', word: '错误1' });
		expect(real.title).toBe(`甲县乙乡 2023年（真实报告）：${cellText(yi.cells[1])}`);
		expect(real.label).toBe(`${yi.label} 2023年（真实报告）：${cellText(yi.cells[1])}`);
		expect(err).toMatchObject({ status: 'error', cls: 'cell error', word: '错误2' });
		const jia = c.rows.find((r) => r.body === '甲县甲乡')!;
		expect(cellView(jia, jia.cells[2], href)).toMatchObject({ status: 'zero', cls: 'cell zero', word: '零活动' });
	});
	it('sums headline figures over the years, counting blanks instead of adding them as 0', () => {
		const h = headlineOf(rows, [2023, 2024]);
		expect(h.requests).toEqual({ value: 8, blanks: 0 });
		expect(h.granted).toEqual({ value: 1, blanks: 1 });
		expect(h.reviews.value).toBe(2);
		expect(h.withFindings).toBe(2);
		expect(h.withErrors).toBe(1);
		expect(headlineOf(rows, [2024]).reports).toBe(2);
	});
});

describe('table 3', () => {
	it('sums a category over the sub-rows the report prints; all blank stays blank', () => {
		const denied = OUTCOMES.find((o) => o.key === 'denied')!;
		expect(outcomeValue(row('甲县甲乡', 2024, { 't3.denied.process.total': 2, 't3.denied.query.total': 1 }), denied)).toBe(3);
		expect(outcomeValue(row('甲县甲乡', 2024, {}), denied)).toBeNull();
	});
	it('drills into the single （六） row for 2019 reports and the three rows for split 2021 reports', () => {
		const segs = drillSegments('other');
		const old = row('甲县甲乡', 2019, { 't3.other.total': 4 });
		const split = row('甲县甲乡', 2024, { 't3.other.overdue_correction.total': 1, 't3.other.overdue_fee.total': 0, 't3.other.misc.total': 2 });
		expect(singleOther(old)).toBe(true);
		expect(singleOther(split)).toBe(false);
		const used = (r: CellRow) => segs.filter((s) => s.applies!(r)).map((s) => s.key);
		expect(used(old)).toEqual(['other']);
		expect(used(split)).toEqual(['other.overdue_correction', 'other.overdue_fee', 'other.misc']);
	});
	it('rates granted in full or in part over all outcomes, with the guard', () => {
		const r = row('甲县甲乡', 2024, { 't3.granted.total': 6, 't3.partial.total': 2, 't3.total.total': 10 });
		expect(outcomeRate([r], rateMetric('open')).value).toBeCloseTo(0.8);
		const small = row('甲县甲乡', 2024, { 't3.granted.total': 6, 't3.partial.total': 2, 't3.total.total': 9 });
		expect(outcomeRate([small], rateMetric('open')).status).toBe('small');
		expect(outcomeRate([small, r], rateMetric('open')).value).toBeCloseTo(16 / 19);
	});
});

describe('table 4', () => {
	const r = row('甲县甲乡', 2023, {
		't4.review.upheld': 5,
		't4.review.corrected': 3,
		't4.review.other': 3,
		't4.review.pending': 0,
		't4.review.total': 0,
		't4.suit_direct.upheld': 1,
		't4.suit_after_review.upheld': 2
	});
	it('sums the two kinds of lawsuit and flags a total that disagrees with its parts', () => {
		expect(resultValue(r, appealGroup('suit'), 'upheld')).toBe(3);
		expect(totalCheck(r, appealGroup('review'))).toEqual({ total: 0, parts: 11, agrees: false });
	});
	it('纠错率 = corrected / (upheld + corrected + other), pending left out, with the guard', () => {
		expect(correctionRate([r], appealGroup('review')).value).toBeCloseTo(3 / 11);
		expect(correctionRate([r], appealGroup('review'), 12).status).toBe('small');
	});
});

describe('table 2', () => {
	it('never puts a 2019 column in a 2021 report or the other way round', () => {
		const segs = disclosureSegments(disclosureMetric('normative'));
		const r19 = row('甲县甲乡', 2019, { 't2.normative.made': 3 });
		const r21 = row('甲县甲乡', 2024, { 't2.normative.issued': 1 });
		const d = panelData([r19, r21], segs, { unit: '件' });
		const bars = d.panels[0].data.map((x) => `${x.group}:${x.series}`);
		expect(bars).toContain('甲县甲乡_2019:2019:made');
		expect(bars).toContain('甲县甲乡_2024:2021:issued');
		expect(bars).not.toContain('甲县甲乡_2019:2021:issued');
		expect(bars).not.toContain('甲县甲乡_2024:2019:made');
		expect(d.series.map((s) => s.label)).toContain('本年新制作（2019试行格式）');
	});
	it('keeps blanks as null in the chart data (drawn as 空白)', () => {
		const d = compareData([row('甲县甲乡', 2024, { 't2.licensing.decisions': null })], disclosureSegments(disclosureMetric('decisions')), { unit: '件' });
		expect(d.data.find((x) => x.series === 'licensing')?.value).toBeNull();
	});
});

describe('compare', () => {
	const rows = [
		row('甲县甲乡', 2024, { 't3.new.total': 10, 't2.fees.amount': 1.5 }),
		row('甲县乙乡', 2024, { 't3.new.total': 4, 't2.fees.amount': null }),
		row('甲县乙乡', 2019, { 't3.new.total': 2 })
	];
	it('tabulates values and differences from the first body; 未报 and 无此项 have no number', () => {
		const d = diffTable(rows, ['甲县甲乡', '甲县乙乡'], [2019, 2024], [COMPARE_METRICS[0], COMPARE_METRICS.find((m) => m.key === 'fees')!]);
		const new24 = d.find((x) => x.metric.key === 'new' && x.year === 2024)!;
		expect(new24.cells.map((c) => [c.value, c.diff])).toEqual([
			[10, null],
			[4, -6]
		]);
		const new19 = d.find((x) => x.metric.key === 'new' && x.year === 2019)!;
		expect(new19.cells[0]).toEqual({ reportId: null, value: undefined, diff: null });
		expect(metricValue(rows[2], COMPARE_METRICS.find((m) => m.key === 'fees')!)).toBeUndefined();
		const chart = compareMetricChart(rows, ['甲县甲乡', '甲县乙乡'], [2019, 2024], COMPARE_METRICS[0], (id) => id);
		expect(chart.data.find((x) => x.group === '甲县甲乡' && x.series === '2019')?.nullText).toBe('未报');
	});
});

describe('summaries and scope', () => {
	it('says the total, the largest category and the blanks in one sentence', () => {
		const rows = [row('甲县甲乡', 2024, { 't3.new.total': 3, 't3.carried.total': null }), row('甲县乙乡', 2024, { 't3.new.total': 5, 't3.carried.total': 1 })];
		const segs = [
			{ key: 'new', label: '本年新收', value: (r: CellRow) => r.cells['t3.new.total'] },
			{ key: 'carried', label: '上年结转', value: (r: CellRow) => r.cells['t3.carried.total'] }
		];
		expect(segmentSummary(rows, segs, '甲县 2024年', '件', '收到申请')).toBe(
			'甲县 2024年共 2 份报告，收到申请合计 9 件，其中“本年新收”最多（8 件）；最多的是乙乡（2024年，6 件）；1 份报告有空白项，未计入。'
		);
	});
	it('resolves the view: latest year by default, bodies of the region only', () => {
		const c = catalogOf([fact('甲县甲乡', 2023, {}), fact('甲县甲乡', 2024, {}), fact('乙区丙乡', 2024, {}, { county: '乙区' })]);
		const s = scopeOf({ region: '甲县', body: ['乙区丙乡', '甲县甲乡'], view: 'bodies', year: null, from: null, to: null }, c);
		expect(s.bodies).toEqual(['甲县甲乡']);
		expect(s.years).toEqual([2024]);
		const t = scopeOf({ region: null, body: [], view: 'years', year: 2023, from: 2023, to: null }, c);
		expect(t.years).toEqual([2023, 2024]);
	});
});
