import { describe, expect, it } from 'vitest';
import { normaliseForMatch, suggestDataSources, tokenise } from './data-source-match';
import type { DataSourceTemplate } from './templates';

function source(id: string, name: string, keywords: string[]): DataSourceTemplate {
	return {
		id,
		name,
		owner: name,
		level: 'nationell',
		uses: ['utforska'],
		description: { sv: name, en: name },
		keywords
	};
}

const sources = [
	source('skolverket', 'Skolverket', ['frånvaro', 'betyg', 'behörighet']),
	source('stockholmsenkaten', 'Stockholmsenkäten', ['unga', 'droger', 'psykisk hälsa', 'skola']),
	source('bra', 'Brottsförebyggande rådet (Brå)', ['brott', 'trygghet', 'utsatthet']),
	source('kolada', 'Kolada', ['nyckeltal', 'jämföra kommuner'])
];

describe('normalising text', () => {
	it('lower-cases Swedish text and folds å, ä and ö', () => {
		expect(normaliseForMatch('ÅTGÄRDER för Öppna jämförelser!')).toBe('atgarder for oppna jamforelser');
	});

	it('drops stopwords and strips common Swedish endings', () => {
		expect(tokenise('Hur mår ungdomarna i skolorna?')).toEqual(['mar', 'ungdom', 'skol']);
	});
});

describe('suggestDataSources', () => {
	it('finds a source from a compound word in the text', () => {
		const [best] = suggestDataSources('Skolfrånvaro per årskurs', sources);
		expect(best?.source.id).toBe('skolverket');
		expect(best?.matched).toEqual(['frånvaro']);
	});

	it('matches without å, ä and ö, as people type on foreign keyboards', () => {
		expect(suggestDataSources('franvaro', sources)[0]?.source.id).toBe('skolverket');
	});

	it('matches multi-word keywords as phrases', () => {
		const [best] = suggestDataSources('Hur är den psykiska hälsan? Psykisk hälsa bland unga', sources);
		expect(best?.source.id).toBe('stockholmsenkaten');
		expect(best?.matched).toEqual(['unga', 'psykisk hälsa']);
	});

	it('ranks the source with more matching keywords first', () => {
		const ids = suggestDataSources('Brott och trygghet bland unga', sources).map((match) => match.source.id);
		expect(ids).toEqual(['bra', 'stockholmsenkaten']);
	});

	it('matches the name of a source', () => {
		expect(suggestDataSources('kolla i Kolada', sources)[0]?.source.id).toBe('kolada');
	});

	it('suggests from the word still being typed, but not from a finished one', () => {
		expect(suggestDataSources('nyc', sources)[0]?.source.id).toBe('kolada');
		expect(suggestDataSources('nyc ', sources)).toEqual([]);
	});

	it('returns at most the requested number, ties in directory order', () => {
		const matches = suggestDataSources('skola brott nyckeltal', sources, { limit: 2 });
		expect(matches.map((match) => match.source.id)).toEqual(['stockholmsenkaten', 'bra']);
	});

	it('suggests nothing for empty text or text of stopwords only', () => {
		expect(suggestDataSources('', sources)).toEqual([]);
		expect(suggestDataSources('hur kan vi', sources)).toEqual([]);
	});
});
