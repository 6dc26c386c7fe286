import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { dataFiles } from './vite-plugins/data-files.ts';

export default defineConfig({
	plugins: [sveltekit(), dataFiles()],
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	worker: { format: 'es' },
	test: {
		environment: 'node',
		// the JSON report is what .ci/run counts
		reporters: ['default', 'json'],
		outputFile: { json: 'test-results/vitest.json' },
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/fuzz/**/*.test.ts'],
					testTimeout: 30_000,
					sequence: { groupOrder: 0 }
				}
			},
			{
				// Browser tests start after the unit tests have finished and run one file at a time: each drives a
				// Chromium, and on a small CI machine several at once (beside the unit tests) starve each other.
				extends: true,
				test: {
					name: 'browser',
					include: ['test/browser/**/*.test.ts'],
					fileParallelism: false,
					testTimeout: 120_000,
					hookTimeout: 120_000,
					sequence: { groupOrder: 1 }
				}
			}
		]
	}
});
