import type { Card } from '../cards/card';
import type { PhaseSettings } from './live-state';
import { isAuthor, type MethodActor } from './method-actor';
import { phaseOfCardKind, type Phase } from './phases';

/**
 * Whether `viewer` may see `card`, given the per-phase settings of the live state:
 * - the facilitator sees every card, also hidden and unrevealed ones, to moderate;
 * - nobody else sees a hidden (moderated) card, not even its author, because the
 *   author's screen may be shown to the room;
 * - authors always see their own cards;
 * - with private writing on, others' cards show only once the phase is revealed.
 * Browsers filter their board with it (client/board-view.ts). Every browser holds
 * the whole canvas document, so this decides what is shown, not what is sent.
 */
function canSeeCard(options: {
	viewer: MethodActor;
	card: Card;
	phases: Readonly<Record<Phase, Pick<PhaseSettings, 'privateWriting' | 'revealed'>>>;
}): boolean {
	const { viewer, card, phases } = options;
	if (viewer.role === 'facilitator') return true;
	if (card.hidden) return false;
	if (isAuthor(viewer, card.authorId)) return true;
	const settings = phases[phaseOfCardKind(card.kind)];
	return !settings.privateWriting || settings.revealed;
}

/** The cards `viewer` may see (rules above), in the given order. */
export function visibleCards(options: {
	viewer: MethodActor;
	cards: readonly Card[];
	phases: Readonly<Record<Phase, Pick<PhaseSettings, 'privateWriting' | 'revealed'>>>;
}): Card[] {
	const { viewer, phases } = options;
	return options.cards.filter((card) => canSeeCard({ viewer, card, phases }));
}
