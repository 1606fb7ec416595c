/**
 * Token bucket: `capacity` actions at once, refilled at `perSecond`. Used per
 * socket for messages and per client address for join attempts.
 */
export class TokenBucket {
	#tokens: number;
	#last: number;

	constructor(
		readonly capacity: number,
		readonly perSecond: number,
		now = Date.now()
	) {
		this.#tokens = capacity;
		this.#last = now;
	}

	take(now = Date.now()): boolean {
		if (!this.canTake(now)) return false;
		this.#tokens -= 1;
		return true;
	}

	/** Whether a token is available, without using it. */
	canTake(now = Date.now()): boolean {
		this.#tokens = Math.min(this.capacity, this.#tokens + ((now - this.#last) / 1000) * this.perSecond);
		this.#last = now;
		return this.#tokens >= 1;
	}
}

/** One bucket per key, forgetting keys that have been idle (full) for a while. */
export class KeyedRateLimiter {
	readonly #buckets = new Map<string, TokenBucket>();

	constructor(
		readonly capacity: number,
		readonly perSecond: number
	) {}

	take(key: string, now = Date.now()): boolean {
		return this.#bucket(key, now).take(now);
	}

	canTake(key: string, now = Date.now()): boolean {
		return this.#buckets.get(key)?.canTake(now) ?? true;
	}

	#bucket(key: string, now: number): TokenBucket {
		let bucket = this.#buckets.get(key);
		if (!bucket) {
			if (this.#buckets.size > 10_000) this.#buckets.clear();
			bucket = new TokenBucket(this.capacity, this.perSecond, now);
			this.#buckets.set(key, bucket);
		}
		return bucket;
	}
}
