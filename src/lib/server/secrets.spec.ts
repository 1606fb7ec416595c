import { describe, expect, it } from 'vitest';
import { hashSecret, newId, newJoinCode, newSecret, secretMatches } from './secrets';
import { isJoinCode } from '$lib/domain/workshop/join-code';

describe('secrets', () => {
	it('makes long URL-safe secrets that differ every time', () => {
		const a = newSecret();
		expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(newSecret()).not.toBe(a);
	});

	it('matches a secret against its stored hash only', () => {
		const secret = newSecret();
		const hash = hashSecret(secret);
		expect(hash).not.toContain(secret);
		expect(secretMatches(secret, hash)).toBe(true);
		expect(secretMatches(newSecret(), hash)).toBe(false);
		expect(secretMatches(secret, 'not-a-hash')).toBe(false);
	});

	it('makes ids usable in document names and valid join codes', () => {
		expect(newId()).toMatch(/^[a-f0-9]{16}$/);
		expect(isJoinCode(newJoinCode())).toBe(true);
	});
});
