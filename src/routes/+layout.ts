// Static site: the shell (header, loading text) is prerendered to HTML so the page is never blank;
// DuckDB and the data load in the browser only (inside onMount).
export const prerender = true;
export const ssr = true;
export const trailingSlash = 'ignore';
