import { z } from 'zod';
import type { LiveState } from '../method/live-state';
import type { MethodActor } from '../method/method-actor';
import { denyReason, type MethodAction } from '../method/permissions';
import { refuse, type Refusal } from '../workshop/refusal';
import { sectorSchema } from '../workshop/sectors';
import { checkAvailableData } from './available-data';
import { CARD_KINDS, type Card } from './card';
import { availableSchema, cardTextSchema, idSchema, nextStepSchema } from './card-schema';
import { cardLimitProblem } from './card-limits';
import { OWNER_MAX, checkNextStep } from './next-step';

/**
 * What a person can do to the cards of a canvas (or of their private draft). The
 * browser sends these; the server checks each against {@link checkCardCommand} and
 * only then writes the document. Ids are made by the browser, so a command sent
 * twice (a retry, a reconnect) names the same card.
 */
export const cardCommandSchema = z.discriminatedUnion('type', [
	z
		.object({
			type: z.literal('card.add'),
			id: idSchema,
			kind: z.enum(CARD_KINDS),
			text: cardTextSchema,
			groupId: idSchema.optional(),
			available: availableSchema.optional(),
			nextStep: nextStepSchema.optional(),
			/** A card written on paper in a hybrid room, typed in by the facilitator under its writer's sector. */
			paperSector: sectorSchema.optional()
		})
		.strict(),
	z.object({ type: z.literal('card.edit'), id: idSchema, text: cardTextSchema }).strict(),
	/** "Vem kan ta fram detta?": anyone may propose who could produce a wished figure. */
	z.object({ type: z.literal('card.propose-owner'), id: idSchema, owner: z.string().max(OWNER_MAX) }).strict(),
	z.object({ type: z.literal('card.remove'), id: idSchema }).strict()
]);

export type CardCommand = z.infer<typeof cardCommandSchema>;

/** What a card rule needs to know of a board, without reading every card into memory. */
export interface CardBoard {
	find(id: string): Card | null;
	/** Cards by `authorId` and in total. */
	counts(authorId: string): { mine: number; total: number };
}

export interface CardContext {
	actor: MethodActor;
	live: LiveState;
	board: CardBoard;
	/** Group ids a new card may name: the canvas's own group, or for a draft the current groups. */
	groupIds: readonly string[];
}

/** The author id the method records for an actor. */
export function authorIdOf(actor: MethodActor): string {
	return actor.role === 'facilitator' ? 'facilitator' : actor.participantId;
}

/**
 * Null when `command` may be carried out by `context.actor` now, else why not.
 * Removing a card that is already gone is allowed (it changes nothing), so a
 * removal sent twice is not an error.
 */
export function checkCardCommand(context: CardContext, command: CardCommand): Refusal | null {
	const { actor, live, board } = context;
	const denied = (action: MethodAction) => {
		const reason = denyReason(actor, action, { live });
		return reason ? refuse('forbidden', reason, `card change refused: ${reason}`) : null;
	};
	switch (command.type) {
		case 'card.add': {
			const existing = board.find(command.id);
			if (existing) return existing.authorId === authorIdOf(actor) ? null : refuse('forbidden', 'id-taken', 'that card id is taken');
			const refused = denied({ type: 'add-card', kind: command.kind });
			if (refused) return refused;
			if (command.paperSector && actor.role !== 'facilitator') {
				return refuse('forbidden', 'paper-facilitator-only', 'only the facilitator types in paper cards for a sector');
			}
			if (command.groupId !== undefined && !context.groupIds.includes(command.groupId)) {
				return refuse('bad_request', 'bad-group', 'a card may name only the group of its canvas');
			}
			const details = checkDetails(command, board);
			if (details) return details;
			if (actor.role === 'facilitator') return null;
			const limit = cardLimitProblem(board.counts(actor.participantId));
			return limit ? refuse('forbidden', limit, `card change refused: ${limit}`) : null;
		}
		case 'card.edit': {
			const card = board.find(command.id);
			if (!card) return refuse('not_found', 'no-card', 'no such card');
			return denied({ type: 'edit-card', card });
		}
		case 'card.propose-owner': {
			const card = board.find(command.id);
			if (!card) return refuse('not_found', 'no-card', 'no such card');
			if (card.kind !== 'onskvard') return refuse('bad_request', 'not-a-wish', 'only a wished-data card takes a proposed owner');
			return denied({ type: 'propose-data-owner', card });
		}
		case 'card.remove': {
			const card = board.find(command.id);
			return card ? denied({ type: 'delete-card', card }) : null;
		}
	}
}

/** Available data only on "Tillgänglig" cards, linked to wishes on the same board; next steps only on "Nästa steg". */
function checkDetails(command: Extract<CardCommand, { type: 'card.add' }>, board: CardBoard): Refusal | null {
	if (command.available) {
		if (command.kind !== 'tillganglig') return refuse('bad_request', 'bad-details', 'available data belongs on a tillganglig card');
		const wishes = command.available.wishIds.flatMap((id) => board.find(id) ?? []);
		const problems = checkAvailableData(command.available, wishes);
		if (problems.length > 0) return refuse('bad_request', problems[0]!, `available data: ${problems.join(', ')}`);
	}
	if (command.nextStep) {
		if (command.kind !== 'nasta-steg') return refuse('bad_request', 'bad-details', 'a next step belongs on a nasta-steg card');
		const problems = checkNextStep(command.nextStep);
		if (problems.length > 0) return refuse('bad_request', problems[0]!, `next step: ${problems.join(', ')}`);
	}
	return null;
}

/** A board over plain cards, for the browser's own check and for tests. */
export function boardOf(cards: readonly Card[]): CardBoard {
	const byId = new Map(cards.map((card) => [card.id, card]));
	return {
		find: (id) => byId.get(id) ?? null,
		counts: (authorId) => ({ mine: cards.filter((card) => card.authorId === authorId).length, total: cards.length })
	};
}
