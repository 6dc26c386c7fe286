/** The `<link rel="preload" as="fetch">` tags of a page's HTML moved to just after its CSP meta tag (or `<head>`). */
const PRELOAD = /[ \t]*<link rel="preload" href="[^"]+" as="fetch"[^>]*>\s*/g;
const CSP = /<meta http-equiv="content-security-policy"[^>]*>\n?/;
const HEAD = /<head>\n?/;

export function hoistPreload(html: string): string {
	const links = html.match(PRELOAD);
	if (!links) return html;
	const rest = html.replace(PRELOAD, '');
	const at = CSP.exec(rest) ?? HEAD.exec(rest);
	if (!at) return html;
	const i = at.index + at[0].length;
	return `${rest.slice(0, i)}\t\t${links.map((l) => l.trim()).join('\n\t\t')}\n${rest.slice(i)}`;
}
