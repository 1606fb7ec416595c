import type { SharedDoc } from '../../src/lib/client/shared-doc';
import type { Card } from '../../src/lib/domain/cards/card';
import type { Ack } from '../../src/lib/sync/protocol';

/**
 * Test clients change shared documents the way browsers do: with commands. The author
 * given here only shapes this client's preview; the server records the session's own.
 */
export function sendCard(shared: SharedDoc, card: Card): Promise<Ack> {
	const { id, kind, text, groupId, available, nextStep } = card;
	return shared.edit(
		{
			type: 'card.add',
			id,
			kind,
			text,
			...(groupId ? { groupId } : {}),
			...(available ? { available } : {}),
			...(nextStep ? { nextStep } : {})
		},
		{ authorId: card.authorId, sector: card.sector }
	);
}

/** A wished-data card ("önskvärd data") from the school sector, written now. */
export function wishCard(id: string, text: string, authorId: string): Card {
	return { id, kind: 'onskvard', text, authorId, sector: 'skola', createdAt: new Date().toISOString() };
}

/** Rejects with the server's message unless the command was applied. */
export async function applied(answer: Promise<Ack>): Promise<void> {
	const result = await answer;
	if (!result.ok) throw new Error(`refused: ${result.error.code} ${result.error.message}`);
}
