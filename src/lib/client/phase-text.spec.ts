import { describe, expect, it } from 'vitest';
import { PHASES } from '$lib/domain/method/phases';
import { phaseText } from './phase-text';

describe('phaseText', () => {
	it('has a title, a prompt and a note for every phase in both languages', () => {
		for (const phase of PHASES) {
			for (const lang of ['sv', 'en'] as const) {
				const text = phaseText(phase, lang);
				expect(text.title, `${phase} ${lang}`).not.toBe(phase);
				expect(text.prompt, `${phase} ${lang}`).not.toBe('');
				expect(text.note, `${phase} ${lang}`).not.toBe('');
			}
		}
	});

	it("takes the system map phase from the municipality visit, in the seed's words", () => {
		expect(phaseText('systemkarta', 'sv').note).toMatch(/Workshop med stöd i systemkarta/);
		expect(phaseText('testa', 'sv').note).toMatch(/Testa i dialog – och iterera!/);
	});
});
