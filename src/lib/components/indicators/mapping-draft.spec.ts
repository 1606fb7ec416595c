import { describe, expect, it } from 'vitest';
import { readCsvTable } from '$lib/server/importers/csv';
import { mapColumns, suggestColumnMapping } from '$lib/server/importers/table-mapping';
import { readFixture } from '../../../../tests/fixtures/indicators/test-helpers';
import { draftFromSuggestion, mappingFromDraft, mappingGaps } from './mapping-draft';

const table = readCsvTable(readFixture('seed003-stadsdelsfakta.csv'));

describe('mapping step draft', () => {
	it('starts from the suggestion for the seed 003 district table and asks only for the period', () => {
		const suggestion = suggestColumnMapping(table);
		expect(suggestion.ok).toBe(false);
		const draft = draftFromSuggestion(suggestion.ok ? suggestion.mapping : suggestion.partial);
		expect(draft).toMatchObject({ area: 'Stadsdelsområde', value: 'Värde', indicatorMode: 'column', indicatorColumn: 'Indikator', unit: 'Enhet' });
		expect(mappingGaps(draft)).toEqual(['period']);
		expect(mappingFromDraft(draft)).toBeNull();
	});

	it('gives a mapping the importer reads once a fixed period is typed', () => {
		const suggestion = suggestColumnMapping(table);
		const draft = { ...draftFromSuggestion(suggestion.ok ? suggestion.mapping : suggestion.partial), periodMode: 'fixed' as const, periodFixed: ' ej angivet ' };
		const mapping = mappingFromDraft(draft)!;
		expect(mapping).toEqual({
			area: 'Stadsdelsområde',
			period: { fixed: 'ej angivet' },
			value: 'Värde',
			decimal: 'auto',
			indicator: { column: 'Indikator' },
			unit: 'Enhet'
		});
		const result = mapColumns(table, mapping, { idPrefix: 'upload' });
		expect(result.indicators).toHaveLength(7);
		expect(result.indicators.find((i) => i.name === 'Behörighet till gymnasieskolan')?.observations.map((o) => o.value)).toEqual([87.4, 93.5]);
	});

	it('keeps other breakdown columns unless they are given a role, and maps kön to the kon key', () => {
		const draft = {
			...draftFromSuggestion({ area: 'Område', period: 'År', value: 'Andel', breakdown: { kon: 'Kön', arskurs: 'Årskurs', skola: 'Skola' } }),
			areaCode: 'Skola'
		};
		expect(mappingFromDraft(draft)?.breakdown).toEqual({ kon: 'Kön', arskurs: 'Årskurs' });
		expect(mappingGaps({ ...draft, indicatorMode: 'name', indicatorName: '  ' })).toEqual(['indicator']);
	});
});
