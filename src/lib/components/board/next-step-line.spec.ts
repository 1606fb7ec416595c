import { describe, expect, it } from 'vitest';
import { nextStepLine } from './next-step-line';

const format = {
	prompt: (prompt: string) => ({ 'boka-mote': 'Boka ett möte – med vilka?', 'prata-med-nagon': 'Prata med någon' })[prompt] ?? prompt,
	date: () => '15 feb.'
};

describe('nextStepLine', () => {
	it('puts a space on both sides of each separator, the date included', () => {
		expect(nextStepLine({ prompt: 'prata-med-nagon', owner: 'socialtjänsten', due: '2026-02-15' }, format)).toBe(
			'Prata med någon · socialtjänsten · 15 feb.'
		);
	});

	it('shows no prompt label for a step without a prompt', () => {
		expect(nextStepLine({ owner: 'socialtjänsten', due: '2026-02-15' }, format)).toBe('socialtjänsten · 15 feb.');
		expect(nextStepLine({ owner: 'skolan' }, format)).toBe('skolan');
	});
});
