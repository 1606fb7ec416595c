import { z } from 'zod';
import { idSchema, trimmedText } from '../cards/card-schema';
import type { MethodActor } from '../method/method-actor';
import { refuse, type Refusal } from '../workshop/refusal';
import { singleLineSchema } from '../workshop/text-input';
import {
	FACTOR_KINDS,
	FACTOR_LABEL_MAX,
	FACTOR_TAGS,
	FACTOR_NOTE_MAX,
	LINK_LABEL_MAX,
	MAP_FACTORS_MAX,
	MAP_LINKS_MAX,
	MAP_TITLE_MAX,
	POLARITIES,
	PREVENTION_LEVELS
} from './map';
import { THEME_IDS } from './starter-factors';

/** Named loops one map keeps; a map has far fewer loops worth a story. */
export const MAP_STORIES_MAX = 200;
export const LOOP_NAME_MAX = FACTOR_LABEL_MAX;
export const LOOP_STORY_MAX = FACTOR_NOTE_MAX;
/** Starter factors are added a theme at a time. */
export const FACTORS_PER_COMMAND_MAX = 50;

const coordinate = z.number().finite().min(-1e6).max(1e6);
const position = z.object({ id: idSchema, x: coordinate, y: coordinate }).strict();
const newFactor = z
	.object({
		id: idSchema,
		label: trimmedText(FACTOR_LABEL_MAX),
		kind: z.enum(FACTOR_KINDS),
		note: z.string().max(FACTOR_NOTE_MAX).optional(),
		indicatorId: idSchema.optional(),
		tag: z.enum(FACTOR_TAGS).optional(),
		level: z.enum(PREVENTION_LEVELS).optional(),
		x: coordinate.optional(),
		y: coordinate.optional(),
		pinned: z.boolean().optional()
	})
	.strict();

/**
 * What a person can do to a system map. Every command names its target by id and
 * says the value it wants (a polarity, a position), never "toggle", so sending one
 * twice leaves the map as sending it once.
 */
export const mapCommandSchema = z.discriminatedUnion('type', [
	z.object({ type: z.literal('factor.add'), factors: z.array(newFactor).min(1).max(FACTORS_PER_COMMAND_MAX) }).strict(),
	z
		.object({ type: z.literal('factor.move'), positions: z.array(position).min(1).max(MAP_FACTORS_MAX), pin: z.boolean().optional() })
		.strict(),
	z.object({ type: z.literal('factor.pin'), id: idSchema, pinned: z.boolean() }).strict(),
	z
		.object({
			type: z.literal('factor.edit'),
			id: idSchema,
			label: trimmedText(FACTOR_LABEL_MAX).optional(),
			kind: z.enum(FACTOR_KINDS).optional(),
			note: z.string().max(FACTOR_NOTE_MAX).optional(),
			indicatorId: idSchema.nullable().optional()
		})
		.strict(),
	z.object({ type: z.literal('factor.remove'), id: idSchema }).strict(),
	z
		.object({
			type: z.literal('link.add'),
			id: idSchema,
			from: idSchema,
			to: idSchema,
			polarity: z.enum(POLARITIES),
			delay: z.boolean().optional(),
			label: z.string().max(LINK_LABEL_MAX).optional()
		})
		.strict(),
	z
		.object({
			type: z.literal('link.edit'),
			id: idSchema,
			polarity: z.enum(POLARITIES).optional(),
			delay: z.boolean().optional(),
			label: z.string().max(LINK_LABEL_MAX).optional()
		})
		.strict(),
	z.object({ type: z.literal('link.remove'), id: idSchema }).strict(),
	z
		.object({
			type: z.literal('loop.name'),
			id: idSchema,
			loop: z.object({ key: z.string().min(1).max(4000), factors: z.array(idSchema).min(1).max(60), kind: z.enum(['R', 'B']) }).strict(),
			name: trimmedText(LOOP_NAME_MAX),
			story: z.string().max(LOOP_STORY_MAX)
		})
		.strict(),
	z.object({ type: z.literal('loop.remove'), id: idSchema }).strict(),
	z
		.object({
			type: z.literal('map.meta'),
			title: singleLineSchema({ max: MAP_TITLE_MAX, optional: true }).optional(),
			themeId: z.enum(THEME_IDS).nullable().optional()
		})
		.strict()
]);

