import { describe, expect, it } from 'vitest';
import { sampleDocument } from '../../../../tests/fixtures/archive/sample-workshop';
import { archiveDocumentSchema, type ArchiveDocument } from './schema';

const issues = (document: unknown) => {
	const result = archiveDocumentSchema.safeParse(document);
	return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('archiveDocumentSchema', () => {
	it('accepts a built document and refuses other schemas and newer versions', () => {
		expect(issues(sampleDocument())).toEqual([]);
		expect(issues({ ...sampleDocument(), schema: 'x' })).not.toEqual([]);
		expect(issues({ ...sampleDocument(), schemaVersion: 2 })).not.toEqual([]);
	});

	it.each<[string, (d: ArchiveDocument) => unknown]>([
		['an empty card text', (d) => ({ ...d, canvases: [{ ...d.canvases[0]!, cards: [{ ...d.canvases[0]!.cards[0]!, text: '  ' }] }] })],
		['an unknown card kind', (d) => ({ ...d, canvases: [{ ...d.canvases[0]!, cards: [{ ...d.canvases[0]!.cards[0]!, kind: 'annat' }] }] })],
		[
			'a javascript: link',
			(d) => ({
				...d,
				canvases: [
					{
						...d.canvases[0]!,
						cards: [{ ...d.canvases[0]!.cards[5]!, available: { ...d.canvases[0]!.cards[5]!.available!, url: 'javascript:alert(1)' } }]
					}
				]
			})
		],
		[
			'an impossible due date',
			(d) => ({
				...d,
				canvases: [
					{ ...d.canvases[0]!, cards: [{ ...d.canvases[0]!.cards[6]!, nextStep: { prompt: 'boka-mote', owner: 'X', due: '2027-02-30' } }] }
				]
			})
		],
		['a link to an unknown factor', (d) => ({ ...d, maps: [{ ...d.maps[0]!, links: [{ ...d.maps[0]!.links[0]!, to: 'nowhere' }] }] })],
		['a factor id twice', (d) => ({ ...d, maps: [{ ...d.maps[0]!, factors: [d.maps[0]!.factors[0], d.maps[0]!.factors[0]] }] })],
		['the same canvas twice', (d) => ({ ...d, canvases: [d.canvases[0], d.canvases[0]] })],
		['an agenda with a phase twice', (d) => ({ ...d, method: { ...d.method, agenda: [{ phase: 'samverkan' }, { phase: 'samverkan' }] } })],
		['follow-up dates out of order', (d) => ({ ...d, followUp: { ...d.followUp, dates: ['2027-05-01', '2027-01-01'] } })],
		['observations of another indicator', (d) => ({ ...d, indicators: [{ ...d.indicators[0]!, id: 'other' }] })],
		[
			'a value where the status says missing',
			(d) => ({
				...d,
				indicators: [
					{
						...d.indicators[0]!,
						data: { ...d.indicators[0]!.data!, observations: [{ ...d.indicators[0]!.data!.observations[3]!, value: 3 }] }
					}
				]
			})
		],
		[
			'a participant with a display name instead of a sector',
			(d) => ({ ...d, participants: [{ id: 'p1', joinedAt: 'x', displayName: 'Åsa' }] })
		]
	])('refuses %s', (_what, change) => {
		expect(issues(change(sampleDocument()))).not.toEqual([]);
	});
});
