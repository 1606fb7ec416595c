import { describe, expect, it } from 'vitest';
import { DATA_LEVELS } from '../src/lib/domain/cards/available-data';
import { suggestDataSources } from '../src/lib/domain/method/data-source-match';
import { createLiveState } from '../src/lib/domain/method/live-state';
import { PHASES } from '../src/lib/domain/method/phases';
import { checkAgenda } from '../src/lib/domain/method/agenda';
import { AGENDA_TEMPLATES } from '../src/lib/domain/method/default-templates';
import {
	agendaFromTemplate,
	agendaItemsOf,
	parseAgendaFile,
	parseDataSourcesFile,
	parseGoalsFile,
	parseThemesFile,
	unknownDataSourceIds,
	type AgendaTemplate
} from '../src/lib/domain/method/templates';
import agendaJson from './agenda-default.json';
import dataSourcesJson from './data-sources.json';
import goalsJson from './goals.json';
import themesJson from './themes.json';

function value<T>(result: { ok: true; value: T } | { ok: false; error: string }): T {
	if (!result.ok) throw new Error(result.error);
	return result.value;
}

const themes = value(parseThemesFile(themesJson)).themes;
const goals = value(parseGoalsFile(goalsJson)).goals;
const sources = value(parseDataSourcesFile(dataSourcesJson)).sources;
const agenda = value(parseAgendaFile(agendaJson));

function nonEmpty(text: { sv: string; en: string }): boolean {
	return text.sv.trim().length > 0 && text.en.trim().length > 0;
}

describe('themes.json', () => {
	it('holds the 15 themes of seed 003 with unique ids', () => {
		expect(themes).toHaveLength(15);
		expect(new Set(themes.map((theme) => theme.id)).size).toBe(15);
	});

	it('names its source and schema version', () => {
		expect(themesJson.schemaVersion).toBe(1);
		expect(themesJson.source).toContain('Lärprocess Framtidens socialtjänst');
	});

	it('has a name and both questions in Swedish and English for every theme', () => {
		for (const theme of themes) {
			expect(nonEmpty(theme.name), theme.id).toBe(true);
			expect(nonEmpty(theme.questions.framjande), theme.id).toBe(true);
			expect(nonEmpty(theme.questions.forebyggande), theme.id).toBe(true);
			expect(theme.questions.framjande.sv, theme.id).toMatch(/^Hur kan vi främja .+\?$/);
			expect(theme.questions.forebyggande.sv, theme.id).toMatch(/^Hur kan vi förebygga .+\?$/);
		}
	});

	it('keeps the seed wording of the questions', () => {
		const byId = new Map(themes.map((theme) => [theme.id, theme]));
		expect(byId.get('psykisk-halsa')?.questions.framjande.sv).toBe('Hur kan vi främja välmående och resiliens hos unga?');
		expect(byId.get('missbruk')?.questions.forebyggande.sv).toBe('Hur kan vi förebygga riskbruk och beroendutveckling?');
		expect(byId.get('digital-tillgang')?.questions.forebyggande.sv).toBe('Hur kan vi förebygga digitalt utanförskap?');
	});

	it('suggests only data sources that are in the directory', () => {
		expect(unknownDataSourceIds(themes, sources)).toEqual([]);
	});

	it('has translated starter wishes', () => {
		for (const theme of themes) for (const wish of theme.starterWishes) expect(nonEmpty(wish), theme.id).toBe(true);
	});
});

describe('goals.json', () => {
	it('holds the three seed goals, one per stage, in Swedish and English', () => {
		expect(goals.map((goal) => goal.id)).toEqual(['lara-av-varandra', 'gemensam-lagesbild', 'nya-insatser']);
		expect(goals.map((goal) => goal.stage)).toEqual(['utforska', 'lagesbild', 'handling']);
		for (const goal of goals) {
			expect(nonEmpty(goal.label), goal.id).toBe(true);
			expect(nonEmpty(goal.when), goal.id).toBe(true);
		}
	});
});

