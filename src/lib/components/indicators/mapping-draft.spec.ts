import { describe, expect, it } from 'vitest';
import type { SuggestedMapping } from '$lib/api/indicators';
import { draftFromSuggestion, mappingFromDraft, mappingGaps } from './mapping-draft';

/**
 * What the server suggests for the seed 003 district table (asserted on the
 * importer's side in server/importers/table-mapping.spec.ts, which also reads
 * the file with the mapping this draft gives).
 */
const suggestion: Extract<SuggestedMapping, { ok: false }> = {
	ok: false,
	missing: ['period'],
	partial: { area: 'Stadsdelsområde', value: 'Värde', indicator: { column: 'Indikator' }, unit: 'Enhet' }
};

describe('mapping step draft', () => {
	it('starts from the suggestion for the seed 003 district table and asks only for the period', () => {
		const draft = draftFromSuggestion(suggestion.partial);
		expect(draft).toMatchObject({
			area: 'Stadsdelsområde',
			value: 'Värde',
			indicatorMode: 'column',
			indicatorColumn: 'Indikator',
			unit: 'Enhet'
		});
		expect(mappingGaps(draft)).toEqual(['period']);
		expect(mappingFromDraft(draft)).toBeNull();
	});

	it('gives a complete mapping once a fixed period is typed', () => {
		const draft = { ...draftFromSuggestion(suggestion.partial), periodMode: 'fixed' as const, periodFixed: ' ej angivet ' };
		const mapping = mappingFromDraft(draft)!;
		expect(mapping).toEqual({
			area: 'Stadsdelsområde',
			period: { fixed: 'ej angivet' },
			value: 'Värde',
			decimal: 'auto',
			indicator: { column: 'Indikator' },
			unit: 'Enhet'
		});
	});

	it('keeps other breakdown columns unless they are given a role, and maps kön to the kon key', () => {
		const draft = {
			...draftFromSuggestion({
				area: 'Område',
				period: 'År',
				value: 'Andel',
				breakdown: { kon: 'Kön', arskurs: 'Årskurs', skola: 'Skola' }
			}),
			areaCode: 'Skola'
		};
		expect(mappingFromDraft(draft)?.breakdown).toEqual({ kon: 'Kön', arskurs: 'Årskurs' });
		expect(mappingGaps({ ...draft, indicatorMode: 'name', indicatorName: '  ' })).toEqual(['indicator']);
	});
});
