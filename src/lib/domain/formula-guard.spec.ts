import { describe, expect, it } from 'vitest';
import { guardFormula, unguardFormula } from './formula-guard';

describe('guardFormula', () => {
	it.each(['=1+1', '+46 70', '-1 i betyg', '@SUM(A1)', '\tflik', '\rretur'])(
		'puts an apostrophe before %j and takes it off again',
		(text) => {
			expect(guardFormula(text)).toBe(`'${text}`);
			expect(unguardFormula(guardFormula(text))).toBe(text);
		}
	);

	it('leaves other text alone, an apostrophe of its own too', () => {
		expect(guardFormula('Skolnärvaro')).toBe('Skolnärvaro');
		expect(guardFormula("'citat")).toBe("'citat");
		expect(unguardFormula("'citat")).toBe("'citat");
	});
});
