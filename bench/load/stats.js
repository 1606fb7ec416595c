// Small statistics helpers shared by the load benchmark.

/** Microseconds on CLOCK_MONOTONIC: one clock for every thread and process on this machine. */
export function nowUs() {
	return Number(process.hrtime.bigint() / 1000n);
}

/**
 * Nearest-rank percentile of an ascending array.
 * @param {ArrayLike<number>} sorted
 * @param {number} p 0–100
 */
export function percentile(sorted, p) {
	if (sorted.length === 0) return NaN;
	const rank = Math.ceil((p / 100) * sorted.length);
	return /** @type {number} */ (sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]);
}

/**
 * p50/p95/p99/max of a list of numbers (unsorted in, sorted copy inside).
 * @param {number[]} values
 */
export function summarise(values) {
	const sorted = Float64Array.from(values).sort();
	return {
		count: sorted.length,
		p50: percentile(sorted, 50),
		p95: percentile(sorted, 95),
		p99: percentile(sorted, 99),
		max: sorted.length ? /** @type {number} */ (sorted[sorted.length - 1]) : NaN
	};
}

/** @param {number} value @param {number} [digits] */
export function round(value, digits = 1) {
	if (!Number.isFinite(value)) return null;
	const f = 10 ** digits;
	return Math.round(value * f) / f;
}

/**
 * Deterministic PRNG (mulberry32) so two servers get the same behaviour.
 * @param {number} seed
 */
export function rng(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
