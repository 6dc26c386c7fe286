/** A document the parser refuses, with the reason in words an official understands. */
export class ParseError extends Error {
	constructor(
		public file: string,
		public reason: string
	) {
		super(`${file}: ${reason}`);
		this.name = 'ParseError';
	}
}
