import { z } from 'zod';
import { DATA_LEVELS, DATA_USES, isHttpUrl } from '../cards/available-data';
import { SECTORS } from '../workshop/sectors';
import { checkAgenda, TIMEBOX_MAX_MINUTES, type Agenda, type AgendaItem } from './agenda';
import { ADD_CARD_POLICIES, type PhaseRules } from './live-state';
import { PHASES, type Phase } from './phases';
import { err, ok, type Result } from './result';

/**
 * Method templates are data (workshop-templates/*.json) so a facilitator can add a
 * theme or data source without a code change. These schemas are the contract for
 * those files; every file carries a schemaVersion so later shapes can be migrated.
 */
export const TEMPLATE_SCHEMA_VERSION = 1;

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be a lower-case slug (a-z, 0-9, -)');
const text = z.string().trim().min(1, 'must not be empty');
const localized = z.object({ sv: text, en: text });
const header = {
	schemaVersion: z.literal(TEMPLATE_SCHEMA_VERSION),
	/** Where the content comes from, e.g. the seed document. */
	source: text,
	notes: z.string().optional()
};

export type LocalizedText = z.infer<typeof localized>;

const themeSchema = z.object({
	id,
	name: localized,
	questions: z.object({ framjande: localized, forebyggande: localized }),
	/** Sectors worth inviting for this theme, so several perspectives meet. */
	suggestedSectors: z.array(z.enum(SECTORS)).default([]),
	/** Example wishes to start a quiet room; never pre-filled as cards. */
	starterWishes: z.array(localized).default([]),
	/** Ids in data-sources.json. */
	suggestedDataSourceIds: z.array(id).default([])
});
export type ThemeTemplate = z.infer<typeof themeSchema>;

const themesFileSchema = z
	.object({ ...header, themes: z.array(themeSchema).min(1) })
	.superRefine((file, ctx) => uniqueIds(file.themes, ['themes'], ctx));
export type ThemesFile = z.infer<typeof themesFileSchema>;

/** The stage a goal suits: exploring early, agreeing on the situation, or moving to action. */
export const GOAL_STAGES = ['utforska', 'lagesbild', 'handling'] as const;

const goalSchema = z.object({
	id,
	label: localized,
	/** When the goal fits, in the seed's words ("när ni är tidigt i processen …"). */
	when: localized,
	stage: z.enum(GOAL_STAGES)
});
export type GoalTemplate = z.infer<typeof goalSchema>;

const goalsFileSchema = z
	.object({ ...header, goals: z.array(goalSchema).min(1) })
	.superRefine((file, ctx) => uniqueIds(file.goals, ['goals'], ctx));
export type GoalsFile = z.infer<typeof goalsFileSchema>;

const dataSourceSchema = z.object({
	id,
	name: text,
	owner: text,
	level: z.enum(DATA_LEVELS),
	uses: z.array(z.enum(DATA_USES)).min(1),
	frequency: localized.optional(),
	url: z.string().refine(isHttpUrl, 'must be an http(s) URL').optional(),
	description: localized,
	/** Words people use when they wish for this data; lower case, matched after normalising. */
	keywords: z.array(text).min(1)
});
export type DataSourceTemplate = z.infer<typeof dataSourceSchema>;

const dataSourcesFileSchema = z
	.object({ ...header, sources: z.array(dataSourceSchema).min(1) })
	.superRefine((file, ctx) => uniqueIds(file.sources, ['sources'], ctx));
export type DataSourcesFile = z.infer<typeof dataSourcesFileSchema>;

const agendaItemSchema = z.object({
	phase: z.enum(PHASES),
	minutes: z.number().int().min(1).max(TIMEBOX_MAX_MINUTES).optional(),
	title: localized,
	/** What participants are asked in this phase, shown on every screen. */
	prompt: localized,
	/** What the facilitator says and does in this phase, shown in the cockpit only. */
	note: localized.optional(),
	rules: z
		.object({
			whoMayAdd: z.enum(ADD_CARD_POLICIES).optional(),
			privateWriting: z.boolean().optional(),
			locked: z.boolean().optional()
		})
		.optional()
});
export type AgendaItemTemplate = z.infer<typeof agendaItemSchema>;

