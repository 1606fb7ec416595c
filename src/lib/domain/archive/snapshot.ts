import type { Card } from '../cards/card';
import type { LiveState } from '../method/live-state';
import { attachLoopStories, findLoops } from '../systemmap';
import { isSector } from '../workshop/sectors';
import type { ArchivedIndicator, ArchivedReading } from './schema-indicators';
import type { ArchivedLoop, ArchivedMap } from './schema-maps';
import type { ArchivedVote } from './schema-method';
import {
	ARCHIVE_SCHEMA,
	ARCHIVE_SCHEMA_VERSION,
	type ArchiveDocument,
	type ArchiveSource,
	type BaselineReading,
	type FollowUpStep
} from './schema';

export const PLENARY_CANVAS_NAME = 'canvas:plenary';
export const PLENARY_MAP_ID = 'plenary';

/** A map as its document holds it; the builder adds the loops. */
export type MapContent = Omit<ArchivedMap, 'mapId' | 'loops' | 'loopsTruncated'>;

/** Everything read from a workshop's documents and storage, as plain objects. */
export interface SnapshotInput {
	workshop: { id: string; title: string; createdAt: string; status: 'open' | 'closed' };
	/** Which frozen version this is; null for a live export. */
	version: { number: number; frozenAt: string } | null;
	exportedAt: string;
	control: {
		live: Pick<LiveState, 'phase' | 'agenda' | 'phases'>;
		preparation: ArchiveDocument['preparation'];
		vote: ArchivedVote | null;
		groups: ArchiveDocument['groups'];
		moderation: ArchiveDocument['moderation'];
		/** Absent only in documents built by hand (tests); a workshop's export always has it. */
		joinForm?: NonNullable<ArchiveDocument['joinForm']>;
		responses: ArchiveDocument['responses'];
	};
	participants: readonly { id: string; sector: string; createdAt: string }[];
	canvases: readonly { name: string; cards: readonly Card[] }[];
	maps: readonly { mapId: string; map: MapContent }[];
	indicators: readonly ArchivedIndicator[];
	readings: readonly ArchivedReading[];
	followUp: {
		dates: readonly string[];
		of: { workshopId: string; title: string; version: number } | null;
		baseline: readonly BaselineReading[];
		steps: readonly FollowUpStep[];
	};
}

/**
 * Freezes a workshop into an archive document. Pure: the caller reads the
 * documents; this orders everything deterministically (the plenary first, then
 * by name or id; the documents' own orders inside), keeps only the method fields
 * that outlive a session (not the timer or who pressed "klar"), and adds each
 * map's loops with their stories, so the same workshop always gives the same
 * document and an import exported again compares equal.
 */
export function buildArchiveDocument(input: SnapshotInput): ArchiveDocument {
	const { control } = input;
	const source: ArchiveSource = {
		workshopId: input.workshop.id,
		status: input.workshop.status,
		version: input.version?.number ?? null,
		frozenAt: input.version?.frozenAt ?? null
	};
	return {
		schema: ARCHIVE_SCHEMA,
		schemaVersion: ARCHIVE_SCHEMA_VERSION,
		exportedAt: input.exportedAt,
		source,
		workshop: { title: input.workshop.title, createdAt: input.workshop.createdAt },
		method: { phase: control.live.phase, agenda: control.live.agenda.map((item) => ({ ...item })), phases: control.live.phases },
		preparation: control.preparation,
		vote: control.vote,
		groups: [...control.groups],
		moderation: [...control.moderation],
		...(control.joinForm
			? { joinForm: { sectors: [...control.joinForm.sectors], askOrganisation: control.joinForm.askOrganisation } }
			: {}),
		responses: control.responses,
		participants: input.participants
			.flatMap((p) => (isSector(p.sector) ? [{ id: p.id, sector: p.sector, joinedAt: p.createdAt }] : []))
			.sort((a, b) => compare(a.joinedAt, b.joinedAt) || compare(a.id, b.id)),
		canvases: [...input.canvases]
			.sort((a, b) => plenaryFirst(a.name, b.name, PLENARY_CANVAS_NAME))
			.map((canvas) => ({ name: canvas.name, cards: [...canvas.cards] })),
		maps: [...input.maps].sort((a, b) => plenaryFirst(a.mapId, b.mapId, PLENARY_MAP_ID)).map(({ mapId, map }) => withLoops(mapId, map)),
		indicators: [...input.indicators],
		readings: [...input.readings],
		followUp: {
			dates: [...input.followUp.dates],
			of: input.followUp.of,
			baseline: [...input.followUp.baseline],
			steps: [...input.followUp.steps].sort((a, b) => compare(a.cardId, b.cardId))
		}
	};
}

function withLoops(mapId: string, map: MapContent): ArchivedMap {
	const search = findLoops(map);
	const { loops } = attachLoopStories({ map, search, stories: map.stories });
	return {
		mapId,
		...map,
		loops: loops.map((loop): ArchivedLoop => ({
			kind: loop.kind,
			factors: loop.factors,
			links: loop.links,
			...(loop.story ? { name: loop.story.name, ...(loop.story.story ? { story: loop.story.story } : {}) } : {})
		})),
		loopsTruncated: search.truncated
	};
}

function plenaryFirst(a: string, b: string, plenary: string): number {
	if (a === plenary || b === plenary) return a === plenary ? (b === plenary ? 0 : -1) : 1;
	return compare(a, b);
}

/** Code-unit order: the same on every machine and in every locale. */
function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
