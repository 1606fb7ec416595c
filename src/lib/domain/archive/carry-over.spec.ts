import { describe, expect, it } from 'vitest';
import { sampleDocument } from '../../../../tests/fixtures/archive/sample-workshop';
import { stepsToCarry, testsToCarry } from './carry-over';

describe('stepsToCarry', () => {
	it('carries every visible next step in the facilitator’s name, keeping owner, date and sector', () => {
		expect(stepsToCarry(sampleDocument())).toEqual([
			{
				id: 'n1',
				kind: 'nasta-steg',
				text: 'Möte med rektorerna',
				authorId: 'facilitator',
				sector: 'skola',
				createdAt: '2026-11-04T09:07:00.000Z',
				nextStep: { prompt: 'boka-mote', owner: 'Socialtjänsten', due: '2027-01-15' }
			},
			{
				id: 'n2',
				kind: 'nasta-steg',
				text: 'Visualisera frånvaron',
				authorId: 'facilitator',
				sector: 'skola',
				createdAt: '2026-11-04T09:08:00.000Z',
				nextStep: { prompt: 'visualisera-data', owner: 'Analysenheten' }
			}
		]);
	});

	it('leaves out steps marked done at an earlier follow-up, and keeps those not done or changed', () => {
		const document = sampleDocument();
		const steps = [
			{ cardId: 'n1', status: 'done' as const, note: '', updatedAt: 'x' },
			{ cardId: 'n2', status: 'changed' as const, note: 'Senare', updatedAt: 'x' }
		];
		expect(stepsToCarry({ ...document, followUp: { ...document.followUp, steps } }).map((card) => card.id)).toEqual(['n2']);
	});
});

describe('testsToCarry', () => {
	it('carries what the sectors wanted to test next, in the facilitator’s name with the sector kept', () => {
		expect(testsToCarry(sampleDocument())).toEqual([
			{
				id: 't1',
				kind: 'testa',
				text: 'Jämför frånvaron terminen före och efter lovaktiviteterna',
				authorId: 'facilitator',
				sector: 'skola',
				createdAt: '2026-11-04T09:09:00.000Z'
			}
		]);
	});
});
