import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { dataFiles } from './vite-plugins/data-files.ts';

export default defineConfig({
	plugins: [sveltekit(), dataFiles()],
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	worker: { format: 'es' },
	test: {
		include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/browser/**/*.test.ts', 'test/fuzz/**/*.test.ts'],
		environment: 'node',
		testTimeout: 30000,
		// the JSON report is what .ci/run counts
		reporters: ['default', 'json'],
		outputFile: { json: 'test-results/vitest.json' }
	}
});
