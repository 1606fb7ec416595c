import { describe, expect, it } from 'vitest';
import {
	agendaFromTemplate,
	parseAgendaFile,
	parseDataSourcesFile,
	parseGoalsFile,
	parseThemesFile,
	unknownDataSourceIds
} from './templates';

const localized = { sv: 'Text', en: 'Text' };

const theme = {
	id: 'fritid',
	name: localized,
	questions: { framjande: localized, forebyggande: localized }
};

const source = {
	id: 'scb',
	name: 'SCB',
	owner: 'SCB',
	level: 'nationell',
	uses: ['utforska'],
	description: localized,
	keywords: ['befolkning']
};

describe('parseThemesFile', () => {
	it('accepts a minimal file and fills the optional lists', () => {
		const result = parseThemesFile({ schemaVersion: 1, source: 'seed 003', themes: [theme] });
		expect(result.ok && result.value.themes[0]).toEqual({
			...theme,
			suggestedSectors: [],
			starterWishes: [],
			suggestedDataSourceIds: []
		});
	});

	it('refuses another schema version', () => {
		expect(parseThemesFile({ schemaVersion: 2, source: 's', themes: [theme] }).ok).toBe(false);
	});

	it('refuses duplicate ids and names the place', () => {
		const result = parseThemesFile({ schemaVersion: 1, source: 's', themes: [theme, theme] });
		expect(result).toEqual({ ok: false, error: 'themes.1.id: duplicate id fritid' });
	});

	it('refuses an empty translation and an unknown sector', () => {
		const result = parseThemesFile({
			schemaVersion: 1,
			source: 's',
			themes: [{ ...theme, name: { sv: 'Fritid', en: ' ' }, suggestedSectors: ['bank'] }]
		});
		expect(result.ok).toBe(false);
		expect(!result.ok && result.error).toContain('themes.0.name.en');
		expect(!result.ok && result.error).toContain('themes.0.suggestedSectors.0');
	});
});

describe('parseGoalsFile', () => {
	it('accepts goals with a stage', () => {
		const goal = { id: 'lara-av-varandra', label: localized, when: localized, stage: 'utforska' };
		expect(parseGoalsFile({ schemaVersion: 1, source: 's', goals: [goal] }).ok).toBe(true);
		expect(parseGoalsFile({ schemaVersion: 1, source: 's', goals: [{ ...goal, stage: 'senare' }] }).ok).toBe(false);
	});
});

describe('parseDataSourcesFile', () => {
	it('accepts a source with an https link', () => {
		const file = { schemaVersion: 1, source: 's', sources: [{ ...source, url: 'https://www.scb.se' }] };
		expect(parseDataSourcesFile(file).ok).toBe(true);
	});

	it('refuses an unknown level, no uses and a non-http link', () => {
		for (const broken of [{ level: 'global' }, { uses: [] }, { url: 'javascript:alert(1)' }]) {
			const file = { schemaVersion: 1, source: 's', sources: [{ ...source, ...broken }] };
			expect(parseDataSourcesFile(file).ok, JSON.stringify(broken)).toBe(false);
		}
	});
});

describe('parseAgendaFile and agendaFromTemplate', () => {
	const item = {
		phase: 'onskvard',
		minutes: 15,
		title: localized,
		prompt: localized,
		rules: { privateWriting: false }
	};
	const plain = { phase: 'samverkan', title: localized, prompt: localized };
	const file = { schemaVersion: 1, id: 'kort', name: localized, source: 's', items: [item, plain] };

	it('turns a template into an agenda and rule overrides', () => {
		const result = parseAgendaFile(file);
		if (!result.ok) throw new Error(result.error);
		expect(agendaFromTemplate(result.value)).toEqual({
			agenda: [{ phase: 'onskvard', minutes: 15 }, { phase: 'samverkan' }],
			rules: { onskvard: { privateWriting: false } }
		});
	});

	it('refuses an agenda with a phase twice', () => {
		const result = parseAgendaFile({ ...file, items: [item, item] });
		expect(result).toEqual({ ok: false, error: 'items: agenda: duplicate-phase' });
	});
});

describe('unknownDataSourceIds', () => {
	it('lists suggested source ids missing from the directory', () => {
		const themes = [{ ...theme, suggestedSectors: [], starterWishes: [], suggestedDataSourceIds: ['scb', 'okand'] }];
		const parsed = parseDataSourcesFile({ schemaVersion: 1, source: 's', sources: [source] });
		if (!parsed.ok) throw new Error(parsed.error);
		expect(unknownDataSourceIds(themes, parsed.value.sources)).toEqual(['okand']);
	});
});
