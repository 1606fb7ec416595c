import { describe, expect, it } from 'vitest';
import { nextLinkId, slugId } from './ids';

describe('slugId', () => {
	it('turns a Swedish label into a readable ascii id', () => {
		expect(slugId('Skolnärvaro & Fritid – åk 7-9', new Set())).toBe('skolnarvaro-fritid-ak-7-9');
	});

	it('adds a number when the id is taken, and falls back for labels without letters', () => {
		expect(slugId('Tillit', new Set(['tillit', 'tillit-2']))).toBe('tillit-3');
		expect(slugId('???', new Set())).toBe('faktor');
	});

	it('keeps ids short', () => {
		expect(slugId('ord '.repeat(30), new Set()).length).toBeLessThanOrEqual(48);
	});
});

describe('nextLinkId', () => {
	it('picks the first free link number', () => {
		expect(nextLinkId(new Set(['link-1', 'link-3']))).toBe('link-2');
	});
});
