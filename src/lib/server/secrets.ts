import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { joinCodeFromBytes } from '$lib/domain/workshop/join-code';

/** 256-bit secret, URL-safe, for facilitator links and participant sessions. */
export function newSecret(): string {
	return randomBytes(32).toString('base64url');
}

/** Short opaque id for workshops and participants (not guessable, not a secret). */
export function newId(): string {
	return randomBytes(8).toString('hex');
}

export function newJoinCode(): string {
	return joinCodeFromBytes(randomBytes(6));
}

export function hashSecret(secret: string): string {
	return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, hash: string): boolean {
	const a = Buffer.from(hashSecret(secret), 'hex');
	const b = Buffer.from(hash, 'hex');
	return a.length === b.length && timingSafeEqual(a, b);
}
