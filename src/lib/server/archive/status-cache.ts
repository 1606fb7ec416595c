import type { Storage } from '../persistence/storage';

/**
 * Whether a workshop is closed, for the realtime layer's write checks. Every Yjs
 * update would otherwise cost a database read, so the answer is kept for a
 * moment. Closing and reopening on this instance forget it at once; another
 * instance behind Redis sees the change within `TTL_MS`, and the snapshot
 * frozen at closing is immutable either way.
 */
const TTL_MS = 2000;
const MAX_ENTRIES = 10_000;
const known = new Map<string, { closed: boolean; at: number }>();

export async function isWorkshopClosed(storage: Storage, workshopId: string, now = Date.now()): Promise<boolean> {
	const hit = known.get(workshopId);
	if (hit && now - hit.at < TTL_MS) return hit.closed;
	const closed = (await storage.findWorkshopById(workshopId))?.status === 'closed';
	if (known.size >= MAX_ENTRIES) known.clear();
	known.set(workshopId, { closed, at: now });
	return closed;
}

export function forgetWorkshopStatus(workshopId: string): void {
	known.delete(workshopId);
}
