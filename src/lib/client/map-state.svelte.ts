import { layoutMap } from '$lib/charts/map-layout';
import {
	attachLoopStories,
	findLoops,
	focusFactor,
	isValidId,
	type FactorKind,
	type Focus,
	type FocusDepth,
	type Loop,
	type Polarity,
	type StarterFactor,
	type StarterTheme,
	type ThemeId
} from '$lib/domain/systemmap';
import type { Observation } from '$lib/domain/indicators';
import { mayDelete, mayRemoveFactor, type MapBoard } from '$lib/domain/systemmap/commands';
import { FACILITATOR_AUTHOR, type MethodActor } from '$lib/domain/method/method-actor';
import type { DocCommand } from '$lib/sync/doc-commands';
import { readIndicators } from '$lib/sync/indicators';
import {
	readMap,
	type MapAuthor,
	type MapFactor,
	type MapLink,
	type MapSnapshot,
	type NewFactor,
	type StoredLoopStory
} from '$lib/sync/map';
import { newClientId } from './ids';
import type { SharedDoc } from './shared-doc';

/** The size the canvas draws a factor box; layout and hit testing use the same. */
export const FACTOR_WIDTH = 150;
export const FACTOR_HEIGHT = 48;

/** A theme's starter factors as the page needs them: no sources, just what goes on the map. */
export type StarterThemeChoice = Pick<StarterTheme, 'id' | 'label'> & {
	factors: Pick<StarterFactor, 'id' | 'label' | 'kind' | 'type' | 'level'>[];
};

export interface MapLoop extends Loop {
	story?: StoredLoopStory;
}

export interface LoopView {
	loops: MapLoop[];
	/** Named loops whose links are gone. */
	orphans: StoredLoopStory[];
	truncated: boolean;
	cap: number;
}

/** How strongly the canvas draws an element while a loop or a focus is shown. */
export type Emphasis = 'normal' | 'dim' | 'loop' | 'focus' | 'upstream' | 'downstream' | 'both';

export type LinkResult = { ok: true; id: string } | { ok: false; reason: 'same' | 'exists' };

/** An indicator of the workshop a factor can be linked to ("what measures this factor?"). */
export interface IndicatorChoice {
	id: string;
	name: string;
	unit?: string;
	/** Its values, so a linked factor can show a sparkline. */
	observations: Observation[];
}

const EMPTY: MapSnapshot = { title: null, themeId: null, factors: [], links: [], stories: [] };

const hasPosition = (factor: MapFactor) => factor.x !== undefined && factor.y !== undefined;

/**
 * One map document as runes: the map, its loops, and what this browser has
 * selected. Loops are searched again only when something they depend on changes
 * (factor ids, links, polarities, stories), not on every drag step.
 */
export class MapState {
	snapshot = $state.raw<MapSnapshot>(EMPTY);
	loopView = $state.raw<LoopView>({ loops: [], orphans: [], truncated: false, cap: 0 });
	selectedFactorId = $state<string | null>(null);
	selectedLoopKey = $state<string | null>(null);
	focusDepth = $state<FocusDepth>(1);
	indicators = $state.raw<IndicatorChoice[]>([]);

	readonly author: MapAuthor;
	readonly #shared: SharedDoc;
	readonly #indicatorsDoc: SharedDoc | null;
	#loopSignature = '';
	readonly #unsubscribe: (() => void)[] = [];

	factorById = $derived(new Map(this.snapshot.factors.map((factor) => [factor.id, factor])));
	placed = $derived(this.snapshot.factors.filter(hasPosition));
	unplaced = $derived(this.snapshot.factors.filter((factor) => !hasPosition(factor)));
	selectedFactor = $derived(this.selectedFactorId ? (this.factorById.get(this.selectedFactorId) ?? null) : null);
	selectedLoop = $derived(this.loopView.loops.find((loop) => loop.key === this.selectedLoopKey) ?? null);
	focus = $derived<Focus | null>(
		this.selectedFactor ? focusFactor(this.snapshot, { factorId: this.selectedFactor.id, depth: this.focusDepth }) : null
	);
	/** Emphasis per factor and link id; empty when nothing is highlighted. */
	emphasis = $derived(this.#emphasis());

	/** `indicators` is the workshop's indicators document, for linking a factor to what measures it. */
	constructor(options: { doc: SharedDoc; author: MapAuthor; indicators?: SharedDoc }) {
		this.#shared = options.doc;
		this.author = options.author;
		this.#indicatorsDoc = options.indicators ?? null;
		this.#read();
		this.#unsubscribe.push(this.#shared.onChange(() => this.#read()));
		if (this.#indicatorsDoc) {
			this.#readIndicators();
			this.#unsubscribe.push(this.#indicatorsDoc.onChange(() => this.#readIndicators()));
		}
	}

	get isFacilitator(): boolean {
		return this.author.authorId === FACILITATOR_AUTHOR;
	}

	get #actor(): MethodActor {
		return this.isFacilitator ? { role: 'facilitator' } : { role: 'participant', participantId: this.author.authorId };
	}

