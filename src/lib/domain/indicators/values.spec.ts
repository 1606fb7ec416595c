import { describe, expect, it } from 'vitest';
import { parseNumericCell, statusFromFlag } from './values';

describe('numeric cells', () => {
	it.each([
		['87,4', 87.4],
		['0,6', 0.6],
		['105 000', 105000],
		['411\u00a0900', 411900],
		['87,4%', 87.4],
		['411 900kr', 411900],
		['9995153', 9995153],
		['74.1', 74.1],
		['1.234.567', 1234567],
		['1 234,5', 1234.5],
		['1,234.5', 1234.5],
		['−3,2', -3.2]
	])('reads %s as %d', (text, value) => {
		expect(parseNumericCell(text)).toEqual({ value, status: 'ok', unreadable: false });
	});

	it.each(['..', '.', '-', '–', '', '   ', ':', 'saknas'])('keeps %j as missing, never 0', (text) => {
		expect(parseNumericCell(text)).toEqual({ value: null, status: 'missing', unreadable: false });
	});

	it('marks values withheld for confidentiality as suppressed', () => {
		expect(parseNumericCell('x')).toEqual({ value: null, status: 'suppressed', unreadable: false });
	});

	it('keeps text that is not a number as missing and flags it, so the importer can warn', () => {
		expect(parseNumericCell('uppgift?')).toEqual({ value: null, status: 'missing', unreadable: true });
		expect(parseNumericCell('12,')).toEqual({ value: null, status: 'missing', unreadable: true });
	});

	it('respects an explicit decimal mark: with a comma, dots group thousands', () => {
		expect(parseNumericCell('1.234', ',').value).toBe(1234);
		expect(parseNumericCell('1,5', ',').value).toBe(1.5);
		expect(parseNumericCell('1,234', '.').value).toBe(1234);
	});

	it('passes finite numbers through and treats NaN as missing', () => {
		expect(parseNumericCell(87.4).value).toBe(87.4);
		expect(parseNumericCell(Number.NaN).status).toBe('missing');
		expect(parseNumericCell(null).status).toBe('missing');
	});
});

describe('status flags', () => {
	it('maps provider flags to observation statuses and ignores notes that carry none', () => {
		expect(statusFromFlag('..')).toBe('missing');
		expect(statusFromFlag('Missing')).toBe('missing');
		expect(statusFromFlag('p')).toBe('preliminary');
		expect(statusFromFlag('Preliminär')).toBe('preliminary');
		expect(statusFromFlag('x')).toBe('suppressed');
		expect(statusFromFlag('')).toBeUndefined();
		expect(statusFromFlag(null)).toBeUndefined();
		expect(statusFromFlag('e')).toBeUndefined();
	});
});
