import { describe, expect, it } from 'vitest';
import { KeyedRateLimiter, TokenBucket } from './rate-limit';

describe('token bucket', () => {
	it('allows a burst up to capacity, then refuses until tokens refill', () => {
		const bucket = new TokenBucket(3, 1, 0);
		expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, true, false]);
		expect(bucket.take(500)).toBe(false);
		expect(bucket.take(1000)).toBe(true);
	});

	it('keeps separate buckets per key', () => {
		const limiter = new KeyedRateLimiter(1, 1);
		expect(limiter.take('a', 0)).toBe(true);
		expect(limiter.take('a', 0)).toBe(false);
		expect(limiter.take('b', 0)).toBe(true);
	});
});

describe('failure-only limiting', () => {
	it('checks a key without using a token', () => {
		const limiter = new KeyedRateLimiter(1, 1);
		expect(limiter.canTake('a', 0)).toBe(true);
		expect(limiter.canTake('a', 0)).toBe(true);
		limiter.take('a', 0);
		expect(limiter.canTake('a', 0)).toBe(false);
	});
});