	factorEmphasis(id: string): Emphasis {
		return this.emphasis.factors.get(id) ?? (this.emphasis.active ? 'dim' : 'normal');
	}

	linkEmphasis(id: string): Emphasis {
		return this.emphasis.links.get(id) ?? (this.emphasis.active ? 'dim' : 'normal');
	}

	label(id: string): string {
		return this.factorById.get(id)?.label ?? id;
	}

	/** The indicator a factor is linked to, or null when none is (or it was removed). */
	indicatorOf(id: string | undefined): IndicatorChoice | null {
		return id ? (this.indicators.find((indicator) => indicator.id === id) ?? null) : null;
	}

	/** The name of the indicator a factor is linked to, or null when none is (or it was removed). */
	indicatorName(id: string | undefined): string | null {
		return id ? (this.indicators.find((indicator) => indicator.id === id)?.name ?? null) : null;
	}

	hasLink(from: string, to: string): boolean {
		return this.snapshot.links.some((link) => link.from === from && link.to === to);
	}

	selectFactor(id: string | null): void {
		this.selectedFactorId = id;
		if (id) this.selectedLoopKey = null;
	}

	selectLoop(key: string | null): void {
		this.selectedLoopKey = key;
		if (key) this.selectedFactorId = null;
	}

	mayRemoveFactor(id: string): boolean {
		return mayRemoveFactor(this.#actor, boardOf(this.snapshot), id);
	}

	mayDelete(entry: MapLink | StoredLoopStory): boolean {
		return mayDelete(this.#actor, entry);
	}

	/** A new factor without a position: it waits in the tray until someone places it. */
	propose(input: { label: string; kind: FactorKind; note?: string }): string {
		const id = newClientId();
		this.#edit({ type: 'factor.add', factors: [{ id, ...input }] });
		return id;
	}

	/** Adds the starter factors whose label is not on the map yet, with their risk/protective tag and level; returns how many were added. */
	addStarters(factors: readonly Pick<NewFactor, 'label' | 'kind' | 'tag' | 'level'>[]): number {
		const taken = new Set(this.snapshot.factors.map((factor) => normalise(factor.label)));
		const fresh = factors.filter((factor) => {
			const key = normalise(factor.label);
			if (taken.has(key)) return false;
			taken.add(key);
			return true;
		});
		const added = fresh.map((factor) => ({ id: newClientId(), ...factor }));
		if (added.length > 0) this.#edit({ type: 'factor.add', factors: added });
		return added.length;
	}

	/** A dragged factor is pinned, so "ordna" keeps it where the group put it. */
	move(id: string, position: { x: number; y: number }, options: { pin?: boolean } = {}): void {
		this.#edit({ type: 'factor.move', positions: [{ id, ...position }], ...(options.pin ? { pin: true } : {}) });
	}

	setPinned(id: string, pinned: boolean): void {
		this.#edit({ type: 'factor.pin', id, pinned });
	}

	/** "Ordna": one run of the force layout; pinned factors stay put. */
	arrange(): void {
		const positions = layoutMap({
			factors: this.snapshot.factors,
			links: this.snapshot.links,
			nodeWidth: FACTOR_WIDTH,
			nodeHeight: FACTOR_HEIGHT
		});
		if (positions.length > 0) this.#edit({ type: 'factor.move', positions });
	}

	/** Places every factor still in the tray around the placed ones, without moving those. */
	placeUnplaced(): void {
		if (this.unplaced.length === 0) return;
		const positions = layoutMap({
			factors: this.snapshot.factors.map((factor) => (hasPosition(factor) ? { ...factor, pinned: true } : factor)),
			links: this.snapshot.links,
			nodeWidth: FACTOR_WIDTH,
			nodeHeight: FACTOR_HEIGHT
		});
		const waiting = new Set(this.unplaced.map((factor) => factor.id));
		const placed = positions.filter((p) => waiting.has(p.id));
		if (placed.length > 0) this.#edit({ type: 'factor.move', positions: placed });
	}

	updateFactor(input: { id: string; label?: string; kind?: FactorKind; note?: string; indicatorId?: string | null }): void {
		this.#edit({ type: 'factor.edit', ...input });
	}

	removeFactor(id: string): void {
		if (this.selectedFactorId === id) this.selectedFactorId = null;
		this.#edit({ type: 'factor.remove', id });
	}

	/** One link per ordered pair: a second arrow from the same factor to the same factor is refused. */
	addLink(input: { from: string; to: string; polarity: Polarity; delay?: boolean }): LinkResult {
		if (input.from === input.to) return { ok: false, reason: 'same' };
		if (this.hasLink(input.from, input.to)) return { ok: false, reason: 'exists' };
		const id = newClientId();
		this.#edit({ type: 'link.add', id, ...input });
		return { ok: true, id };
	}

	/** Turns + into − and back; sent as the polarity wanted, so a repeat does not flip it twice. */
	flip(id: string): void {
		const link = this.snapshot.links.find((candidate) => candidate.id === id);
		if (link) this.#edit({ type: 'link.edit', id, polarity: link.polarity === '-' ? '+' : '-' });
	}

	updateLink(input: { id: string; polarity?: Polarity; delay?: boolean; label?: string }): void {
		this.#edit({ type: 'link.edit', ...input });
	}

	removeLink(id: string): void {
		this.#edit({ type: 'link.remove', id });
	}

	saveStory(loop: MapLoop, input: { name: string; story: string }): void {
		this.#edit({
			type: 'loop.name',
			id: loop.story?.id ?? newClientId(),
			loop: { key: loop.key, factors: [...loop.factors], kind: loop.kind },
			name: input.name.trim(),
			story: input.story.trim()
		});
	}

