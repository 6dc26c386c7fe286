import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formParam } from './links';

describe('formParam', () => {
	it('encodes a query value exactly as URLSearchParams does', () => {
		const same = (v: string) => {
			expect(formParam(v)).toBe(new URLSearchParams({ v }).toString().slice(2));
		};
		for (const v of ['huaian_city_2024.pdf', 'c0001_czj_2019.html', "a b!'()~*-._", '淮安市 洪泽区/2023?.pdf', '%&=+#', '', '\uD800x']) same(v);
		fc.assert(fc.property(fc.string({ unit: 'grapheme' }), same), { numRuns: 500 });
		fc.assert(fc.property(fc.string({ unit: 'binary' }), same), { numRuns: 500 });
	});
});
