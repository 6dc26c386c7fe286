/**
 * The bundled per-report records (data/*.json) as the browser tests' source of truth: what the report and
 * quality pages must show is computed here from the same files the app serves, never hard-coded.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import type { CheckedReport } from '../../src/lib/check';
import { ROOT } from './helpers';

export const DATA = resolve(ROOT, 'data');
export const SCREENSHOTS = resolve(ROOT, 'test/browser/screenshots');

let cache: CheckedReport[] | undefined;

/** Every report record of top-level data/ (files with kind gov-disclosure-report). */
export function records(): CheckedReport[] {
	cache ??= readdirSync(DATA)
		.filter((n) => n.endsWith('.json'))
		.sort()
		.flatMap((n) => {
			const o = JSON.parse(readFileSync(resolve(DATA, n), 'utf8'));
			return o && !Array.isArray(o) && o.kind === 'gov-disclosure-report' ? [o as CheckedReport] : [];
		});
	return cache;
}

export function record(id: string): CheckedReport {
	const r = records().find((x) => x.id === id);
	if (!r) throw new Error(`data/${id}.json is missing`);
	return r;
}

export function allFindings() {
	return records().flatMap((r) => r.findings);
}

/** axe-core on the current page: the violations of impact serious or critical, as short strings. */
export async function seriousViolations(page: Page): Promise<string[]> {
	const result = await new AxeBuilder({ page }).analyze();
	return result.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}
