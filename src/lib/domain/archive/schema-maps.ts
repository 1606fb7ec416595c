import { z } from 'zod';
import {
	FACTOR_KINDS,
	FACTOR_LABEL_MAX,
	FACTOR_NOTE_MAX,
	FACTOR_TAGS,
	LINK_LABEL_MAX,
	MAP_FACTORS_MAX,
	MAP_LINKS_MAX,
	MAP_TITLE_MAX,
	PREVENTION_LEVELS,
	THEME_IDS
} from '../systemmap';
import { sectorSchema } from '../workshop/sectors';
import { idSchema } from '../cards/card-schema';

/**
 * Validators for the system maps of an archive document: each map as its
 * document holds it (factors, links and loop stories with their authors) plus
 * the loops found in it, which are derived and recomputed on every export.
 */
const label = (max: number) =>
	z.string().refine((text) => text.trim().length > 0 && text.trim().length <= max, `must be 1–${max} characters`);
const coordinate = z.number().finite().min(-1e6).max(1e6);

const factorSchema = z.object({
	id: idSchema,
	label: label(FACTOR_LABEL_MAX),
	kind: z.enum(FACTOR_KINDS),
	note: z.string().max(FACTOR_NOTE_MAX).optional(),
	indicatorId: idSchema.optional(),
	tag: z.enum(FACTOR_TAGS).optional(),
	level: z.enum(PREVENTION_LEVELS).optional(),
	proposedBySector: sectorSchema.optional(),
	x: coordinate.optional(),
	y: coordinate.optional(),
	pinned: z.boolean().optional(),
	authorId: idSchema
});

const linkSchema = z.object({
	id: idSchema,
	from: idSchema,
	to: idSchema,
	polarity: z.enum(['+', '-']),
	delay: z.boolean().optional(),
	label: z.string().max(LINK_LABEL_MAX).optional(),
	authorId: idSchema,
	sector: sectorSchema.optional()
});

const loopKind = z.enum(['R', 'B']);

const storySchema = z.object({
	id: idSchema,
	key: z.string().min(1).max(20_000),
	name: label(FACTOR_LABEL_MAX),
	story: z.string().max(FACTOR_NOTE_MAX).optional(),
	factors: z.array(idSchema).max(MAP_FACTORS_MAX),
	kind: loopKind,
	authorId: idSchema
});

const loopSchema = z.object({
	kind: loopKind,
	factors: z.array(idSchema).max(MAP_FACTORS_MAX),
	links: z.array(idSchema).max(MAP_LINKS_MAX),
	name: z.string().max(FACTOR_LABEL_MAX).optional(),
	story: z.string().max(FACTOR_NOTE_MAX).optional()
});

export const archivedMapSchema = z
	.object({
		mapId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be a map id'),
		title: z.string().min(1).max(MAP_TITLE_MAX).nullable(),
		themeId: z.enum(THEME_IDS).nullable(),
		factors: z.array(factorSchema).max(MAP_FACTORS_MAX),
		links: z.array(linkSchema).max(MAP_LINKS_MAX),
		stories: z.array(storySchema).max(MAP_LINKS_MAX),
		loops: z.array(loopSchema).max(1000),
		loopsTruncated: z.boolean()
	})
	.superRefine((map, context) => {
		const ids = new Set(map.factors.map((factor) => factor.id));
		if (ids.size !== map.factors.length) context.addIssue({ code: 'custom', message: 'factor ids must be unique', path: ['factors'] });
		if (new Set(map.links.map((link) => link.id)).size !== map.links.length) {
			context.addIssue({ code: 'custom', message: 'link ids must be unique', path: ['links'] });
		}
		map.links.forEach((link, index) => {
			if (!ids.has(link.from) || !ids.has(link.to)) {
				context.addIssue({ code: 'custom', message: 'link joins an unknown factor', path: ['links', index] });
			}
		});
	});

export type ArchivedMap = z.infer<typeof archivedMapSchema>;
export type ArchivedLoop = z.infer<typeof loopSchema>;
