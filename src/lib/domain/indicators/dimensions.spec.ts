import { describe, expect, it } from 'vitest';
import {
	areaFromCategory,
	areaLevelFromCode,
	foldKey,
	isRegionDimension,
	isSexDimension,
	isTimeDimension,
	normaliseSex
} from './dimensions';

describe('dimension classification', () => {
	it('folds Swedish names into stable keys', () => {
		expect(foldKey('Ålder')).toBe('alder');
		expect(foldKey('Hur ofta')).toBe('hur-ofta');
		expect(foldKey('Kön')).toBe('kon');
		expect(foldKey('Medelinkomst (kr)')).toBe('medelinkomst-kr');
	});

	it('recognises time, region and sex dimensions by id or label', () => {
		expect(isTimeDimension('Tid')).toBe(true);
		expect(isTimeDimension('År')).toBe(true);
		expect(isTimeDimension('x', 'valår')).toBe(true);
		expect(isRegionDimension('Region')).toBe(true);
		expect(isRegionDimension('Lan', 'län')).toBe(true);
		expect(isRegionDimension('Alder', 'ålder')).toBe(false);
		expect(isSexDimension('Kon', 'kön')).toBe(true);
		expect(isSexDimension('Civilstand', 'civilstånd')).toBe(false);
	});
});

describe('sex codes', () => {
	it.each([
		['T', 'T'],
		['TotSa', 'T'],
		['1+2', 'T'],
		['00', 'T'],
		['K', 'K'],
		['2', 'K'],
		['02', 'K'],
		['M', 'M'],
		['1', 'M'],
		['01', 'M']
	])('normalises %s to %s', (code, expected) => {
		expect(normaliseSex(code)).toBe(expected);
	});

	it('falls back to the label for codes it does not know', () => {
		expect(normaliseSex('x', 'Flickor')).toBe('K');
		expect(normaliseSex('y', 'Pojkar')).toBe('M');
		expect(normaliseSex('z', 'totalt, samtliga män och kvinnor')).toBe('T');
		expect(normaliseSex('q')).toBeUndefined();
	});
});

describe('areas', () => {
	it.each([
		['0000', 'riket'],
		['00', 'riket'],
		['01', 'lan'],
		['0013', 'lan'],
		['0180', 'kommun'],
		['0114A0010', 'DeSO'],
		['0114A0010_DeSO2025', 'DeSO'],
		['0114R001_RegSO2025', 'RegSO']
	])('reads the level of %s as %s', (code, level) => {
		expect(areaLevelFromCode(code)).toBe(level);
	});

	it('leaves unknown codes without a level', () => {
		expect(areaLevelFromCode('Södermalm')).toBeUndefined();
	});

	it('drops a repeated code from PxWeb labels and names a bare national code Riket', () => {
		expect(areaFromCategory('21', '21 Gävleborgs län')).toEqual({ code: '21', name: 'Gävleborgs län', level: 'lan' });
		expect(areaFromCategory('00')).toEqual({ code: '00', name: 'Riket', level: 'riket' });
		expect(areaFromCategory('ABC')).toEqual({ code: 'ABC', name: 'ABC' });
	});
});
