import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setUploadsHint, UPLOADS_HINT } from './uploads-hint';

describe('the uploads hint', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('is the key the boot script of src/app.html reads before the first paint', () => {
		const html = readFileSync(new URL('../../app.html', import.meta.url), 'utf8');
		expect(html).toContain(`localStorage.getItem('${UPLOADS_HINT}')`);
	});

	it('holds the number of uploads and is removed when there are none', () => {
		const store = new Map<string, string>();
		vi.stubGlobal('localStorage', {
			setItem: (k: string, v: string) => store.set(k, v),
			removeItem: (k: string) => store.delete(k)
		});
		setUploadsHint(3);
		expect(store.get(UPLOADS_HINT)).toBe('3');
		setUploadsHint(0);
		expect(store.has(UPLOADS_HINT)).toBe(false);
	});

	it('does nothing where there is no localStorage', () => {
		vi.stubGlobal('localStorage', undefined);
		expect(() => setUploadsHint(2)).not.toThrow();
	});
});
