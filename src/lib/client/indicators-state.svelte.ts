import type * as Y from 'yjs';
import type { CatalogueEntry } from '$lib/domain/indicators';
import type { Sector } from '$lib/domain/workshop/sectors';
import {
	META_FIELDS,
	addIndicator,
	addReading,
	deleteReading,
	editReadingText,
	readIndicators,
	removeIndicator,
	setIndicatorField,
	setLinkedCards,
	type MetaField,
	type Reading,
	type ReadingPoint,
	type WorkshopIndicator
} from '$lib/sync/indicators';
import { newClientId } from './ids';

const LOCAL_ORIGIN = 'local';

export interface ReadingAuthor {
	authorId: string;
	sector: Sector | 'facilitator';
}

/**
 * The workshop's indicators and readings, kept in step with the shared
 * `indicators` Y.Doc. Lists are replaced whole on every change ($state.raw), so
 * thousands of observations are not wrapped in reactive proxies.
 */
export class IndicatorsState {
	indicators = $state.raw<WorkshopIndicator[]>([]);
	readings = $state.raw<Reading[]>([]);
	readonly #doc: Y.Doc;
	readonly #author: ReadingAuthor;
	readonly #refresh = () => {
		const snapshot = readIndicators(this.#doc);
		this.indicators = snapshot.indicators;
		this.readings = snapshot.readings;
	};

	constructor(doc: Y.Doc, author: ReadingAuthor) {
		this.#doc = doc;
		this.#author = author;
		this.#refresh();
		doc.on('update', this.#refresh);
	}

	byId(id: string): WorkshopIndicator | undefined {
		return this.indicators.find((indicator) => indicator.id === id);
	}

	readingsFor(indicatorId: string): Reading[] {
		return this.readings.filter((reading) => reading.indicatorId === indicatorId);
	}

	isMine(reading: Reading): boolean {
		return reading.authorId === this.#author.authorId;
	}

	addReading(indicatorId: string, text: string, point?: ReadingPoint): string {
		const id = newClientId();
		addReading(
			this.#doc,
			{ id, indicatorId, text, ...this.#author, createdAt: new Date().toISOString(), ...(point ? { point } : {}) },
			LOCAL_ORIGIN
		);
		return id;
	}

	editReading(id: string, text: string): void {
		editReadingText(this.#doc, id, text, LOCAL_ORIGIN);
	}

	removeReading(id: string): void {
		deleteReading(this.#doc, id, LOCAL_ORIGIN);
	}

	/** Facilitator: a new indicator with only a name; the rest is filled in the editor. */
	create(namn: string): string {
		const id = `egen-${newClientId()}`;
		addIndicator(this.#doc, { id, meta: { namn }, createdAt: new Date().toISOString() }, LOCAL_ORIGIN);
		return id;
	}

	/** Facilitator: adds catalogue template rows; rows already added are skipped. Returns the new ids. */
	addFromTemplate(entries: readonly CatalogueEntry[]): string[] {
		const added: string[] = [];
		const now = Date.now();
		this.#doc.transact(() => {
			entries.forEach((entry, index) => {
				const id = templateIndicatorId(entry.id);
				if (this.byId(id)) return;
				const meta = Object.fromEntries(META_FIELDS.flatMap((field) => (entry[field] ? [[field, entry[field]]] : [])));
				addIndicator(
					this.#doc,
					// Milliseconds apart, so the workshop keeps the template's order.
					{ id, templateId: entry.id, meta: { ...meta, namn: entry.namn }, createdAt: new Date(now + index).toISOString() },
					LOCAL_ORIGIN
				);
				added.push(id);
			});
		}, LOCAL_ORIGIN);
		return added;
	}

	setField(id: string, field: MetaField, value: string): void {
		setIndicatorField(this.#doc, id, field, value, LOCAL_ORIGIN);
	}

	setLinkedCards(id: string, cardIds: readonly string[]): void {
		setLinkedCards(this.#doc, id, cardIds, LOCAL_ORIGIN);
	}

	remove(id: string): void {
		removeIndicator(this.#doc, id, LOCAL_ORIGIN);
	}

	destroy(): void {
		this.#doc.off('update', this.#refresh);
	}
}

/** The workshop id of an indicator added from a template row. */
function templateIndicatorId(templateRowId: string): string {
	return `mall-${templateRowId}`;
}
