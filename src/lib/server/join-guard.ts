import { KeyedRateLimiter } from './rate-limit';

/**
 * Joins per client address and workshop: 60 at once, refilled at 6 a minute. A class
 * behind one school NAT joins comfortably; one address cannot fill the participant cap.
 */
const joins = new KeyedRateLimiter(60, 6 / 60);

export const JOIN_RATE_LIMITED = 'too many joins from this address; wait a few minutes';

/** Takes one join for this address and workshop; false when the address must wait. */
export function takeJoin(clientAddress: string, workshopId: string): boolean {
	return joins.take(`${workshopId}\n${clientAddress}`);
}
