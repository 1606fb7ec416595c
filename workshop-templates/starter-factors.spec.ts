import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkStarterLibrary, THEME_IDS, type StarterLibrary } from '../src/lib/domain/systemmap/starter-factors';

const library = JSON.parse(readFileSync(new URL('./starter-factors.json', import.meta.url), 'utf8')) as StarterLibrary;

describe('starter-factors.json', () => {
	it('passes the domain check: known themes, unique ids, non-empty labels, sources', () => {
		expect(checkStarterLibrary(library)).toEqual([]);
	});

	it('has all fifteen themes in the order of the canvas', () => {
		expect(library.themes.map((theme) => theme.id)).toEqual([...THEME_IDS]);
	});

	it('offers both risk and protective factors for every theme', () => {
		for (const theme of library.themes) {
			const types = new Set(theme.factors.map((factor) => factor.type));
			expect([theme.id, [...types].sort()]).toEqual([theme.id, ['risk', 'skydd']]);
		}
	});

	it('has factor ids that start with their theme id', () => {
		for (const theme of library.themes) {
			for (const factor of theme.factors) expect(factor.id.startsWith(`${theme.id}.`)).toBe(true);
		}
	});

	it('gives a prevention level only to an insats', () => {
		const levelled = library.themes.flatMap((theme) => theme.factors).filter((factor) => factor.level !== undefined);
		expect(levelled.length).toBeGreaterThan(0);
		expect(levelled.every((factor) => factor.kind === 'insats')).toBe(true);
	});
});
