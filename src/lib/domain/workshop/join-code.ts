/**
 * Join codes are read aloud in a room and typed on phones, so the alphabet leaves
 * out characters that look or sound alike (0/O, 1/I). 32 symbols, 6 long: ~1e9
 * codes, enough that guessing is impractical once join attempts are rate-limited.
 */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

const JOIN_CODE_PATTERN = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/** Builds a code from random bytes (injected so the function stays pure and testable). */
export function joinCodeFromBytes(bytes: Uint8Array): string {
	if (bytes.length < JOIN_CODE_LENGTH) {
		throw new Error(`need ${JOIN_CODE_LENGTH} random bytes, got ${bytes.length}`);
	}
	let code = '';
	for (let i = 0; i < JOIN_CODE_LENGTH; i++) {
		// 256 is a multiple of 32, so the modulo introduces no bias.
		code += JOIN_CODE_ALPHABET[bytes[i]! % JOIN_CODE_ALPHABET.length];
	}
	return code;
}

/** Accepts what people type: lower case, and spaces or dashes between characters. */
export function normaliseJoinCode(input: string): string {
	return input.toUpperCase().replace(/[\s-]/g, '');
}

export function isJoinCode(value: string): boolean {
	return JOIN_CODE_PATTERN.test(value);
}
