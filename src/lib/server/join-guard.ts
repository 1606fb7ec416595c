import { KeyedRateLimiter } from './rate-limit';

/**
 * Joins per client address and workshop: JOINS_PER_ADDRESS (default 60) at once,
 * refilled at a tenth of that a minute. A class behind one school NAT joins
 * comfortably; one address cannot fill the participant cap. Load tests, which join
 * hundreds from one machine, raise it.
 */
export function readJoinsPerAddress(env: Record<string, string | undefined> = process.env): number {
	const value = env.JOINS_PER_ADDRESS ?? '';
	if (value === '') return 60;
	if (!/^[1-9]\d{0,5}$/.test(value)) throw new Error(`JOINS_PER_ADDRESS must be a whole number (1–999999), got "${value}"`);
	return Number(value);
}

let joins: KeyedRateLimiter | null = null;

export const JOIN_RATE_LIMITED = 'too many joins from this address; wait a few minutes';

/** Takes one join for this address and workshop; false when the address must wait. */
export function takeJoin(clientAddress: string, workshopId: string): boolean {
	if (!joins) {
		const burst = readJoinsPerAddress();
		joins = new KeyedRateLimiter(burst, burst / 10 / 60);
	}
	return joins.take(`${workshopId}\n${clientAddress}`);
}
