import type { Card, CardKind } from '$lib/domain/cards/card';
import { cardCounts, cardLimitProblem, type CardLimitProblem } from '$lib/domain/cards/card-limits';
import type { Sector } from '$lib/domain/workshop/sectors';
import { readCards } from '$lib/sync/cards';
import type { CommandAuthor, DocCommand } from '$lib/sync/doc-commands';
import { newClientId } from './ids';
import type { SharedDoc } from './shared-doc';

/** Cards of one canvas (or private draft) document, kept in step with the shared document. */
export class CanvasState {
	cards = $state<Card[]>([]);
	/** Why the last card could not be added (a card cap), until one can again. */
	limitProblem = $state<CardLimitProblem | null>(null);
	readonly #shared: SharedDoc;
	readonly #author: CommandAuthor;
	readonly #unsubscribe: () => void;

	constructor(shared: SharedDoc, author: CommandAuthor) {
		this.#shared = shared;
		this.#author = author;
		this.cards = readCards(shared.doc);
		this.#unsubscribe = shared.onChange(() => (this.cards = readCards(this.#shared.doc)));
	}

	byKind(kind: CardKind): Card[] {
		return this.cards.filter((card) => card.kind === kind);
	}

	isMine(card: Card): boolean {
		return card.authorId === this.#author.authorId;
	}

	/**
	 * Adds a card; `extra` carries kind-specific details (available data, next step, group).
	 * Returns null, and sets `limitProblem`, when a participant reached a card cap (the
	 * server would refuse it; the facilitator is not capped).
	 */
	add(
		kind: CardKind,
		text: string,
		extra: Partial<Pick<Card, 'available' | 'nextStep' | 'groupId'>> & { paperSector?: Sector } = {}
	): string | null {
		const { authorId } = this.#author;
		this.limitProblem = authorId === 'facilitator' ? null : cardLimitProblem(cardCounts(this.cards, authorId));
		if (this.limitProblem) return null;
		const id = newClientId();
		this.#edit({ type: 'card.add', id, kind, text: text.trim(), ...extra });
		return id;
	}

	/** "Vem kan ta fram detta?": proposes who could produce a wished figure (empty clears it). */
	proposeOwner(id: string, owner: string): void {
		this.#edit({ type: 'card.propose-owner', id, owner: owner.trim() });
	}

	edit(id: string, text: string): void {
		this.#edit({ type: 'card.edit', id, text: text.trim() });
	}

	remove(id: string): void {
		this.#edit({ type: 'card.remove', id });
	}

	destroy(): void {
		this.#unsubscribe();
	}

	#edit(command: DocCommand): void {
		void this.#shared.edit(command, this.#author);
	}
}
