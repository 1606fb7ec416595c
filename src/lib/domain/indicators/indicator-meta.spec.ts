import { describe, expect, it } from 'vitest';
import { parseTypeCell } from './indicator-meta';

describe("the catalogue's Typ cell", () => {
	it.each([
		['Prestation (Taktisk nivå)', { typ: 'prestation', niva: 'taktisk' }],
		['Utfall (Strategisk nivå)', { typ: 'utfall', niva: 'strategisk' }],
		['Process (Taktisk)', { typ: 'process', niva: 'taktisk' }],
		['Utfall (strategisk)', { typ: 'utfall', niva: 'strategisk' }],
		['Utfall (Operativ)', { typ: 'utfall', niva: 'operativ' }],
		['Utfall', { typ: 'utfall' }],
		['', {}]
	])('reads %j', (text, expected) => {
		expect(parseTypeCell(text)).toEqual(expected);
	});
});
