/**
 * A hint, in localStorage, that this browser holds reports the user added (导入报告; the reports themselves are in
 * IndexedDB, which can only be read asynchronously). The boot script in src/app.html reads it before the first paint:
 * the overview's prerendered default view does not count the uploads, so with the hint set it stays hidden until
 * the page has merged them in. Kept equal to the stored uploads each time they are read or changed.
 */
export const UPLOADS_HINT = 'gov-disclosure-has-uploads';

export function setUploadsHint(count: number): void {
	try {
		if (count > 0) localStorage.setItem(UPLOADS_HINT, String(count));
		else localStorage.removeItem(UPLOADS_HINT);
	} catch {
		/* no localStorage: the view is shown until the uploads are read, then replaced */
	}
}
