import type { WorkshopRepository } from '../persistence/workshops';

/**
 * Whether a workshop is closed, for the realtime layer's write checks. Every Yjs
 * update would otherwise cost a database read, so the answer is kept for a
 * moment. Closing and reopening on this instance forget it at once; another
 * instance behind Redis sees the change within `TTL_MS`, and the snapshot
 * frozen at closing is immutable either way. While the database does not answer,
 * the last answer stands: closing needs the database too, so it cannot have changed.
 */
const TTL_MS = 2000;
const MAX_ENTRIES = 10_000;
const known = new Map<string, { closed: boolean; at: number }>();

export async function isWorkshopClosed(workshops: WorkshopRepository, workshopId: string, now = Date.now()): Promise<boolean> {
	const hit = known.get(workshopId);
	if (hit && now - hit.at < TTL_MS) return hit.closed;
	let closed: boolean;
	try {
		closed = (await workshops.findById(workshopId))?.status === 'closed';
	} catch (error) {
		if (hit) return hit.closed;
		throw error;
	}
	if (known.size >= MAX_ENTRIES) known.clear();
	known.set(workshopId, { closed, at: now });
	return closed;
}

export function forgetWorkshopStatus(workshopId: string): void {
	known.delete(workshopId);
}
