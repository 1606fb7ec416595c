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
 * the visible cards of the canvases it watches (the one being picked from and the one whose
 * card is on the projector, never every group's: a conference has 200), the maps (from the
 * map API) and the loops of one chosen map.
 */
export class SpotlightChoices {
	maps = $state.raw<MapChoice[]>([]);
	#canvases = $state.raw<{ name: string; state: CanvasState }[]>([]);
	#map = $state.raw<{ mapId: string; state: MapState } | null>(null);
	readonly #session: WorkshopSession;
	readonly #workshopId: string;
	readonly #indicators: IndicatorsState;

	constructor(session: WorkshopSession, workshopId: string) {
		this.#session = session;
		this.#workshopId = workshopId;
		this.#indicators = new IndicatorsState(session.open(INDICATORS_DOC), AUTHOR);
		this.watchCanvases([PLENARY_CANVAS]);
	}

	get indicators(): SpotlightChoice[] {
		return this.#indicators.indicators.map((indicator) => ({ id: indicator.id, label: indicator.meta.namn }));
	}

	/** The visible cards of one watched canvas. */
	cards(canvas: string): SpotlightChoice[] {
		const state = this.#canvases.find((watched) => watched.name === canvas)?.state;
		return (state?.cards ?? []).filter((card) => !card.hidden).map((card) => ({ id: card.id, label: card.text }));
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

	/** Keeps these canvases open (and closes the others it had): the picker's and the projector's card's. */
	watchCanvases(names: readonly string[]): void {
		const wanted = [...new Set(names)];
		if (wanted.join(',') === this.#canvases.map((watched) => watched.name).join(',')) return;
		const before = this.#canvases;
		this.#canvases = wanted.map((name) => ({ name, state: new CanvasState(this.#session.open(name), AUTHOR) }));
		this.#release(before);
	}

	#release(canvases: readonly { name: string; state: CanvasState }[]): void {
		for (const { name, state } of canvases) {
			state.destroy();
			this.#session.release(name);
		}
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
		map.state.destroy();
		// Closed once no other view of this tab holds it (see WorkshopSession.release).
		this.#session.release(`map:${map.mapId}`);
		this.#map = null;
	}

	destroy(): void {
		this.#closeMap();
		this.#release(this.#canvases);
		this.#indicators.destroy();
	}
}
