import { describe, expect, it } from 'vitest';
import { sampleDocument } from '../../../../tests/fixtures/archive/sample-workshop';
import { buildReportModel } from './report-model';

describe('buildReportModel', () => {
	const model = buildReportModel(sampleDocument());

	it('resolves goal, theme and question in the language asked for', () => {
		expect(model).toMatchObject({
			goal: 'Att enas om en gemensam lägesbild',
			theme: 'Skolnärvaro',
			question: 'Hur kan vi förebygga skolfrånvaro och avhopp?'
		});
		expect(buildReportModel(sampleDocument(), 'en').theme).toBe('School attendance');
	});

	it('counts participants per sector in the join form’s order', () => {
		expect(model.participants).toEqual({
			total: 3,
			bySector: [
				{ sector: 'skola', count: 2 },
				{ sector: 'polis', count: 1 }
			]
		});
	});

	it('ranks wishes by the closed vote and leaves hidden cards out everywhere', () => {
		expect(model.wishes.map((w) => [w.text, w.votes, w.rank, w.tied])).toEqual([
			['=Trygghet i skolan', 5, 1, false],
			['Frånvaro per skola', 2, 2, true],
			['Var unga vistas; "efter skolan"', 2, 2, true]
		]);
		expect(JSON.stringify(model)).not.toContain('Olämpligt');
	});

	it('keeps group work that was never merged into the plenary', () => {
		expect(model.collaborators).toEqual(['Fältassistenterna', 'Biblioteket']);
	});

	it('lists available data with what it answers, and the gaps in priority order with their owners', () => {
		expect(model.available).toEqual([
			{
				id: 'a1',
				text: 'Frånvarostatistik',
				source: 'Skolverket',
				level: 'nationell',
				uses: ['utforska', 'folja-upp'],
				frequency: null,
				comparability: null,
				url: null,
				answers: ['Frånvaro per skola']
			}
		]);
		expect(model.gaps).toEqual([
			{ id: 'w3', text: '=Trygghet i skolan', proposedDataOwner: null },
			{ id: 'w2', text: 'Var unga vistas; "efter skolan"', proposedDataOwner: 'Fältgruppen' }
		]);
	});

	it('names each map’s loops by factor labels and groups readings by sector', () => {
		expect(model.maps[0]!.loops).toEqual([
			{
				kind: 'R',
				factors: ['Skolfrånvaro', 'Skolresultat', 'Motivation'],
				name: 'Frånvarospiralen',
				story: 'Den som missar lektioner tappar taget.'
			}
		]);
		expect(model.indicators[0]!.readings.map((g) => [g.sector, g.readings.map((r) => r.text)])).toEqual([
			['skola', ['Samma ökning i åk 8.']],
			['polis', ['Fler unga ute dagtid.']]
		]);
	});

	it('lists next steps with owner and date, and their follow-up status once carried over', () => {
		expect(model.nextSteps.map((s) => [s.text, s.owner, s.due, s.status])).toEqual([
			['Möte med rektorerna', 'Socialtjänsten', '2027-01-15', null],
			['Visualisera frånvaron', 'Analysenheten', null, null]
		]);
		const document = sampleDocument();
		const steps = [{ cardId: 'n1', status: 'not-done' as const, note: '', updatedAt: 'x' }];
		expect(buildReportModel({ ...document, followUp: { ...document.followUp, steps } }).nextSteps[0]!.status).toBe('not-done');
	});
});
