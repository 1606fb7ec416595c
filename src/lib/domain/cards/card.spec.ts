import { describe, expect, it } from 'vitest';
import { CARD_TEXT_MAX, checkCardText, isCardKind } from './card';

describe('card basics', () => {
	it('accepts text up to the limit after trimming', () => {
		expect(checkCardText(`  ${'x'.repeat(CARD_TEXT_MAX)}  `)).toBeNull();
	});

	it('reports empty and too long text', () => {
		expect(checkCardText(' \n ')).toBe('empty');
		expect(checkCardText('x'.repeat(CARD_TEXT_MAX + 1))).toBe('too-long');
	});

	it('recognises the four canvas columns only', () => {
		expect(isCardKind('tillganglig')).toBe(true);
		expect(isCardKind('prioritera')).toBe(false);
	});
});
