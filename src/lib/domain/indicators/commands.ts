import { z } from 'zod';
import { idSchema, trimmedText } from '../cards/card-schema';
import type { MethodActor } from '../method/method-actor';
import { refuse, type Refusal } from '../workshop/refusal';
import { INDICATOR_LEVELS, INDICATOR_TYPES, KINDS_OF_USE, type IndicatorMeta } from './indicator-meta';
import { READING_LIMITS, READING_TEXT_MAX } from './reading';

/** Metadata fields, each its own key in a catalogue entry. */
export const META_FIELDS = [
	'namn',
	'mal',
	'delmal',
	'typ',
	'niva',
	'definition',
	'syfte',
	'riskForFeltolkning',
	'malgrupp',
	'datakalla',
	'frekvens',
	'unit',
	'attribution',
	'licence',
	'dataOwner',
	'kindOfUse'
] as const satisfies readonly (keyof IndicatorMeta)[];
export type MetaField = (typeof META_FIELDS)[number];

/** The longest text one catalogue field holds (a definition runs to a paragraph or two). */
export const META_TEXT_MAX = 2000;
export const INDICATOR_NAME_MAX = 200;
/** A catalogue template is added in batches of at most this many rows, so one command stays well under the message limit. */
export const INDICATORS_PER_COMMAND_MAX = 20;

const FIXED_LISTS: Partial<Record<MetaField, readonly string[]>> = {
	typ: INDICATOR_TYPES,
	niva: INDICATOR_LEVELS,
	kindOfUse: KINDS_OF_USE
};

/** Whether `value` may be stored in `field`: typ, nivå and kind of use take only their fixed words. */
export function isAllowedMetaValue(field: MetaField, value: string): boolean {
	if (value.length > (field === 'namn' ? INDICATOR_NAME_MAX : META_TEXT_MAX)) return false;
	return FIXED_LISTS[field]?.includes(value) ?? true;
}

const pointSchema = z
	.object({
		area: z.string().min(1).max(200),
		period: z.string().min(1).max(100),
		breakdown: z
			.record(z.string().max(200), z.string().max(200))
			.refine((value) => Object.keys(value).length <= 20, 'at most 20 breakdown values')
	})
	.strict();

const metaSchema = z
	.partialRecord(z.enum(META_FIELDS), z.string().max(META_TEXT_MAX))
	.refine(
		(meta) => typeof meta.namn === 'string' && meta.namn.trim().length > 0 && meta.namn.trim().length <= INDICATOR_NAME_MAX,
		'an indicator needs a name'
	)
	.refine(
		(meta) => Object.entries(meta).every(([field, value]) => value.trim() === '' || isAllowedMetaValue(field as MetaField, value.trim())),
		'typ, niva and kindOfUse take their fixed values'
	)
	// The refinements above make it an IndicatorMeta: a name, and the fixed words where the fields have them.
	.transform((meta) => meta as IndicatorMeta);

/**
 * What people do to the workshop's `indicators` document: participants pin readings
 * to a chart; the facilitator keeps the catalogue. Imported figures come through the
 * HTTP import, never through these.
 */
export const indicatorsCommandSchema = z.discriminatedUnion('type', [
	z
		.object({
			type: z.literal('reading.add'),
			id: idSchema,
			indicatorId: idSchema,
			text: trimmedText(READING_TEXT_MAX),
			point: pointSchema.optional()
		})
		.strict(),
	z.object({ type: z.literal('reading.edit'), id: idSchema, text: trimmedText(READING_TEXT_MAX) }).strict(),
	z.object({ type: z.literal('reading.remove'), id: idSchema }).strict(),
	z
		.object({
			type: z.literal('indicator.add'),
			indicators: z
				.array(z.object({ id: idSchema, templateId: idSchema.optional(), meta: metaSchema }).strict())
				.min(1)
				.max(INDICATORS_PER_COMMAND_MAX)
		})
		.strict(),
	z.object({ type: z.literal('indicator.set'), id: idSchema, field: z.enum(META_FIELDS), value: z.string().max(META_TEXT_MAX) }).strict(),
	z.object({ type: z.literal('indicator.link'), id: idSchema, cardIds: z.array(idSchema).max(200) }).strict(),
	z.object({ type: z.literal('indicator.remove'), id: idSchema }).strict()
]);

export type IndicatorsCommand = z.infer<typeof indicatorsCommandSchema>;

interface Authored {
	authorId: string;
}

export interface IndicatorsBoard {
	hasIndicator(id: string): boolean;
	reading(id: string): Authored | null;
	readingCounts(authorId: string): { mine: number; total: number };
}

/**
 * Null when `command` may be carried out now, else why not. Readings are anyone's to
 * add and their author's (or the facilitator's) to change; the catalogue is the
 * facilitator's.
 */
export function checkIndicatorsCommand(
	context: { actor: MethodActor; board: IndicatorsBoard },
	command: IndicatorsCommand
): Refusal | null {
	const { actor, board } = context;
	const own = (entry: Authored) => actor.role === 'facilitator' || entry.authorId === actor.participantId;
	switch (command.type) {
		case 'reading.add': {
			const existing = board.reading(command.id);
			if (existing) return own(existing) ? null : refuse('forbidden', 'id-taken', 'that reading id is taken');
			if (!board.hasIndicator(command.indicatorId)) return refuse('not_found', 'no-indicator', 'no such indicator');
			if (actor.role === 'facilitator') return null;
			const counts = board.readingCounts(actor.participantId);
			if (counts.mine >= READING_LIMITS.perPerson || counts.total >= READING_LIMITS.perWorkshop) {
				return refuse('forbidden', 'person-limit', 'no more readings can be added');
			}
			return null;
		}
		case 'reading.edit': {
			const reading = board.reading(command.id);
			if (!reading) return refuse('not_found', 'no-reading', 'no such reading');
			return own(reading) ? null : refuse('forbidden', 'not-author', 'only its author may change this reading');
		}
		case 'reading.remove': {
			const reading = board.reading(command.id);
			return !reading || own(reading) ? null : refuse('forbidden', 'not-author', 'only its author may remove this reading');
		}
		case 'indicator.add':
		case 'indicator.set':
		case 'indicator.link':
		case 'indicator.remove': {
			if (actor.role !== 'facilitator')
				return refuse('forbidden', 'facilitator-only', 'only the facilitator edits the indicator catalogue');
			if ((command.type === 'indicator.set' || command.type === 'indicator.link') && !board.hasIndicator(command.id)) {
				return refuse('not_found', 'no-indicator', 'no such indicator');
			}
			if (command.type === 'indicator.set' && command.field === 'namn' && command.value.trim() === '') {
				return refuse('bad_request', 'empty', 'an indicator needs a name');
			}
			if (command.type === 'indicator.set' && command.value.trim() !== '' && !isAllowedMetaValue(command.field, command.value.trim())) {
				return refuse('bad_request', 'bad-value', `"${command.value.trim()}" is not a valid ${command.field}`);
			}
			return null;
		}
	}
}
