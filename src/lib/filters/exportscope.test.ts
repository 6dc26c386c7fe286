import { describe, expect, it } from 'vitest';
import { exportScope, exportScopeOf } from './exportscope';

describe('export scope', () => {
	it('words the standard filters', () => {
		expect(exportScopeOf({ region: '托里县', bodies: [], view: 'bodies', year: 2024, years: [2024], text: '' })).toEqual({
			where: '托里县',
			years: [2024],
			filters: [
				{ label: '地区', value: '托里县' },
				{ label: '视图', value: '单位对比（单一年度）' },
				{ label: '年份', value: '2024年' }
			],
			region: '托里县',
			bodies: []
		});
	});
	it('names one body, or counts several', () => {
		expect(exportScope(null, ['甲局'], [2020, 2019]).where).toBe('甲局');
		expect(exportScope(null, ['甲局'], [2020, 2019]).years).toEqual([2019, 2020]);
		expect(exportScope('托里县', ['甲局', '乙局'], [2024]).where).toBe('托里县2个单位');
		expect(exportScope('托里县', ['甲局', '乙局'], [2024]).filters[1]).toEqual({ label: '单位', value: '甲局、乙局' });
	});
});
