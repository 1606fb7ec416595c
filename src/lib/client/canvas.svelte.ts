import type * as Y from 'yjs';
import type { Card, CardKind } from '$lib/domain/cards/card';
import { cardCounts, cardLimitProblem, type CardLimitProblem } from '$lib/domain/cards/card-limits';
import { addCard, deleteCard, editCardText, putCard, readCards } from '$lib/sync/cards';
import { newClientId } from './ids';

const LOCAL_ORIGIN = 'local';

/** Cards of one canvas document, kept in step with the shared Y.Doc. */
export class CanvasState {
	cards = $state<Card[]>([]);
	/** Why the last card could not be added (a card cap), until one can again. */
	limitProblem = $state<CardLimitProblem | null>(null);
	readonly #doc: Y.Doc;
	readonly #author: Pick<Card, 'authorId' | 'sector'>;
	readonly #refresh = () => (this.cards = readCards(this.#doc));

	constructor(doc: Y.Doc, author: Pick<Card, 'authorId' | 'sector'>) {
		this.#doc = doc;
		this.#author = author;
		this.#refresh();
		doc.on('update', this.#refresh);
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
	add(kind: CardKind, text: string, extra: Partial<Pick<Card, 'available' | 'nextStep' | 'groupId'>> = {}): string | null {
		const { authorId } = this.#author;
		this.limitProblem = authorId === 'facilitator' ? null : cardLimitProblem(cardCounts(this.cards, authorId));
		if (this.limitProblem) return null;
		const id = newClientId();
		addCard(this.#doc, { id, kind, text, ...this.#author, createdAt: new Date().toISOString(), ...extra }, LOCAL_ORIGIN);
		return id;
	}

	/** Writes a changed card (from a domain edit such as a proposed data owner). */
	put(card: Card): void {
		putCard(this.#doc, card, LOCAL_ORIGIN);
	}

	edit(id: string, text: string): void {
		editCardText(this.#doc, id, text, LOCAL_ORIGIN);
	}

	remove(id: string): void {
		deleteCard(this.#doc, id, LOCAL_ORIGIN);
	}

	destroy(): void {
		this.#doc.off('update', this.#refresh);
	}
}
