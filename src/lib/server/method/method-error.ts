/** A method command that was understood but refused; `code` maps to the API error codes. */
export class MethodError extends Error {
	constructor(
		readonly code: 'forbidden' | 'bad_request' | 'conflict' | 'not_found',
		message: string,
		/** The rule's stable reason, for the browser to explain (e.g. `card-cap`). */
		readonly key?: string
	) {
		super(message);
		this.name = 'MethodError';
	}
}
