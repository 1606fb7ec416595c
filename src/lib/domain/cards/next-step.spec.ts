import { describe, expect, it } from 'vitest';
import { checkNextStep, isIsoDate, NEXT_STEP_PROMPTS } from './next-step';

describe('next steps', () => {
	it('offers the five prompts of the seed canvas', () => {
		expect(NEXT_STEP_PROMPTS).toEqual(['boka-mote', 'visualisera-data', 'ladda-hem-material', 'kalla-in-facilitator', 'prata-med-nagon']);
	});

	it('accepts a step with prompt, owner and due date', () => {
		expect(checkNextStep({ prompt: 'boka-mote', owner: 'Fritidschefen', due: '2026-04-15' })).toEqual([]);
	});

	it('accepts a step without a due date', () => {
		expect(checkNextStep({ prompt: 'prata-med-nagon', owner: 'Skolkurator' })).toEqual([]);
		expect(checkNextStep({ prompt: 'prata-med-nagon', owner: 'Skolkurator', due: '' })).toEqual([]);
	});

	it('requires an owner, because nobody follows up a step without one', () => {
		expect(checkNextStep({ prompt: 'boka-mote', owner: '  ' })).toEqual(['owner-empty']);
		expect(checkNextStep({ prompt: 'boka-mote', owner: 'x'.repeat(121) })).toEqual(['owner-too-long']);
	});

	it('accepts a step without a prompt (the writer chose none)', () => {
		expect(checkNextStep({ owner: 'Skolkurator', due: '2026-04-15' })).toEqual([]);
	});

	it('reports an unknown prompt and an impossible date together', () => {
		expect(checkNextStep({ prompt: 'fika' as 'boka-mote', owner: 'Anna', due: '2026-02-30' })).toEqual(['bad-prompt', 'bad-due-date']);
	});

	it('accepts only real calendar dates written as YYYY-MM-DD', () => {
		expect(isIsoDate('2028-02-29')).toBe(true);
		expect(isIsoDate('2026-02-29')).toBe(false);
		expect(isIsoDate('2026-4-1')).toBe(false);
		expect(isIsoDate('15/04/2026')).toBe(false);
	});
});
