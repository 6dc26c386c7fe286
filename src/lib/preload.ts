/** A page's HTML with `<link rel="preload" as="fetch">` of `url` just after its CSP meta tag (or `<head>`), once. */
const CSP = /<meta http-equiv="content-security-policy"[^>]*>\n?/;
const HEAD = /<head>\n?/;

export function insertPreload(html: string, url: string): string {
	const at = CSP.exec(html) ?? HEAD.exec(html);
	if (!at || !/^[\w./-]+$/.test(url) || html.includes(`<link rel="preload" href="${url}"`)) return html;
	const i = at.index + at[0].length;
	return `${html.slice(0, i)}\t\t<link rel="preload" href="${url}" as="fetch" crossorigin="anonymous" fetchpriority="high">\n${html.slice(i)}`;
}
