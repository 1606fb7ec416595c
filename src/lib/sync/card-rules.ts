import * as Y from 'yjs';
import { isCardKind, type Card } from '$lib/domain/cards/card';
import { cardCounts, cardLimitProblem } from '$lib/domain/cards/card-limits';
import type { LiveState } from '$lib/domain/method/live-state';
import type { MethodActor } from '$lib/domain/method/method-actor';
import { denyReason, type MethodAction } from '$lib/domain/method/permissions';
import type { CardMap } from './schema';
import type { EntryChange, EntryRule } from './update-guard';

/**
 * The method's card rules (phase reached, locked, who may add, own cards only, the
 * card caps) applied to raw Yjs changes of a canvas or draft, so the server enforces
 * them whatever a client sends. `cards` is the server's copy of the board.
 */
export function cardRule(actor: MethodActor, live: LiveState, cards: Y.Map<CardMap>): EntryRule {
	let counts: { mine: number; total: number } | null = null;
	return (change: EntryChange) => {
		if (change.root !== 'cards') return null;
		const action = toAction(change);
		if (!action) return 'not a card';
		const reason = denyReason(actor, action, { live });
		if (reason) return `card change refused: ${reason}`;
		if (change.action !== 'create' || cards.has(change.key)) return null;
		// Counted once per update, then kept up to date for each new card in it.
		counts ??= cardCounts(authorsOf(cards), actor.role === 'participant' ? actor.participantId : 'facilitator');
		const limit = cardLimitProblem(counts);
		if (limit) return `card change refused: ${limit}`;
		counts.mine++;
		counts.total++;
		return null;
	};
}

function* authorsOf(cards: Y.Map<CardMap>): Generator<{ authorId: string }> {
	for (const entry of cards.values()) {
		const authorId: unknown = entry instanceof Y.Map ? entry.get('authorId') : undefined;
		yield { authorId: typeof authorId === 'string' ? authorId : '' };
	}
}

function toAction(change: EntryChange): MethodAction | null {
	if (change.action === 'create') {
		return isCardKind(change.fields.kind) ? { type: 'add-card', kind: change.fields.kind } : null;
	}
	const card = change.entry as unknown as Card;
	if (!isCardKind(card.kind)) return null;
	if (change.action === 'delete') return { type: 'delete-card', card };
	return change.field === 'proposedDataOwner' ? { type: 'propose-data-owner', card } : { type: 'edit-card', card };
}
