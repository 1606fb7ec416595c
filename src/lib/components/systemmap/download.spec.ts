import { describe, expect, it } from 'vitest';
import { exportBaseName } from './download';

describe('exportBaseName', () => {
	it('makes a file name from the map title without diacritics or spaces', () => {
		expect(exportBaseName('Skolnärvaro i Lidingö')).toBe('systemkarta-skolnarvaro-i-lidingo');
	});

	it('falls back to a plain name for an untitled map or one with no usable letters', () => {
		expect(exportBaseName(null)).toBe('systemkarta');
		expect(exportBaseName('!!!')).toBe('systemkarta');
	});
});
