/** Write a report as a web page like those published on government portals (tables with spans). */
import { SECTION_HEADINGS, filledLayout, paragraphsAfterTitle, type ReportSpec } from './document';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function writeHtml(spec: ReportSpec, opts: { charset?: string; boilerplate?: boolean; site?: string } = {}): string {
	const charset = opts.charset ?? 'utf-8';
	const parts = [
		`<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="${charset}"><title>${esc(spec.title)}</title></head><body>`
	];
	if (opts.boilerplate) parts.push('<div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a></div>');
	parts.push(`<div class="article"><p style="text-align:center">${esc(spec.title)}</p>`);
	for (const p of paragraphsAfterTitle(spec)) parts.push(`<p>${esc(p)}</p>`);
	for (const [key, heading, table] of SECTION_HEADINGS) {
		parts.push(`<p>${esc(heading)}</p>`);
		for (const p of spec.prose[key] ?? []) parts.push(`<p>${esc(p)}</p>`);
		if (!table) continue;
		parts.push('<table border="1"><tbody>');
		for (const row of filledLayout(spec, table)) {
			const tds = row.map((c) => {
				const attrs = `${c.colspan ? ` colspan="${c.colspan}"` : ''}${c.rowspan ? ` rowspan="${c.rowspan}"` : ''}`;
				return `<td${attrs}>${c.text ? esc(c.text) : '&nbsp;'}</td>`;
			});
			parts.push(`<tr>${tds.join('')}</tr>`);
		}
		parts.push('</tbody></table>');
	}
	parts.push('</div>');
	if (opts.boilerplate) parts.push(`<div class="footer">主办单位：${esc(opts.site ?? '示例县人民政府办公室')} 联系电话：0000-0000000</div>`);
	parts.push('</body></html>\n');
	return parts.join('');
}
