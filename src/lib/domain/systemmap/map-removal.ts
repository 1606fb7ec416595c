import { PLENARY_MAP_ID } from '../archive/snapshot';
import { err, ok, type Result } from '../method/result';

/**
 * Removing a system map. The plenary map and each group's map belong to the
 * workshop's structure; only maps made on top of it (imported ones) can be
 * removed. A removed map is listed, not erased: every server instance sees the
 * list in the control document at once, a removed map can be neither opened nor
 * written any more, and the facilitator can bring it back.
 */
export type MapRemovalRefusal = 'belongs-to-workshop' | 'no-such-map' | 'not-removed';

export function removeMap(
	removed: readonly string[],
	mapId: string,
	workshop: { groupIds: readonly string[]; exists: boolean }
): Result<string[], MapRemovalRefusal> {
	if (mapId === PLENARY_MAP_ID || workshop.groupIds.includes(mapId)) return err('belongs-to-workshop');
	if (!workshop.exists || removed.includes(mapId)) return err('no-such-map');
	return ok([...removed, mapId]);
}

export function restoreMap(removed: readonly string[], mapId: string): Result<string[], MapRemovalRefusal> {
	return removed.includes(mapId) ? ok(removed.filter((id) => id !== mapId)) : err('not-removed');
}
