import { err, ok, type Result } from '../method/result';
import {
	checkAvailableData,
	normaliseAvailableData,
	type AvailableData,
	type AvailableDataProblem
} from './available-data';
import { checkCardText, type Card, type CardTextProblem } from './card';
import type { CardChanges } from './card-changes';
import { checkNextStep, type NextStep, type NextStepProblem, OWNER_MAX } from './next-step';

/**
 * Card order everywhere in the method: oldest first, id as tie-break. Vote ties are
 * broken by this order, so it has to be the same on every device.
 */
export function compareByCreation(a: Card, b: Card): number {
	return a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

export function sortByCreation(cards: readonly Card[]): Card[] {
	return [...cards].sort(compareByCreation);
}

/** The card with new (trimmed) text. Authorisation is `canPerform`'s job, not this one's. */
export function withText(card: Card, text: string): Result<Card, CardTextProblem> {
	const problem = checkCardText(text);
	return problem ? err(problem) : ok({ ...card, text: text.trim() });
}

/**
 * Attaches available-data details to a "Tillgänglig" card, checked against the other
 * cards of its canvas (`cards`) so links point at real wishes.
 */
export function withAvailableData(
	card: Card,
	data: AvailableData,
	cards: readonly Card[]
): Result<Card, AvailableDataProblem | 'wrong-kind'> {
	if (card.kind !== 'tillganglig') return err('wrong-kind');
	const problem = checkAvailableData(data, cards)[0];
	return problem ? err(problem) : ok({ ...card, available: normaliseAvailableData(data) });
}

/** Attaches next-step details (prompt, owner, due date) to a "Nästa steg" card. */
export function withNextStep(
	card: Card,
	step: NextStep
): Result<Card, NextStepProblem | 'wrong-kind'> {
	if (card.kind !== 'nasta-steg') return err('wrong-kind');
	const problem = checkNextStep(step)[0];
	if (problem) return err(problem);
	const next: NextStep = { prompt: step.prompt, owner: step.owner.trim() };
	if (step.due) next.due = step.due;
	return ok({ ...card, nextStep: next });
}

/**
 * Records who could produce the data for a wish that nothing available answers
 * ("vem kan ta fram detta?"). Blank text clears the proposal.
 */
export function withProposedDataOwner(
	card: Card,
	owner: string
): Result<Card, 'wrong-kind' | 'owner-too-long'> {
	if (card.kind !== 'onskvard') return err('wrong-kind');
	const trimmed = owner.trim();
	if (trimmed.length > OWNER_MAX) return err('owner-too-long');
	if (trimmed.length === 0) {
		const cleared = { ...card };
		delete cleared.proposedDataOwner;
		return ok(cleared);
	}
	return ok({ ...card, proposedDataOwner: trimmed });
}

/**
 * Deleting a card. Links from available-data cards to a deleted wish are dropped too,
 * so the gap list and the links never point at nothing.
 */
export function removeCard(cards: readonly Card[], id: string): CardChanges {
	const updated: Card[] = [];
	for (const card of cards) {
		if (card.id === id || !card.available?.wishIds.includes(id)) continue;
		const wishIds = card.available.wishIds.filter((wishId) => wishId !== id);
		updated.push({ ...card, available: { ...card.available, wishIds } });
	}
	return { updated, removedIds: cards.some((card) => card.id === id) ? [id] : [] };
}
