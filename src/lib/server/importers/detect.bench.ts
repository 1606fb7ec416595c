import { bench, describe } from 'vitest';
import { importIndicators } from './detect';
import { isImportError } from './import-error';

/**
 * An oversized upload must be refused from its length alone, before any parsing:
 * a 50 MB buffer should take well under 100 ms (the unit test checks only that
 * it is refused, with the right message).
 */
const huge = Buffer.alloc(50 * 1024 * 1024);

describe('import size limit', () => {
	bench('refuse a 50 MB buffer as too_large', async () => {
		try {
			await importIndicators(huge);
		} catch (error) {
			if (isImportError(error) && error.code === 'too_large') return;
			throw error;
		}
		throw new Error('expected too_large');
	});
});
