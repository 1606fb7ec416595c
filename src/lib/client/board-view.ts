import { CARD_KINDS, type Card, type CardKind } from '$lib/domain/cards/card';
import { visibleCards } from '$lib/domain/method/card-visibility';
import type { MethodActor } from '$lib/domain/method/method-actor';
import { denyReason } from '$lib/domain/method/permissions';
import { cardKindOfPhase, phaseOfCardKind } from '$lib/domain/method/phases';
import { PLENARY_CANVAS, canvasName } from '$lib/domain/workshop/documents';
import type { ControlSnapshot } from '$lib/sync/control';

/**
 * Which canvas a person works on: their group's while groups work apart, the
 * plenary when there are no groups or the facilitator summoned everyone back.
 */
export function canvasNameFor(control: ControlSnapshot, participantId: string | null): string {
	if (control.live.summoned || !participantId) return PLENARY_CANVAS;
	const group = control.groups.find((g) => g.memberIds.includes(participantId));
	return canvasName(group?.id);
}

/** The system map a person works on by default: their group's while groups work apart, else the plenary's. */
export function mapNameFor(control: ControlSnapshot, participantId: string): string {
	const canvas = canvasNameFor(control, participantId);
	return canvas === PLENARY_CANVAS ? 'map:plenary' : `map:${canvas.slice('canvas:'.length)}`;
}

export interface MapChoice {
	mapId: string;
	docName: string;
	title: string | null;
}

/**
 * The maps to choose from: the stored ones (the plenary map first), then the map of
 * each current group that nobody has drawn on yet, named by `groupTitle`.
 */
export function mapChoices(
	stored: readonly MapChoice[],
	control: ControlSnapshot | null,
	groupTitle: (groupId: string) => string
): MapChoice[] {
	const groupMaps = (control?.groups ?? [])
		.map((group) => ({ mapId: group.id, docName: `map:${group.id}`, title: groupTitle(group.id) }))
		.filter((group) => !stored.some((map) => map.docName === group.docName));
	return [...stored, ...groupMaps];
}

/** The columns `actor` may add cards to now, the current phase's first. */
export function addableKinds(control: ControlSnapshot, actor: MethodActor): CardKind[] {
	const current = cardKindOfPhase(control.live.phase);
	const allowed = CARD_KINDS.filter((kind) => denyReason(actor, { type: 'add-card', kind }, { live: control.live }) === null);
	return current && allowed.includes(current) ? [current, ...allowed.filter((k) => k !== current)] : allowed;
}

/** Whether new cards of `kind` go to the author's private draft first. */
export function writesPrivately(control: ControlSnapshot, kind: CardKind, actor: MethodActor): boolean {
	if (actor.role === 'facilitator') return false;
	const phase = control.live.phases[phaseOfCardKind(kind)];
	return phase.privateWriting && !phase.revealed;
}

/**
 * The canvas cards `actor` may see. Unrevealed private cards never reach the canvas
 * (they wait in each author's draft document), so everything on a canvas counts as
 * revealed here and only moderation hides a card.
 */
export function cardsFor(control: ControlSnapshot, actor: MethodActor, cards: readonly Card[]): Card[] {
	const revealed = Object.fromEntries(
		Object.entries(control.live.phases).map(([phase, settings]) => [phase, { ...settings, revealed: true }])
	) as ControlSnapshot['live']['phases'];
	return visibleCards({ viewer: actor, cards, phases: revealed });
}

export function canEditCard(control: ControlSnapshot, actor: MethodActor, card: Card): boolean {
	return denyReason(actor, { type: 'edit-card', card }, { live: control.live }) === null;
}

/**
 * The viewer's drafts that are not on the canvas (yet). A reveal moves draft cards to
 * the canvas with their ids; for a moment a phone holds both copies, and the canvas
 * copy wins.
 */
export function draftsNotOnCanvas(drafts: readonly Card[], canvas: readonly Card[]): Card[] {
	const onCanvas = new Set(canvas.map((card) => card.id));
	return drafts.filter((card) => !onCanvas.has(card.id));
}

/** The canvas cards, then the drafts not on it: each id once, so a keyed list never sees a duplicate. */
export function boardCards(canvas: readonly Card[], drafts: readonly Card[]): Card[] {
	const seen = new Set<string>();
	const all: Card[] = [];
	for (const card of [...canvas, ...drafts]) {
		if (seen.has(card.id)) continue;
		seen.add(card.id);
		all.push(card);
	}
	return all;
}

export type BoardNotice = 'closed' | 'locked' | null;

/**
 * What a participant's board says above the cards: the workshop is closed (from the
 * page load, or a refusal with key `closed`), or the facilitator locked the current
 * phase's board. The summary is read-only by design and says nothing.
 */
export function boardNotice(control: ControlSnapshot | null, closed: boolean): BoardNotice {
	if (closed) return 'closed';
	if (!control) return null;
	const phase = control.live.phase;
	return phase !== 'sammanfattning' && control.live.phases[phase].locked ? 'locked' : null;
}

/** Whether a refused command says the workshop is closed (a card's `closed` key, or a method command's refusal). */
export function isClosedRefusal(problem: { code: string; message?: string; key?: string } | null): boolean {
	if (!problem) return false;
	return problem.key === 'closed' || (problem.code === 'forbidden' && /workshop is closed/.test(problem.message ?? ''));
}
