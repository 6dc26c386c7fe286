import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { dataFiles } from './vite-plugins/data-files.ts';
import { limit } from './test/timeouts.ts';

/**
 * The browser's chunks: Svelte and SvelteKit's runtime in one chunk instead of five or six small ones (every page
 * loads them; each request waits for one of HTTP/1.1's six connections before the first paint).
 */
const clientChunks = {
	groups: [{ name: 'runtime', test: /node_modules[\\/](svelte|@sveltejs[\\/]kit|clsx|esm-env|devalue)[\\/]/ }]
};

export default defineConfig(({ isSsrBuild }) => ({
	plugins: [sveltekit(), dataFiles()],
	build: isSsrBuild ? {} : { rolldownOptions: { output: { codeSplitting: clientChunks } } },
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
					testTimeout: limit(30_000),
					// vitest's default, 10 s, as before; scaled under CI=true like every bound
					hookTimeout: limit(10_000),
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
					testTimeout: limit(120_000),
					hookTimeout: limit(120_000),
					sequence: { groupOrder: 1 }
				}
			}
		]
	}
}));
