import type * as Y from 'yjs';
import type { ModerationEntry } from '$lib/domain/cards/moderation';
import { DEFAULT_AGENDA_TEMPLATE } from '$lib/domain/method/default-templates';
import type { Group } from '$lib/domain/method/groups';
import { createLiveState, withEveryPhase, type LiveState } from '$lib/domain/method/live-state';
import type { Preparation } from '$lib/domain/method/preparation';
import type { ResponseSummaries, Surveys } from '$lib/domain/responses/surveys';
import { DEFAULT_SPOTLIGHT, type Spotlight } from '$lib/domain/method/spotlight';
import { agendaFromTemplate } from '$lib/domain/method/templates';
import { workshopSectors, type Sector } from '$lib/domain/workshop/sectors';
import type { VoteView } from '$lib/domain/method/vote-tally';
import { getControlState } from './schema';

/**
 * The `control` document: what the facilitator steers. Only the server writes it,
 * after a checked command, and every value is an immutable JSON snapshot (replaced
 * whole), so readers never see half an update.
 */
export interface ControlSnapshot {
	live: LiveState;
	preparation: Preparation | null;
	/** What everyone may see of the current vote: no tallies until it is closed. */
	vote: PublicVote | null;
	groups: Group[];
	moderation: ModerationEntry[];
	/** Ids of system maps the facilitator removed (see map-removal.ts); they stay stored, unlisted and closed. */
	removedMaps: string[];
	/** What the projector shows; the board of the current phase until the facilitator chooses. */
	spotlight: Spotlight;
	/** "Följ mig": phones follow the spotlight to an indicator or a map, and back to the board. */
	follow: boolean;
	/** Joining asks for the participant's municipality or organisation, to form conference groups by it. */
	askOrganisation: boolean;
	/** The sectors participants choose from when joining, in the canonical order. */
	sectors: Sector[];
	/** The questions the facilitator set for the reflections and the evaluation; a phase left out asks its defaults. */
	surveys: Surveys;
	/** What everyone may see of the answers: counts and anonymous lists, never who answered. */
	responses: ResponseSummaries;
	/** A follow-up workshop's evaluation asks whether the first dialogue led to new collaboration initiatives. */
	followUp: boolean;
}

export type PublicVote = Omit<VoteView, 'own' | 'proxies'>;

/** The state a workshop starts in, before the server has written anything. */
export function initialLiveState(): LiveState {
	const result = createLiveState(agendaFromTemplate(DEFAULT_AGENDA_TEMPLATE));
	if (!result.ok) throw new Error(`default agenda is invalid: ${result.error}`);
	return result.value;
}

export function readControl(doc: Y.Doc): ControlSnapshot {
	const state = getControlState(doc);
	return {
		live: withEveryPhase((state.get('live') as LiveState | undefined) ?? initialLiveState()),
		preparation: (state.get('preparation') as Preparation | undefined) ?? null,
		vote: (state.get('vote') as PublicVote | undefined) ?? null,
		groups: readGroups(doc),
		moderation: (state.get('moderation') as ModerationEntry[] | undefined) ?? [],
		removedMaps: (state.get('removedMaps') as string[] | undefined) ?? [],
		spotlight: (state.get('spotlight') as Spotlight | undefined) ?? DEFAULT_SPOTLIGHT,
		follow: (state.get('follow') as boolean | undefined) ?? false,
		askOrganisation: (state.get('askOrganisation') as boolean | undefined) ?? false,
		sectors: workshopSectors((state.get('sectors') as Sector[] | undefined) ?? []),
		surveys: (state.get('surveys') as Surveys | undefined) ?? {},
		responses: (state.get('responses') as ResponseSummaries | undefined) ?? {},
		followUp: (state.get('followUp') as boolean | undefined) ?? false
	};
}

/** Just the groups, for a reader that needs nothing else (the server's card tally reads them often). */
export function readGroups(doc: Y.Doc): Group[] {
	return (getControlState(doc).get('groups') as Group[] | undefined) ?? [];
}

export function writeControl(doc: Y.Doc, patch: Partial<ControlSnapshot>, origin: unknown): void {
	doc.transact(() => {
		const state = getControlState(doc);
		for (const [key, value] of Object.entries(patch)) state.set(key, value);
	}, origin);
}