export type MapCommand = z.infer<typeof mapCommandSchema>;

interface Authored {
	authorId: string;
}

/** What the map rules need to know of a map, read lazily from wherever it is kept. */
export interface MapBoard {
	factor(id: string): Authored | null;
	link(id: string): (Authored & { from: string; to: string }) | null;
	story(id: string): Authored | null;
	/** Links from or to a factor. */
	linksOf(factorId: string): readonly (Authored & { from: string; to: string })[];
	counts(): { factors: number; links: number; stories: number };
}

/** Whether `actor` may delete an entry: its author, or the facilitator. */
export function mayDelete(actor: MethodActor, entry: Authored): boolean {
	return actor.role === 'facilitator' || entry.authorId === actor.participantId;
}

/** Removing a factor also removes its links, so the actor must be allowed to delete all of them. */
export function mayRemoveFactor(actor: MethodActor, board: MapBoard, factorId: string): boolean {
	const factor = board.factor(factorId);
	if (!factor || !mayDelete(actor, factor)) return false;
	return board.linksOf(factorId).every((link) => mayDelete(actor, link));
}

/**
 * Null when `command` may be carried out on the map now, else why not. Anyone in the
 * workshop may add, move and edit; people delete only what they added; the title is
 * the facilitator's. Removing something already gone changes nothing and is allowed.
 */
export function checkMapCommand(context: { actor: MethodActor; board: MapBoard }, command: MapCommand): Refusal | null {
	const { actor, board } = context;
	switch (command.type) {
		case 'factor.add': {
			const fresh = command.factors.filter((factor) => !board.factor(factor.id));
			if (board.counts().factors + fresh.length > MAP_FACTORS_MAX) {
				return refuse('forbidden', 'map-full', `a map holds at most ${MAP_FACTORS_MAX} factors`);
			}
			return null;
		}
		case 'factor.move':
			return null;
		case 'factor.pin':
		case 'factor.edit':
			return board.factor(command.id) ? null : refuse('not_found', 'no-factor', 'no such factor');
		case 'factor.remove':
			if (!board.factor(command.id)) return null;
			return mayRemoveFactor(actor, board, command.id)
				? null
				: refuse('forbidden', 'not-author', 'only its author may remove this factor and its links');
		case 'link.add': {
			if (board.link(command.id)) return null;
			if (!board.factor(command.from) || !board.factor(command.to))
				return refuse('not_found', 'no-factor', 'a link must join two factors of the map');
			if (board.linksOf(command.from).some((link) => link.from === command.from && link.to === command.to)) {
				return refuse('forbidden', 'exists', 'these factors are already linked in that direction');
			}
			if (board.counts().links >= MAP_LINKS_MAX) return refuse('forbidden', 'map-full', `a map holds at most ${MAP_LINKS_MAX} links`);
			return null;
		}
		case 'link.edit':
			return board.link(command.id) ? null : refuse('not_found', 'no-link', 'no such link');
		case 'link.remove': {
			const link = board.link(command.id);
			return !link || mayDelete(actor, link) ? null : refuse('forbidden', 'not-author', 'only its author may remove this link');
		}
		case 'loop.name': {
			if (board.story(command.id)) return null;
			if (board.counts().stories >= MAP_STORIES_MAX)
				return refuse('forbidden', 'map-full', `a map keeps at most ${MAP_STORIES_MAX} named loops`);
			return null;
		}
		case 'loop.remove': {
			const story = board.story(command.id);
			return !story || mayDelete(actor, story) ? null : refuse('forbidden', 'not-author', 'only its author may remove this story');
		}
		case 'map.meta':
			return actor.role === 'facilitator' ? null : refuse('forbidden', 'facilitator-only', 'only the facilitator names the map');
	}
}
