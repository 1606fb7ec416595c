import { FACILITATOR_AUTHOR } from '$lib/domain/method/method-actor';
import { loopSpotlightId } from '$lib/domain/method/spotlight';
import { PLENARY_CANVAS } from '$lib/domain/workshop/documents';
import { INDICATORS_DOC } from '$lib/sync/indicators';
import type { MapChoice } from './board-view';
import { CanvasState } from './canvas.svelte';
import { IndicatorsState } from './indicators-state.svelte';
import { MapState } from './map-state.svelte';
import type { WorkshopSession } from './workshop-session.svelte';

/** One thing the facilitator can put on the projector. */
export interface SpotlightChoice {
	id: string;
	label: string;
}

const AUTHOR = { authorId: FACILITATOR_AUTHOR, sector: 'facilitator' } as const;

/**
 * What the facilitator's spotlight control offers, kept live: the workshop's indicators,
 * the visible cards of the plenary and of each group's canvas, the maps (from the map
 * API) and the loops of one chosen map.
 */
export class SpotlightChoices {
	maps = $state.raw<MapChoice[]>([]);
	#canvases = $state.raw<{ groupId: string | null; state: CanvasState }[]>([]);
	#map = $state.raw<{ mapId: string; state: MapState } | null>(null);
	readonly #session: WorkshopSession;
	readonly #workshopId: string;
	readonly #indicators: IndicatorsState;

	constructor(session: WorkshopSession, workshopId: string) {
		this.#session = session;
		this.#workshopId = workshopId;
		this.#indicators = new IndicatorsState(session.open(INDICATORS_DOC), AUTHOR);
		this.setGroups([]);
	}

	get indicators(): SpotlightChoice[] {
		return this.#indicators.indicators.map((indicator) => ({ id: indicator.id, label: indicator.meta.namn }));
	}

	/**
	 * Visible cards of the plenary and of each group's canvas, each id once (merging the groups
	 * copies their cards to the plenary with the same ids); `place` names the canvas for the label.
	 */
	cards(place: (groupId: string | null) => string): SpotlightChoice[] {
		const seen = new Set<string>();
		return this.#canvases.flatMap(({ groupId, state }) =>
			state.cards
				.filter((card) => !card.hidden && !seen.has(card.id))
				.map((card) => {
					seen.add(card.id);
					return { id: card.id, label: `${card.text} (${place(groupId)})` };
				})
		);
	}

	/** The loops of the map chosen with `watchMap`, as spotlight ids. */
	get loops(): SpotlightChoice[] {
		const map = this.#map;
		if (!map) return [];
		return map.state.loopView.loops.map((loop) => ({
			id: loopSpotlightId(map.mapId, loop.key),
			label: `${loop.kind}: ${[...loop.factors, loop.factors[0] ?? ''].map((id) => map.state.label(id)).join(' → ')}`
		}));
	}

	/** Keeps the plenary canvas and the current groups' canvases open. */
	setGroups(groupIds: readonly string[]): void {
		this.#canvases.forEach((canvas) => canvas.state.destroy());
		this.#canvases = [
			{ groupId: null, state: new CanvasState(this.#session.open(PLENARY_CANVAS), AUTHOR) },
			...groupIds.map((groupId) => ({ groupId, state: new CanvasState(this.#session.open(`canvas:${groupId}`), AUTHOR) }))
		];
	}

	/** Reads the workshop's maps again (an imported map appears, a removed one goes). */
	async refreshMaps(): Promise<void> {
		try {
			const response = await fetch(`/api/workshops/${this.#workshopId}/maps`);
			if (!response.ok) return;
			const body = (await response.json()) as { maps: { mapId: string; title: string | null }[] };
			this.maps = body.maps.map(({ mapId, title }) => ({ mapId, docName: `map:${mapId}`, title }));
		} catch {
			// Offline: the list stays as it was.
		}
	}

	/** Opens one map to list its loops; null closes it. */
	watchMap(mapId: string | null): void {
		if (this.#map?.mapId === mapId) return;
		this.#closeMap();
		if (!mapId) return;
		const state = new MapState({ doc: this.#session.open(`map:${mapId}`), author: AUTHOR });
		this.#map = { mapId, state };
	}

	#closeMap(): void {
		const map = this.#map;
		if (!map) return;
		// The document stays open: another view of this tab (the map page) may be showing it.
		map.state.destroy();
		this.#map = null;
	}

	destroy(): void {
		this.#closeMap();
		this.#canvases.forEach((canvas) => canvas.state.destroy());
		this.#indicators.destroy();
	}
}
