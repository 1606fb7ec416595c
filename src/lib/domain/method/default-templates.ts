import conferenceAgendaJson from '../../../../workshop-templates/agenda-conference.json';
import agendaJson from '../../../../workshop-templates/agenda-default.json';
import visitAgendaJson from '../../../../workshop-templates/agenda-kommunbesok.json';
import dataSourcesJson from '../../../../workshop-templates/data-sources.json';
import goalsJson from '../../../../workshop-templates/goals.json';
import themesJson from '../../../../workshop-templates/themes.json';
import type { Phase } from './phases';
import type { Result } from './result';
import {
	parseAgendaFile,
	parseDataSourcesFile,
	parseGoalsFile,
	parseThemesFile,
	type AgendaTemplate,
	type DataSourceTemplate,
	type GoalTemplate,
	type ThemeTemplate
} from './templates';

/**
 * The templates shipped in workshop-templates/, validated once when first imported.
 * They are bundled, not read at run time, so this stays free of I/O; a broken file
 * fails loudly here and in workshop-templates/templates.spec.ts rather than in a
 * workshop.
 */
export const THEMES: readonly ThemeTemplate[] = unwrap(parseThemesFile(themesJson), 'themes.json').themes;
export const GOALS: readonly GoalTemplate[] = unwrap(parseGoalsFile(goalsJson), 'goals.json').goals;
export const DATA_SOURCES: readonly DataSourceTemplate[] = unwrap(parseDataSourcesFile(dataSourcesJson), 'data-sources.json').sources;
export const DEFAULT_AGENDA_TEMPLATE: AgendaTemplate = unwrap(parseAgendaFile(agendaJson), 'agenda-default.json');
/** The formats a facilitator chooses from while preparing: the standard dialogue, a conference's mini-workshop, a municipality visit. */
export const AGENDA_TEMPLATES: readonly AgendaTemplate[] = [
	DEFAULT_AGENDA_TEMPLATE,
	unwrap(parseAgendaFile(conferenceAgendaJson), 'agenda-conference.json'),
	unwrap(parseAgendaFile(visitAgendaJson), 'agenda-kommunbesok.json')
];

/**
 * How the shipped formats run a phase (title, prompt, note, timebox): the standard agenda's
 * first, then the first format that has it; undefined for a phase no format runs.
 */
export function formatItemOf(phase: Phase): AgendaTemplate['items'][number] | undefined {
	return AGENDA_TEMPLATES.flatMap((template) => template.items).find((item) => item.phase === phase);
}

function unwrap<T>(result: Result<T, string>, file: string): T {
	if (!result.ok) throw new Error(`workshop-templates/${file} is invalid: ${result.error}`);
	return result.value;
}
