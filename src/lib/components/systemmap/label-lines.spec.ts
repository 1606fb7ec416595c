import { describe, expect, it } from 'vitest';
import { labelLines } from './label-lines';

describe('labelLines', () => {
	it('keeps a short label on one line', () => {
		expect(labelLines('Sömn')).toEqual(['Sömn']);
	});

	it('wraps at word boundaries into two lines', () => {
		expect(labelLines('Tillgång till fritidsaktiviteter')).toEqual(['Tillgång till', 'fritidsaktiviteter']);
	});

	it('cuts a longer label with an ellipsis on the last line', () => {
		const lines = labelLines('Trygga och goda uppväxtvillkor för alla barn i kommunen');
		expect(lines).toHaveLength(2);
		expect(lines[1]?.endsWith('…')).toBe(true);
		expect(lines.every((line) => line.length <= 19)).toBe(true);
	});

	it('cuts a single over-long word', () => {
		expect(labelLines('Barnkonventionsimplementeringen')).toEqual(['Barnkonventionsimp…']);
	});
});
