import { z } from 'zod';
import { err, ok, type Result } from './result';

/**
 * What the facilitator puts on the projector (the spotlight), and where phones go when
 * the facilitator has "Följ mig" on. The room's shared screen is the boundary object:
 * one indicator, one map or loop, one card, one group's canvas, the join slide, or the
 * board of the current phase (the default).
 */
export const SPOTLIGHT_KINDS = ['board', 'join', 'indicator', 'map', 'loop', 'card', 'group'] as const;
export type SpotlightKind = (typeof SPOTLIGHT_KINDS)[number];

/** Kinds that name one thing of the workshop and so need its id. */
export const SPOTLIGHT_KINDS_WITH_ID = ['indicator', 'map', 'loop', 'card', 'group'] as const;
export type SpotlightTargetKind = (typeof SPOTLIGHT_KINDS_WITH_ID)[number];

export type Spotlight =
	| { kind: 'board' | 'join' }
	| { kind: Exclude<SpotlightTargetKind, 'card'>; id: string }
	/**
	 * `canvas`: the canvas the card was on when it was chosen, so a screen opens just that one
	 * (a conference has 200 group canvases). Spotlights stored before it was kept lack it.
	 */
	| { kind: 'card'; id: string; canvas?: string };

export const DEFAULT_SPOTLIGHT: Spotlight = { kind: 'board' };

/**
 * A loop's id is its map's id and the loop's key (its link ids in cycle order, joined
 * by a space; see `loops.ts`): `"<mapId>:<linkId> <linkId> …"`. Map ids hold no colon.
 */
export const SPOTLIGHT_ID_MAX = 2000;

/** The shape a facilitator sends (HTTP body and socket command alike); existence is checked by `checkSpotlight`. */
export const spotlightInputSchema = z
	.object({
		kind: z.enum(SPOTLIGHT_KINDS),
		id: z.string().trim().min(1).max(SPOTLIGHT_ID_MAX).optional()
	})
	.strict();
export type SpotlightInput = z.infer<typeof spotlightInputSchema>;

export type SpotlightRefusal = 'id-required' | 'id-not-allowed' | 'unknown-id';

/**
 * What the workshop has, asked only for the kind being spotlighted (the server loads
 * just the one document it needs). A missing question counts as "no such thing".
 */
export interface SpotlightTargets {
	indicator?: (id: string) => boolean;
	map?: (mapId: string) => boolean;
	loop?: (mapId: string, loopKey: string) => boolean;
	/** The canvas the visible card is on, or null when there is no such card. */
	card?: (id: string) => string | null;
	group?: (id: string) => boolean;
}

export function needsId(kind: SpotlightKind): kind is SpotlightTargetKind {
	return (SPOTLIGHT_KINDS_WITH_ID as readonly string[]).includes(kind);
}

/** `"<mapId>:<loopKey>"`, the id of a loop spotlight. */
export function loopSpotlightId(mapId: string, loopKey: string): string {
	return `${mapId}:${loopKey}`;
}

/** The map and loop key of a loop spotlight's id, or null when it is not one. */
export function parseLoopSpotlightId(id: string): { mapId: string; loopKey: string } | null {
	const colon = id.indexOf(':');
	if (colon <= 0) return null;
	const mapId = id.slice(0, colon);
	const loopKey = id.slice(colon + 1).trim();
	if (loopKey === '' || /\s{2,}/.test(loopKey)) return null;
	return { mapId, loopKey };
}

/** The map a spotlight shows (a map, or the map of a loop), else null. */
export function spotlightMapId(spotlight: Spotlight): string | null {
	if (spotlight.kind === 'map') return spotlight.id;
	if (spotlight.kind === 'loop') return parseLoopSpotlightId(spotlight.id)?.mapId ?? null;
	return null;
}

/**
 * The rule for a new spotlight: `board` and `join` take no id; the other kinds need the
 * id of something the workshop has (an indicator, a map that is not removed, a loop that
 * still closes in its map, a visible card, a current group).
 */
export function checkSpotlight(input: SpotlightInput, targets: SpotlightTargets): Result<Spotlight, SpotlightRefusal> {
	const { kind, id } = input;
	if (!needsId(kind)) return id === undefined ? ok({ kind }) : err('id-not-allowed');
	if (id === undefined) return err('id-required');
	if (kind === 'card') {
		const canvas = targets.card?.(id) ?? null;
		return canvas === null ? err('unknown-id') : ok({ kind, id, canvas });
	}
	let known: boolean;
	if (kind === 'loop') {
		const loop = parseLoopSpotlightId(id);
		known = loop !== null && (targets.loop?.(loop.mapId, loop.loopKey) ?? false);
	} else {
		known = targets[kind]?.(id) ?? false;
	}
	return known ? ok({ kind, id }) : err('unknown-id');
}

/** Same spotlight (kind and id)? Lets a screen tell a real change from a repeated one. */
export function spotlightKey(spotlight: Spotlight): string {
	return 'id' in spotlight ? `${spotlight.kind}:${spotlight.id}` : spotlight.kind;
}

/** Where a following phone goes for a spotlight: its page and what to open there. */
export type FollowDestination =
	{ page: 'board' } | { page: 'data'; indicatorId: string } | { page: 'map'; mapId: string; loopKey?: string };

/**
 * Indicators open on the data page, maps and loops on the map page; the board, a card
 * and a group's canvas send phones back to their board. The join slide moves nobody.
 */
export function followDestination(spotlight: Spotlight): FollowDestination | null {
	switch (spotlight.kind) {
		case 'join':
			return null;
		case 'board':
		case 'card':
		case 'group':
			return { page: 'board' };
		case 'indicator':
			return { page: 'data', indicatorId: spotlight.id };
		case 'map':
			return { page: 'map', mapId: spotlight.id };
		case 'loop': {
			const loop = parseLoopSpotlightId(spotlight.id);
			return loop ? { page: 'map', mapId: loop.mapId, loopKey: loop.loopKey } : null;
		}
	}
}
