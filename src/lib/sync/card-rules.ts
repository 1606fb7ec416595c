import { isCardKind, type Card } from '$lib/domain/cards/card';
import type { LiveState } from '$lib/domain/method/live-state';
import type { MethodActor } from '$lib/domain/method/method-actor';
import { denyReason, type MethodAction } from '$lib/domain/method/permissions';
import type { EntryChange, EntryRule } from './update-guard';

/**
 * The method's card rules (phase reached, locked, who may add, own cards only)
 * applied to raw Yjs changes of a canvas or draft, so the server enforces them
 * whatever a client sends.
 */
export function cardRule(actor: MethodActor, live: LiveState): EntryRule {
	return (change: EntryChange) => {
		if (change.root !== 'cards') return null;
		const action = toAction(change);
		if (!action) return 'not a card';
		const reason = denyReason(actor, action, { live });
		return reason ? `card change refused: ${reason}` : null;
	};
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
