import type { DataLevel, DataUse } from '../cards/available-data';
import { compareByCreation, type Card, type CardKind } from '../cards/card';
import { findGaps } from '../cards/gaps';
import type { NextStepPrompt } from '../cards/next-step';
import { countBySector, type Sector } from '../workshop/sectors';
import type { ArchiveDocument, FollowUpStatus } from './schema';
import { PLENARY_CANVAS_NAME } from './snapshot';

/**
 * The canvas results of an archive document as the report and the CSV files
 * show them. Hidden (moderated) cards are left out everywhere: the document
 * keeps them, the readable outputs do not spread them.
 */

/**
 * Every visible card of the workshop: the plenary canvas, plus the cards of
 * group canvases that were never merged into it (a merged card is in the
 * plenary under its own id or as `<group>-<id>`), so group work is not lost
 * when the facilitator closed without merging.
 */
export function visibleCards(document: Pick<ArchiveDocument, 'canvases'>): Card[] {
	const plenary = document.canvases.find((canvas) => canvas.name === PLENARY_CANVAS_NAME)?.cards ?? [];
	const inPlenary = new Set(plenary.map((card) => card.id));
	const fromGroups = document.canvases
		.filter((canvas) => canvas.name !== PLENARY_CANVAS_NAME)
		.flatMap((canvas) => {
			const groupId = canvas.name.slice('canvas:'.length);
			return canvas.cards
				.filter((card) => !inPlenary.has(card.id) && !inPlenary.has(`${groupId}-${card.id}`))
				.map((card) => ({ ...card, groupId: card.groupId ?? groupId }));
		});
	return [...plenary, ...fromGroups].filter((card) => !card.hidden).sort(compareByCreation);
}

export function cardsOfKind(cards: readonly Card[], kind: CardKind): Card[] {
	return cards.filter((card) => card.kind === kind);
}

export interface RankedWish {
	id: string;
	text: string;
	/** Null for wishes that were not on a closed ballot. */
	votes: number | null;
	rank: number | null;
	tied: boolean;
}

/** Wishes by the closed vote's result, then those without votes in creation order; without a closed vote, creation order. */
export function rankedWishes(cards: readonly Card[], vote: ArchiveDocument['vote']): RankedWish[] {
	const wishes = cardsOfKind(cards, 'onskvard');
	const tally = vote?.status === 'closed' ? (vote.tally ?? []) : [];
	const byId = new Map(wishes.map((card) => [card.id, card]));
	const ranked = tally.flatMap((row) => {
		const card = byId.get(row.cardId);
		return card ? [{ id: card.id, text: card.text, votes: row.votes, rank: row.rank, tied: row.tied }] : [];
	});
	const onBallot = new Set(ranked.map((wish) => wish.id));
	const rest = wishes
		.filter((card) => !onBallot.has(card.id))
		.map((card) => ({ id: card.id, text: card.text, votes: null, rank: null, tied: false }));
	return [...ranked, ...rest];
}

export interface AvailableRow {
	id: string;
	text: string;
	/** Source or data owner ("Källa eller dataägare"). */
	source: string;
	level: DataLevel;
	uses: DataUse[];
	frequency: string | null;
	comparability: string | null;
	url: string | null;
	/** Texts of the wishes this data answers. */
	answers: string[];
}

export function availableRows(cards: readonly Card[]): AvailableRow[] {
	const wishText = new Map(cardsOfKind(cards, 'onskvard').map((card) => [card.id, card.text]));
	return cardsOfKind(cards, 'tillganglig').flatMap((card) =>
		card.available
			? [
					{
						id: card.id,
						text: card.text,
						source: card.available.source,
						level: card.available.level,
						uses: card.available.uses,
						frequency: card.available.frequency ?? null,
						comparability: card.available.comparability ?? null,
						url: card.available.url ?? null,
						answers: card.available.wishIds.flatMap((id) => wishText.get(id) ?? [])
					}
				]
			: []
	);
}

export interface GapRow {
	id: string;
	text: string;
	proposedDataOwner: string | null;
}

/** The gap list in the vote's priority order, as the workshop showed it. */
export function gapRows(cards: readonly Card[], vote: ArchiveDocument['vote']): GapRow[] {
	const priorityOrder = vote?.status === 'closed' ? vote.tally?.map((row) => row.cardId) : undefined;
	return findGaps(cards, { priorityOrder }).map((gap) => ({
		id: gap.wish.id,
		text: gap.wish.text,
		proposedDataOwner: gap.proposedDataOwner
	}));
}

export interface NextStepRow {
	id: string;
	text: string;
	prompt: NextStepPrompt | null;
	owner: string | null;
	due: string | null;
	/** Set on steps carried over into a follow-up workshop; null for steps written in this one. */
	status: FollowUpStatus | null;
	note: string;
}

export function nextStepRows(cards: readonly Card[], steps: ArchiveDocument['followUp']['steps']): NextStepRow[] {
	const statusOf = new Map(steps.map((step) => [step.cardId, step]));
	return cardsOfKind(cards, 'nasta-steg').map((card) => ({
		id: card.id,
		text: card.text,
		prompt: card.nextStep?.prompt ?? null,
		owner: card.nextStep?.owner ?? null,
		due: card.nextStep?.due ?? null,
		status: statusOf.get(card.id)?.status ?? null,
		note: statusOf.get(card.id)?.note ?? ''
	}));
}

export interface SectorCount {
	sector: Sector;
	count: number;
}

/** Participants per sector, in the join form's order, sectors nobody came from left out. Counts only, never names. */
export function participantsBySector(participants: readonly { sector: Sector }[]): SectorCount[] {
	return countBySector(participants);
}
