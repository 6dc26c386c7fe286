// See https://svelte.dev/docs/kit/types#app.d.ts
// for information about these interfaces
declare global {
	namespace App {
		// interface Error {}
		// interface Locals {}
		// interface PageData {}
		interface PageState {
			/** The filters' query string of a history entry added by a filter change (shallow routing, filters/state.svelte.ts). */
			search?: string;
		}
		// interface Platform {}
	}
}

export {};