	removeStory(id: string): void {
		this.#edit({ type: 'loop.remove', id });
	}

	setMeta(input: { title?: string; themeId?: ThemeId | null }): void {
		this.#edit({ type: 'map.meta', ...input });
	}

	destroy(): void {
		this.#unsubscribe.forEach((unsubscribe) => unsubscribe());
	}

	#edit(command: DocCommand): void {
		void this.#shared.edit(command, this.author);
	}

	#readIndicators(): void {
		if (!this.#indicatorsDoc) return;
		// A factor stores the id as a map field, so only ids the map's own validation accepts are offered.
		this.indicators = readIndicators(this.#indicatorsDoc.doc)
			.indicators.filter((indicator) => isValidId(indicator.id))
			.map((indicator) => ({
				id: indicator.id,
				name: indicator.meta.namn,
				unit: indicator.meta.unit,
				observations: indicator.data?.observations ?? []
			}));
	}

	#read(): void {
		const snapshot = readMap(this.#shared.doc);
		this.snapshot = snapshot;
		const signature = loopSignature(snapshot);
		if (signature === this.#loopSignature) return;
		this.#loopSignature = signature;
		const search = findLoops(snapshot);
		const attached = attachLoopStories({ map: snapshot, search, stories: snapshot.stories });
		this.loopView = {
			// attachLoopStories passes our stored stories through (re-keyed copies keep their id).
			loops: attached.loops as MapLoop[],
			orphans: attached.orphans as StoredLoopStory[],
			truncated: search.truncated,
			cap: search.cap
		};
	}

	#emphasis(): { active: boolean; factors: Map<string, Emphasis>; links: Map<string, Emphasis> } {
		const factors = new Map<string, Emphasis>();
		const links = new Map<string, Emphasis>();
		const loop = this.selectedLoop;
		if (loop) {
			for (const id of loop.factors) factors.set(id, 'loop');
			for (const id of loop.links) links.set(id, 'loop');
			return { active: true, factors, links };
		}
		const focus = this.focus;
		if (!focus || !this.selectedFactorId) return { active: false, factors, links };
		const mark = (target: Map<string, Emphasis>, ids: Iterable<string>, tone: Emphasis) => {
			for (const id of ids) target.set(id, target.has(id) && target.get(id) !== tone ? 'both' : tone);
		};
		mark(factors, focus.upstream.factors, 'upstream');
		mark(factors, focus.downstream.factors, 'downstream');
		mark(links, focus.upstream.links, 'upstream');
		mark(links, focus.downstream.links, 'downstream');
		factors.set(this.selectedFactorId, 'focus');
		return { active: true, factors, links };
	}
}

/** The map rules' view of what this browser shows. */
function boardOf(map: MapSnapshot): MapBoard {
	const find = <T extends { id: string }>(list: readonly T[], id: string) => list.find((entry) => entry.id === id) ?? null;
	return {
		factor: (id) => find(map.factors, id),
		link: (id) => find(map.links, id),
		story: (id) => find(map.stories, id),
		linksOf: (factorId) => map.links.filter((link) => link.from === factorId || link.to === factorId),
		counts: () => ({ factors: map.factors.length, links: map.links.length, stories: map.stories.length })
	};
}

function normalise(label: string): string {
	return label.trim().toLocaleLowerCase('sv');
}

function loopSignature(map: MapSnapshot): string {
	const factors = map.factors.map((factor) => factor.id).join(',');
	const links = map.links.map((link) => `${link.id}:${link.from}>${link.to}${link.polarity}`).join(',');
	const stories = map.stories.map((s) => `${s.id}:${s.key}:${s.kind}:${s.factors.join(' ')}:${s.name}:${s.story ?? ''}`);
	return `${factors}|${links}|${stories.join('\u0000')}`;
}
