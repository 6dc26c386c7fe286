import { describe, expect, it } from 'vitest';
import { ALL_CELL_IDS, FORMATS, cellsOf, dbColumn, matchLabel, normalizeLabel, officialLayout, rowLabels, rowsOf } from './index';
import { describeCorpus, truth } from '../../../test/corpus';

/** Ids a report of the format prints in full (the 2021 single （六） row is an alternative). */
const printedIds = (f: '2021' | '2019') => cellsOf(f).filter((c) => !c.row.alternativeOf).map((c) => c.id);

describe('template', () => {
	it('has the cell counts of FORMAT.md', () => {
		// 2021: table 2 10 cells, table 3 25 rows × 7, table 4 15
		expect(printedIds('2021')).toHaveLength(10 + 25 * 7 + 15);
		// 2019: table 2 22 cells, table 3 23 rows × 7, table 4 15
		expect(printedIds('2019')).toHaveLength(22 + 23 * 7 + 15);
	});

	it('gives every id a distinct database column', () => {
		const cols = ALL_CELL_IDS.map(dbColumn);
		expect(new Set(cols).size).toBe(cols.length);
		expect(dbColumn('t3.denied.third_party.natural')).toBe('t3_denied_third_party_natural');
	});

	it('names ids as FORMAT.md does', () => {
		expect(ALL_CELL_IDS).toContain('t3.denied.third_party.natural');
		expect(ALL_CELL_IDS).toContain('t3.other.total');
		expect(ALL_CELL_IDS).toContain('t2.procurement.amount');
		expect(ALL_CELL_IDS).toContain('t4.suit_after_review.pending');
	});

	it('row labels are unique within a table after normalisation', () => {
		for (const f of Object.values(FORMATS))
			for (const t of f.tables) {
				const labels = rowsOf(f.version, t.key).flatMap((r) => rowLabels(r).map(normalizeLabel));
				expect(new Set(labels).size, `${f.version} ${t.key}`).toBe(labels.length);
			}
	});

	it('normalises numbering, spaces, quotes and remarks', () => {
		expect(normalizeLabel('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toBe('部分公开');
		expect(normalizeLabel('3、危及“三安全一稳定”')).toBe('危及三安全一稳定');
		expect(normalizeLabel('自\n然\n人')).toBe('自然人');
		expect(normalizeLabel('一、本年新收政府信息公开申请数量')).toBe('本年新收政府信息公开申请数量');
		expect(normalizeLabel('1.属于国家秘密')).toBe('属于国家秘密');
	});

	it('matches typo variants and tolerates one wrong character in long labels only', () => {
		const rows = rowsOf('2021', 't3');
		expect(matchLabel('2、申请人逾期未按收费通知要求缴纳费用、行政机关不现处理其政府信息公开申请', rows, rowLabels)?.item.key).toBe('other.overdue_fee');
		expect(matchLabel('本机关不掌握相关政付信息', rows, rowLabels)).toMatchObject({ fuzzy: true, item: { key: 'unable.not_held' } });
		expect(matchLabel('其它', rows, rowLabels)).toBeUndefined();
		expect(matchLabel('规范性文件', rowsOf('2021', 't2'), rowLabels)?.item.key).toBe('normative');
	});

	it('official layout holds every printed value cell once', () => {
		for (const f of ['2021', '2019'] as const) {
			const ids = (['t2', 't3', 't4'] as const).flatMap((t) => officialLayout(f, t).flatMap((r) => r.filter((c) => c.id).map((c) => c.id!)));
			expect(ids.sort()).toEqual([...printedIds(f)].sort());
		}
	});
});

describeCorpus('template ids against truth.json', () => {
	it('the blank 2021 template has exactly the 2021 ids; the 2019 report exactly the 2019 ids', () => {
		const t = truth();
		expect(Object.keys(t['template_2021_blank.docx'].cells).sort()).toEqual([...printedIds('2021')].sort());
		expect(Object.keys(t['shanghai_office_2019.html'].cells).sort()).toEqual([...printedIds('2019')].sort());
	});
	it('every id used in truth.json is a template id', () => {
		for (const e of Object.values(truth())) for (const id of Object.keys(e.cells)) expect(ALL_CELL_IDS).toContain(id);
	});
});