const agendaFileSchema = z.object({ ...header, id, name: localized, items: z.array(agendaItemSchema) }).superRefine((file, ctx) => {
	// A template's notes are per language; checkAgenda checks a workshop's own (plain text) notes.
	for (const problem of checkAgenda(file.items.map(({ phase, minutes }) => ({ phase, minutes })))) {
		ctx.addIssue({ code: 'custom', path: ['items'], message: `agenda: ${problem}` });
	}
});
export type AgendaTemplate = z.infer<typeof agendaFileSchema>;

/** Validates parsed themes JSON; the error lists every issue as "path: message". */
export function parseThemesFile(json: unknown): Result<ThemesFile, string> {
	return parseWith(themesFileSchema, json);
}

/** Validates parsed goals JSON. */
export function parseGoalsFile(json: unknown): Result<GoalsFile, string> {
	return parseWith(goalsFileSchema, json);
}

/** Validates parsed data-source directory JSON. */
export function parseDataSourcesFile(json: unknown): Result<DataSourcesFile, string> {
	return parseWith(dataSourcesFileSchema, json);
}

/** Validates parsed agenda template JSON, including the agenda rules (no duplicate phases …). */
export function parseAgendaFile(json: unknown): Result<AgendaTemplate, string> {
	return parseWith(agendaFileSchema, json);
}

/** The agenda and per-phase rule overrides of a template, ready for `createLiveState`. */
export function agendaFromTemplate(template: AgendaTemplate): {
	agenda: Agenda;
	rules: Partial<Record<Phase, Partial<PhaseRules>>>;
} {
	const agenda = template.items.map(({ phase, minutes }) => (minutes === undefined ? { phase } : { phase, minutes }));
	const rules: Partial<Record<Phase, Partial<PhaseRules>>> = {};
	for (const item of template.items) if (item.rules) rules[item.phase] = item.rules;
	return { agenda, rules };
}

/**
 * A template's agenda as a workshop keeps it, its notes in `lang`. The shipped
 * standard agenda's notes are the method's defaults and stay implicit, so they
 * follow the reader's language.
 */
export function agendaItemsOf(template: AgendaTemplate, lang: 'sv' | 'en', defaultId: string): AgendaItem[] {
	return template.items.map(({ phase, minutes, note }) => ({
		phase,
		...(minutes === undefined ? {} : { minutes }),
		...(note && template.id !== defaultId ? { note: note[lang] } : {})
	}));
}

/**
 * Data-source ids that themes suggest but the directory does not hold. The files are
 * validated one by one, so this cross-file link is checked separately.
 */
export function unknownDataSourceIds(themes: readonly ThemeTemplate[], sources: readonly DataSourceTemplate[]): string[] {
	const known = new Set(sources.map((source) => source.id));
	const suggested = themes.flatMap((theme) => theme.suggestedDataSourceIds);
	return [...new Set(suggested.filter((id) => !known.has(id)))];
}

function parseWith<T>(schema: z.ZodType<T>, json: unknown): Result<T, string> {
	const parsed = schema.safeParse(json);
	if (parsed.success) return ok(parsed.data);
	const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
	return err(issues.join('; '));
}

function uniqueIds(items: readonly { id: string }[], path: string[], ctx: z.RefinementCtx): void {
	const seen = new Set<string>();
	items.forEach((item, index) => {
		if (seen.has(item.id)) {
			ctx.addIssue({
				code: 'custom',
				path: [...path, index, 'id'],
				message: `duplicate id ${item.id}`
			});
		}
		seen.add(item.id);
	});
}
