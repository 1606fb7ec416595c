import { cardKindOfPhase, type Phase } from '$lib/domain/method/phases';
import { canvasName } from '$lib/domain/workshop/documents';
import { deleteCards, putCard, readCards } from '$lib/sync/cards';
import type { Storage } from '../persistence/storage';
import type { DocRegistry } from '../realtime/doc-registry';

/**
 * Private writing keeps each participant's cards in their own `draft:<id>` document,
 * which nobody else can open. Revealing a phase moves those cards onto the canvas
 * they were written for (their group's, or the plenary), so they appear for everyone
 * at once; until then no other participant's device ever receives them.
 */
export async function revealDrafts(options: { docs: DocRegistry; storage: Storage; workshopId: string; phase: Phase }): Promise<number> {
	const { docs, storage, workshopId, phase } = options;
	const kind = cardKindOfPhase(phase);
	if (!kind) return 0;
	const names = (await storage.docs.listDocNames(workshopId)).filter((name) => name.startsWith('draft:'));
	let moved = 0;
	for (const name of names) {
		const draft = await docs.get(workshopId, name);
		const cards = readCards(draft.doc).filter((card) => card.kind === kind);
		if (cards.length === 0) continue;
		const byCanvas = new Map<string, typeof cards>();
		for (const card of cards) {
			const target = canvasName(card.groupId);
			byCanvas.set(target, [...(byCanvas.get(target) ?? []), card]);
		}
		for (const [target, group] of byCanvas) {
			const canvas = await docs.get(workshopId, target);
			await docs.transact(canvas, (doc) => group.forEach((card) => putCard(doc, card, null)));
		}
		await docs.transact(draft, (doc) =>
			deleteCards(
				doc,
				cards.map((card) => card.id),
				null
			)
		);
		moved += cards.length;
	}
	return moved;
}
