import type * as Y from 'yjs';
import type { Card, CardKind } from '$lib/domain/cards/card';
import { addCard, deleteCard, editCardText, readCards } from '$lib/sync/cards';
import { newClientId } from './ids';

const LOCAL_ORIGIN = 'local';

/** Cards of one canvas document, kept in step with the shared Y.Doc. */
export class CanvasState {
	cards = $state<Card[]>([]);
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

	add(kind: CardKind, text: string): string {
		const id = newClientId();
		addCard(this.#doc, { id, kind, text, ...this.#author, createdAt: new Date().toISOString() }, LOCAL_ORIGIN);
		return id;
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
