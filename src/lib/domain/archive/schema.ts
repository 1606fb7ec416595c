import { z } from 'zod';
import { areaSchema } from '../indicators/schema';
import { archivedIndicatorSchema, archivedReadingSchema } from './schema-indicators';
import { archivedMapSchema } from './schema-maps';
import { cardSchema, idSchema, isoDateSchema, timestampSchema } from '../cards/card-schema';
import { groupSchema, methodSchema, moderationEntrySchema, preparationSchema, publicVoteSchema } from './schema-method';
import { sectorSchema, WORKSHOP_SECTORS_MAX } from '../workshop/sectors';
import { archivedResponsesSchema } from './schema-responses';

/**
 * The archive document: everything a workshop holds, as one JSON value. It is
 * what closing a workshop freezes as a version, what `export.json` returns and
 * what `import` reads, so an export imported elsewhere and exported again is
 * the same document (apart from `exportedAt` and `source`, which describe the
 * copy rather than the workshop). Participants appear only as pseudonymous ids
 * with a sector; display names are never part of it. Private drafts and the
 * individual dots of the ballot box are left out: only what the room saw.
 *
 * Bump ARCHIVE_SCHEMA_VERSION on any change an older reader would misread.
 */
export const ARCHIVE_SCHEMA = 'datadialog.workshop';
export const ARCHIVE_SCHEMA_VERSION = 1;

/** The workshop title limit; the server's create endpoint uses the same number (checked in a test). */
export const ARCHIVE_TITLE_MAX = 120;

export const FOLLOW_UP_STATUSES = ['open', 'done', 'not-done', 'changed'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];
export const FOLLOW_UP_NOTE_MAX = 280;
/** Two by default (3–6 and 12 months); a few more if the organiser wants them. */
export const FOLLOW_UP_DATES_MAX = 4;

export const baselineReadingSchema = z.object({
	indicatorId: idSchema,
	seriesKey: z.string().min(1).max(2000),
	area: areaSchema,
	breakdown: z.record(z.string(), z.string()),
	period: z.string().min(1).max(100),
	value: z.number().finite()
});

export const followUpStepSchema = z.object({
	cardId: idSchema,
	status: z.enum(FOLLOW_UP_STATUSES),
	note: z.string().max(FOLLOW_UP_NOTE_MAX),
	updatedAt: timestampSchema
});

export const followUpDatesSchema = z
	.array(isoDateSchema)
	.max(FOLLOW_UP_DATES_MAX)
	.refine((dates) => dates.every((date, i) => i === 0 || dates[i - 1]! <= date), 'dates must be in order');

export const archiveDocumentSchema = z
	.object({
		schema: z.literal(ARCHIVE_SCHEMA),
		schemaVersion: z.literal(ARCHIVE_SCHEMA_VERSION),
		exportedAt: timestampSchema,
		/** This copy: which workshop it was taken from, and which frozen version (null for a live export). */
		source: z.object({
			workshopId: idSchema,
			status: z.enum(['open', 'closed']),
			version: z.number().int().min(1).nullable(),
			frozenAt: timestampSchema.nullable()
		}),
		workshop: z.object({
			title: z
				.string()
				.refine((title) => title.trim().length > 0 && title.length <= ARCHIVE_TITLE_MAX, `must be 1–${ARCHIVE_TITLE_MAX} characters`),
			createdAt: timestampSchema
		}),
		method: methodSchema,
		preparation: preparationSchema.nullable(),
		vote: publicVoteSchema.nullable(),
		groups: z.array(groupSchema).max(200),
		moderation: z.array(moderationEntrySchema).max(10_000),
		/** The join form: the workshop's sectors and whether it asked for the municipality. Absent in older archives. */
		joinForm: z.object({ sectors: z.array(sectorSchema).min(1).max(WORKSHOP_SECTORS_MAX), askOrganisation: z.boolean() }).optional(),
		participants: z.array(z.object({ id: idSchema, sector: sectorSchema, joinedAt: timestampSchema })).max(10_000),
		canvases: z
			.array(
				z.object({
					name: z.string().regex(/^canvas:[a-z0-9][a-z0-9-]{0,39}$/, 'must be a canvas name'),
					cards: z.array(cardSchema).max(10_000)
				})
			)
			.max(201),
		maps: z.array(archivedMapSchema).max(200),
		indicators: z.array(archivedIndicatorSchema).max(1000),
		readings: z.array(archivedReadingSchema).max(50_000),
		responses: archivedResponsesSchema,
		followUp: z.object({
			dates: followUpDatesSchema,
			of: z.object({ workshopId: idSchema, title: z.string().min(1).max(ARCHIVE_TITLE_MAX), version: z.number().int().min(1) }).nullable(),
			baseline: z.array(baselineReadingSchema).max(100_000),
			steps: z.array(followUpStepSchema).max(10_000)
		})
	})
	.superRefine((document, context) => {
		const unique = (values: string[], path: string) => {
			if (new Set(values).size !== values.length) context.addIssue({ code: 'custom', message: `${path} must be unique`, path: [path] });
		};
		unique(
			document.canvases.map((canvas) => canvas.name),
			'canvases'
		);
		unique(
			document.maps.map((map) => map.mapId),
			'maps'
		);
		unique(
			document.indicators.map((indicator) => indicator.id),
			'indicators'
		);
		unique(
			document.participants.map((participant) => participant.id),
			'participants'
		);
		unique(
			document.canvases.flatMap((canvas) => canvas.cards.map((card) => `${canvas.name} ${card.id}`)),
			'cards'
		);
		unique(
			document.readings.map((reading) => reading.id),
			'readings'
		);
	});

export type ArchiveDocument = z.infer<typeof archiveDocumentSchema>;
export type ArchiveSource = ArchiveDocument['source'];
export type BaselineReading = z.infer<typeof baselineReadingSchema>;
export type FollowUpStep = z.infer<typeof followUpStepSchema>;
