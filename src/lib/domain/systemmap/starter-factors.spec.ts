import { describe, expect, it } from 'vitest';
import { checkStarterLibrary, starterToFactor, THEME_IDS, type StarterFactor } from './starter-factors';

const factor: StarterFactor = {
	id: 'fritid.ledarledda',
	label: { sv: 'Ledarledda aktiviteter', en: 'Leader-led activities' },
	kind: 'insats',
	type: 'skydd',
	level: 'universell',
	source: { seed: '002', line: 1026, quote: 'öka andelen ledarledda aktiviteter' }
};

const library = (overrides: Record<string, unknown> = {}) => ({
	schemaVersion: 1,
	themes: THEME_IDS.map((id) => ({
		id,
		label: { sv: id, en: id },
		factors: [{ ...factor, id: `${id}.a`, ...overrides }]
	}))
});

describe('checkStarterLibrary', () => {
	it('accepts a library with every theme and valid factors', () => {
		expect(checkStarterLibrary(library())).toEqual([]);
	});

	it('names a missing theme and an unknown one', () => {
		const base = library();
		const input = { ...base, themes: base.themes.map((theme, i) => (i === 0 ? { ...theme, id: 'rymden' } : theme)) };
		expect(checkStarterLibrary(input)).toEqual(["themes[0].id: unknown theme 'rymden'", "theme 'psykisk-halsa' is missing"]);
	});

	it('finds duplicate factor ids across themes, empty labels and bad types', () => {
		const problems = checkStarterLibrary(library({ id: 'same', label: { sv: ' ', en: 'x' }, type: 'hot' }));
		expect(problems).toContain("themes[1].factors[0].id: duplicate factor id 'same'");
		expect(problems).toContain('themes[0].factors[0].label.sv: must not be empty');
		expect(problems).toContain("themes[0].factors[0].type: must be 'risk' or 'skydd'");
	});

	it('requires a source in the seeds for every factor', () => {
		expect(checkStarterLibrary(library({ source: { seed: '2', line: 1 } }))[0]).toBe(
			"themes[0].factors[0].source: must name a seed ('002'), a line and a quote"
		);
	});

	it('rejects something that is not a library', () => {
		expect(checkStarterLibrary([])).toEqual(['library must be an object with a themes array']);
	});
});

describe('starterToFactor', () => {
	it('makes a map factor with the label in the workshop language, keeping its tag and prevention level', () => {
		expect(starterToFactor(factor, { id: 'f1', language: 'sv' })).toEqual({
			id: 'f1',
			label: 'Ledarledda aktiviteter',
			kind: 'insats',
			tag: 'skydd',
			level: 'universell'
		});
	});
});
