import type { CatalogueEntry } from '$lib/domain/indicators';
import { INDICATORS_PER_COMMAND_MAX, META_FIELDS, type MetaField } from '$lib/domain/indicators/commands';
import type { Sector } from '$lib/domain/workshop/sectors';
import type { DocCommand } from '$lib/sync/doc-commands';
import { readIndicators, type Reading, type ReadingPoint, type WorkshopIndicator } from '$lib/sync/indicators';
import { newClientId } from './ids';
import type { SharedDoc } from './shared-doc';

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
	readonly #shared: SharedDoc;
	readonly #author: ReadingAuthor;
	readonly #unsubscribe: () => void;

	constructor(shared: SharedDoc, author: ReadingAuthor) {
		this.#shared = shared;
		this.#author = author;
		this.#refresh();
		this.#unsubscribe = shared.onChange(() => this.#refresh());
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
		this.#edit({ type: 'reading.add', id, indicatorId, text: text.trim(), ...(point ? { point } : {}) });
		return id;
	}

	editReading(id: string, text: string): void {
		this.#edit({ type: 'reading.edit', id, text: text.trim() });
	}

	removeReading(id: string): void {
		this.#edit({ type: 'reading.remove', id });
	}

	/** Facilitator: a new indicator with only a name; the rest is filled in the editor. */
	create(namn: string): string {
		const id = `egen-${newClientId()}`;
		this.#edit({ type: 'indicator.add', indicators: [{ id, meta: { namn: namn.trim() } }] });
		return id;
	}

	/** Facilitator: adds catalogue template rows; rows already added are skipped. Returns the new ids. */
	addFromTemplate(entries: readonly CatalogueEntry[]): string[] {
		const fresh = entries.map((entry) => ({ entry, id: templateIndicatorId(entry.id) })).filter(({ id }) => !this.byId(id));
		if (fresh.length === 0) return [];
		const indicators = fresh.map(({ entry, id }) => ({
			id,
			templateId: entry.id,
			meta: { ...Object.fromEntries(META_FIELDS.flatMap((field) => (entry[field] ? [[field, entry[field]]] : []))), namn: entry.namn }
		}));
		for (let start = 0; start < indicators.length; start += INDICATORS_PER_COMMAND_MAX) {
			this.#edit({ type: 'indicator.add', indicators: indicators.slice(start, start + INDICATORS_PER_COMMAND_MAX) });
		}
		return fresh.map(({ id }) => id);
	}

	setField(id: string, field: MetaField, value: string): void {
		this.#edit({ type: 'indicator.set', id, field, value });
	}

	setLinkedCards(id: string, cardIds: readonly string[]): void {
		this.#edit({ type: 'indicator.link', id, cardIds: [...new Set(cardIds)] });
	}

	remove(id: string): void {
		this.#edit({ type: 'indicator.remove', id });
	}

	destroy(): void {
		this.#unsubscribe();
	}

	#refresh(): void {
		const snapshot = readIndicators(this.#shared.doc);
		this.indicators = snapshot.indicators;
		this.readings = snapshot.readings;
	}

	#edit(command: DocCommand): void {
		void this.#shared.edit(command, this.#author);
	}
}

/** The workshop id of an indicator added from a template row. */
function templateIndicatorId(templateRowId: string): string {
	return `mall-${templateRowId}`;
}
