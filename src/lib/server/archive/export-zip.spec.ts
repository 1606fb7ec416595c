import { describe, expect, it } from 'vitest';
import { exportZipFilename } from './export-zip';

describe('exportZipFilename', () => {
	it('gives the comma-separated variant its own name, so both downloads are kept', () => {
		expect(exportZipFilename('skolnarvaro', null, ';')).toBe('skolnarvaro.zip');
		expect(exportZipFilename('skolnarvaro', null, ',')).toBe('skolnarvaro-komma.zip');
		expect(exportZipFilename('skolnarvaro', 2, ';')).toBe('skolnarvaro-v2.zip');
		expect(exportZipFilename('skolnarvaro', 2, ',')).toBe('skolnarvaro-v2-komma.zip');
	});
});
