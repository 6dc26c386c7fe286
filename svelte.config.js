import adapter from '@sveltejs/adapter-static';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	compilerOptions: {
		// runes mode for the project's own components
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		// Plain files any web server (or a county intranet share) can serve.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		alias: { $data: 'data' }
	}
};

export default config;
