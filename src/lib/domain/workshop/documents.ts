/**
 * A workshop is a handful of shared documents rather than one large one, so a
 * group's edits reach only the people who look at that group, and a big map does
 * not slow down the card board.
 *
 * - `control`: phase, timer, reveal, lock, vote results. Written only by the
 *   server after it checked a facilitator command, so clients only read it.
 * - `canvas:<group>`: the A3 canvas (cards) of the plenary or of one group.
 * - `map:<id>`: one system map.
 * - `indicators`: indicator catalogue, series and readings.
 * - `draft:<participantId>`: cards written privately before the facilitator reveals.
 * - `ballots`: every dot cast; only the server reads it, so tallies stay hidden
 *   until the vote is closed.
 */
export type DocKind = 'control' | 'canvas' | 'map' | 'indicators' | 'draft' | 'ballots';

export interface DocName {
	kind: DocKind;
	/** Group id, map id or participant id; empty for the single-instance kinds. */
	sub: string;
}

const SUB_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
const SINGLE: ReadonlySet<DocKind> = new Set(['control', 'indicators', 'ballots']);
const WITH_SUB: ReadonlySet<DocKind> = new Set(['canvas', 'map', 'draft']);

export const PLENARY_CANVAS = 'canvas:plenary';

/** The canvas of a group, or the plenary's when there is no group. */
export const canvasName = (groupId?: string | null): string => (groupId ? `canvas:${groupId}` : PLENARY_CANVAS);

export function parseDocName(value: string): DocName | null {
	if (value.length > 64) return null;
	const [kind, sub, ...rest] = value.split(':');
	if (rest.length > 0 || kind === undefined) return null;
	if (SINGLE.has(kind as DocKind)) return sub === undefined ? { kind: kind as DocKind, sub: '' } : null;
	if (WITH_SUB.has(kind as DocKind) && sub !== undefined && SUB_PATTERN.test(sub)) {
		return { kind: kind as DocKind, sub };
	}
	return null;
}

export function formatDocName(name: DocName): string {
	return name.sub ? `${name.kind}:${name.sub}` : name.kind;
}

/**
 * Whether a workshop has this document by its own structure: the single documents,
 * anyone's draft (access rules decide whose may be opened), the plenary canvas and
 * map, and the canvas and map of each current group. Any other canvas or map exists
 * only once the facilitator made it (an imported map), so a participant cannot fill
 * the server with documents of invented names.
 */
export function isStandingDoc(doc: DocName, groupIds: readonly string[]): boolean {
	switch (doc.kind) {
		case 'control':
		case 'indicators':
		case 'ballots':
		case 'draft':
			return true;
		case 'canvas':
		case 'map':
			return doc.sub === 'plenary' || groupIds.includes(doc.sub);
	}
}
