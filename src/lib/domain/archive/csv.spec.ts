import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
	const table = {
		header: ['namn', 'värde'],
		rows: [
			['Åsa; "citat"', 12.5],
			['=SUMMA(A1)', null],
			['rad\nbrytning', true]
		]
	};

	it('writes Swedish Excel CSV by default: BOM, semicolons, decimal comma, CRLF', () => {
		expect(toCsv(table)).toBe('\uFEFFnamn;värde\r\n"Åsa; ""citat""";12,5\r\n\'=SUMMA(A1);\r\n"rad\nbrytning";ja\r\n');
	});

	it('writes commas and a decimal point on request, quoting fields that hold a comma', () => {
		expect(
			toCsv(
				{
					header: ['a', 'b'],
					rows: [
						['x, y', 0.5],
						['-1', -2]
					]
				},
				','
			)
		).toBe('\uFEFFa,b\r\n"x, y",0.5\r\n\'-1,-2\r\n');
	});
});
