/**
 * Why the server (or the browser, before sending) will not carry out a command. The
 * code is the wire's error code; the reason is English for logs and API clients, and
 * the browser shows a Swedish text chosen by the code and the reason's key.
 */
export type RefusalCode = 'forbidden' | 'bad_request' | 'not_found';

export interface Refusal {
	code: RefusalCode;
	/** A stable key such as `not-author` or `phase-locked`; the UI translates it. */
	key: string;
	reason: string;
}

export function refuse(code: RefusalCode, key: string, reason: string): Refusal {
	return { code, key, reason };
}
