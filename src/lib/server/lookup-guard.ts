import type { Storage, WorkshopRow } from './persistence/storage';
import { KeyedRateLimiter } from './rate-limit';
import { findWorkshop } from './workshops';

/**
 * Join codes are short, so guessing must be slow: an address that looks up codes
 * that do not exist gets 30 misses per minute. People who know a code are never slowed.
 */
const misses = new KeyedRateLimiter(30, 30 / 60);

export class TooManyLookupsError extends Error {
	constructor() {
		super('too many unknown workshop codes from this address; wait a minute');
		this.name = 'TooManyLookupsError';
	}
}

export async function findWorkshopGuarded(
	storage: Storage,
	ref: string,
	clientAddress: string
): Promise<WorkshopRow | null> {
	if (!misses.canTake(clientAddress)) throw new TooManyLookupsError();
	const workshop = await findWorkshop(storage, ref);
	if (!workshop) misses.take(clientAddress);
	return workshop;
}
