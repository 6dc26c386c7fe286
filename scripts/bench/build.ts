/**
 * The app built on another data folder: `vite build` with GD_DATA_DIR (the folder its Arrow files, summary.json and the
 * overview's prerendered default view come from) and GD_BUILD_DIR (where the site goes); see svelte.config.js. Used by
 * npm run bench (one build per data set) and by the browser tests that serve generated data (stageBuild).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** Throws with vite's output when the build fails. */
export function buildWithData(dataDir: string, outDir: string): void {
	// a production build even when called from a test run (vitest sets NODE_ENV=test and its own VITEST* variables)
	const env: NodeJS.ProcessEnv = { ...process.env, GD_DATA_DIR: dataDir, GD_BUILD_DIR: outDir, NODE_ENV: 'production' };
	for (const k of Object.keys(env)) if (k.startsWith('VITEST')) delete env[k];
	const b = spawnSync(resolve(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: ROOT, env, encoding: 'utf8' });
	if (b.status !== 0) throw new Error(`vite build with ${dataDir} failed (${b.status}):\n${b.stdout}\n${b.stderr}`);
}
