import type { Card } from '../cards/card';
import { cardsOfKind, visibleCards } from './cards';
import { FACILITATOR_AUTHOR } from '../method/method-actor';
import type { ArchiveDocument } from './schema';

/**
 * The next steps a follow-up workshop starts with: every visible "Nästa steg"
 * of the closed workshop that was not marked done at an earlier follow-up. They
 * keep their id, text, owner, date and the sector that proposed them; the
 * author becomes the facilitator, since the original participants are not
 * members of the new workshop, and group ties are dropped with the groups.
 */
export function stepsToCarry(document: Pick<ArchiveDocument, 'canvases' | 'followUp'>): Card[] {
	const done = new Set(document.followUp.steps.filter((step) => step.status === 'done').map((step) => step.cardId));
	return cardsOfKind(visibleCards(document), 'nasta-steg')
		.filter((card) => !done.has(card.id))
		.map((card) => ({
			id: card.id,
			kind: card.kind,
			text: card.text,
			authorId: FACILITATOR_AUTHOR,
			sector: card.sector,
			createdAt: card.createdAt,
			...(card.nextStep ? { nextStep: card.nextStep } : {})
		}));
}

/**
 * What the sectors wanted to test next (*Testa i dialog*), carried into the follow-up so
 * the room can see what was tested; authored by the facilitator there, sector kept.
 */
export function testsToCarry(document: Pick<ArchiveDocument, 'canvases'>): Card[] {
	return cardsOfKind(visibleCards(document), 'testa').map((card) => ({
		id: card.id,
		kind: card.kind,
		text: card.text,
		authorId: FACILITATOR_AUTHOR,
		sector: card.sector,
		createdAt: card.createdAt
	}));
}
