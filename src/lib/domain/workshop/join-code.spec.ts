import { describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET, isJoinCode, joinCodeFromBytes, normaliseJoinCode } from './join-code';

describe('join codes', () => {
	it('uses an alphabet without 0, O, 1 or I', () => {
		for (const ambiguous of ['0', 'O', '1', 'I']) expect(JOIN_CODE_ALPHABET).not.toContain(ambiguous);
		expect(new Set(JOIN_CODE_ALPHABET).size).toBe(32);
	});

	it('builds a six-character code from random bytes, every byte value mapping into the alphabet', () => {
		const code = joinCodeFromBytes(new Uint8Array([0, 31, 32, 255, 128, 77]));
		expect(code).toHaveLength(6);
		expect(isJoinCode(code)).toBe(true);
		expect(code[0]).toBe(JOIN_CODE_ALPHABET[0]);
		expect(code[1]).toBe(JOIN_CODE_ALPHABET[31]);
		expect(code[2]).toBe(JOIN_CODE_ALPHABET[0]);
	});

	it('refuses too few random bytes rather than making a short code', () => {
		expect(() => joinCodeFromBytes(new Uint8Array(5))).toThrow(/6 random bytes/);
	});

	it('accepts codes typed in lower case with spaces or dashes', () => {
		expect(normaliseJoinCode(' abc-23 4 ')).toBe('ABC234');
		expect(isJoinCode(normaliseJoinCode('abc 234'))).toBe(true);
	});

	it('rejects codes with characters outside the alphabet or of the wrong length', () => {
		expect(isJoinCode('ABC10O')).toBe(false);
		expect(isJoinCode('ABC23')).toBe(false);
		expect(isJoinCode('ABC2345')).toBe(false);
	});
});
