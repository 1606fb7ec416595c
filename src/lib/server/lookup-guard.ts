import { clientAddress, type HandshakeSource } from './http/client-address';
import { problem } from './http/problem';
import type { Storage } from './persistence/storage';
import type { WorkshopRow } from './persistence/workshops';
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

export async function findWorkshopGuarded(storage: Storage, ref: string, client: string | HandshakeSource): Promise<WorkshopRow | null> {
	// A socket.io handshake is passed as is; its address is read here, behind a proxy too.
	const address = typeof client === 'string' ? client : clientAddress(client);
	if (!misses.canTake(address)) throw new TooManyLookupsError();
	const workshop = await findWorkshop(storage, ref);
	if (!workshop) misses.take(address);
	return workshop;
}

/**
 * The workshop for an API request, or the JSON answer to send instead: 429 while the
 * address is throttled for guessing, 404 for a code or id that does not exist.
 */
export async function findWorkshopForApi(storage: Storage, ref: string, clientAddress: string): Promise<WorkshopRow | Response> {
	try {
		const workshop = await findWorkshopGuarded(storage, ref, clientAddress);
		return workshop ?? problem(404, 'not_found', 'no workshop with that code or id');
	} catch (error) {
		if (error instanceof TooManyLookupsError) return problem(429, 'rate_limited', error.message);
		throw error;
	}
}