describe('data-sources.json', () => {
	it('gives every source a unique id, a valid level, a use and keywords', () => {
		expect(new Set(sources.map((source) => source.id)).size).toBe(sources.length);
		for (const source of sources) {
			expect(DATA_LEVELS, source.id).toContain(source.level);
			expect(source.uses.length, source.id).toBeGreaterThan(0);
			expect(source.keywords.length, source.id).toBeGreaterThan(0);
			expect(nonEmpty(source.description), source.id).toBe(true);
		}
	});

	it('includes the national, regional and local sources the seeds name', () => {
		const ids = sources.map((source) => source.id);
		for (const id of [
			'scb',
			'kolada',
			'folkhalsomyndigheten',
			'socialstyrelsen',
			'skolverket',
			'bra',
			'stockholmsenkaten',
			'trygghetsmatningen',
			'missbrukskartlaggningen',
			'lupp',
			'ils-indikatorer',
			'kommunens-register'
		]) {
			expect(ids).toContain(id);
		}
	});

	it('covers all four levels of data', () => {
		expect(new Set(sources.map((source) => source.level))).toEqual(new Set(DATA_LEVELS));
	});

	it('links only to https homepages', () => {
		for (const source of sources) if (source.url) expect(source.url, source.id).toMatch(/^https:\/\/[a-z.]+\/?$/);
	});

	it('has no keyword listed twice for one source', () => {
		for (const source of sources) {
			const keywords = source.keywords.map((keyword) => keyword.toLocaleLowerCase('sv-SE'));
			expect(new Set(keywords).size, source.id).toBe(keywords.length);
		}
	});

	it('suggests sensible sources for typical wishes', () => {
		const top = (text: string) => suggestDataSources(text, sources, { limit: 3 }).map((match) => match.source.id);
		expect(top('Skolfrånvaro per skola')).toContain('skolverket');
		expect(top('Hur många unga använder droger?')).toContain('stockholmsenkaten');
		expect(top('Anmälda brott i centrum')).toContain('bra');
		expect(top('Antal vräkningar av barnfamiljer')).toContain('kronofogden');
		expect(top('Besök på fritidsgården')).toContain('kommunens-register');
		// The seeds' own sources: PI-mini and CAN's county report, the police's situation picture, civil society's data.
		expect(top('Hur ser vårt ANDT-förebyggande arbete ut jämfört med andra stadsdelar? Preventionsindex')).toContain('pi-mini');
		expect(top('Länsrapporten om kommunens tillsyn')).toContain('can-lansrapport');
		expect(top('En gemensam lägesbild över öppna drogscener')).toContain('polisens-lagesbild');
		expect(top('Vad vet föreningar om utsatta grupper?')).toContain('civilsamhallets-underlag');
	});
});

describe('agenda-default.json', () => {
	it('runs every phase once but those the facilitator places (the opening reflection, the system map, the test in dialogue), in the seed order, with a title and prompt in both languages', () => {
		expect(agenda.items.map((item) => item.phase)).toEqual(
			PHASES.filter((phase) => !['reflektion-start', 'systemkarta', 'testa'].includes(phase))
		);
		for (const item of agenda.items) {
			expect(nonEmpty(item.title), item.phase).toBe(true);
			expect(nonEmpty(item.prompt), item.phase).toBe(true);
		}
	});

	it('quotes the seed canvas prompts', () => {
		const prompt = (phase: string) => agenda.items.find((item) => item.phase === phase)?.prompt.sv;
		expect(prompt('onskvard')).toBe('Vilken information eller data skulle kunna hjälpa er att bättre förstå den fråga ni valt?');
		expect(prompt('tillganglig')).toBe('Vilken information eller data av den ni önskar er finns tillgänglig? Och var?');
	});

	it('starts a live workshop', () => {
		const live = createLiveState(agendaFromTemplate(agenda));
		expect(live.ok && live.value.phase).toBe('valj-fraga');
	});
});

describe('the agenda formats (agenda-*.json)', () => {
	const minutes = (template: AgendaTemplate) => template.items.reduce((sum, item) => sum + (item.minutes ?? 0), 0);
	const byId = (id: string) => AGENDA_TEMPLATES.find((template) => template.id === id)!;

	it("offers the seed's three formats: the standard dialogue, a conference mini-workshop of about 45 minutes and a half-day municipality visit", () => {
		expect(AGENDA_TEMPLATES.map((template) => template.id)).toEqual(['standard', 'konferens', 'kommunbesok']);
		// The dialogue's 85 minutes and 10 for the closing reflection and the evaluation.
		expect(minutes(byId('standard'))).toBe(95);
		expect(minutes(byId('konferens'))).toBe(45);
		expect(minutes(byId('kommunbesok'))).toBe(180);
	});

	it('gives every phase of every format a title, a prompt and a facilitator note in both languages', () => {
		for (const template of AGENDA_TEMPLATES) {
			for (const item of template.items) {
				expect(nonEmpty(item.title) && nonEmpty(item.prompt) && nonEmpty(item.note!), `${template.id} ${item.phase}`).toBe(true);
			}
		}
	});

	it('the conference canvas has no vote and asks people to find their own municipality; the visit ends with the follow-up booked', () => {
		expect(byId('konferens').items.map((item) => item.phase)).not.toContain('prioritera');
		expect(byId('konferens').items[0]!.prompt.sv).toMatch(/Hitta någon\/ra från din kommun/);
		expect(byId('kommunbesok').items.at(-1)!.note!.sv).toMatch(/3–6 och 12 månader/);
	});

	it('the half-day visit has room for every step of the seed process, the system map and the test in dialogue included', () => {
		expect(byId('kommunbesok').items.map((item) => item.phase)).toEqual(PHASES.filter((phase) => phase !== 'reflektion-start'));
	});

	it("becomes a workshop's agenda with the format's notes, while the standard's notes stay the method's defaults", () => {
		const visit = agendaItemsOf(byId('kommunbesok'), 'sv', 'standard');
		expect(checkAgenda(visit)).toEqual([]);
		expect(visit[0]!.note).toMatch(/Kunskapsdelen/);
		expect(agendaItemsOf(byId('standard'), 'en', 'standard').every((item) => item.note === undefined)).toBe(true);
		expect(agendaItemsOf(byId('konferens'), 'en', 'standard')[0]!.note).toMatch(/^Find people/);
	});
});
