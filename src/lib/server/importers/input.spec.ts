import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../../tests/fixtures/indicators/test-helpers';
import { decodeText, exceedsByteLimit } from './input';

describe('Decoding uploaded text', () => {
	it('strips a UTF-8 byte order mark and reports it', () => {
		const { text, encoding } = decodeText(readFixture('seed003-stadsdelsfakta.csv'));
		expect(encoding).toBe('utf-8-bom');
		expect(text.startsWith('Stadsdelsområde;')).toBe(true);
	});

	it('falls back to Windows-1252 only when the bytes are not valid UTF-8', () => {
		expect(decodeText(readFixture('seed003-medelinkomst-latin1.csv'))).toMatchObject({ encoding: 'windows-1252' });
		expect(decodeText(readFixture('seed003-medelinkomst-latin1.csv')).text).toContain('Enskede-Årsta-Vantör,2023');
		expect(decodeText(readFixture('scb-v1-befolkningny-civilstand.json'))).toMatchObject({ encoding: 'utf-8' });
	});

	it('accepts strings with a BOM as well', () => {
		expect(decodeText('\ufeffÅr;Värde')).toEqual({ text: 'År;Värde', encoding: 'utf-8-bom' });
	});
});

describe('Byte limit', () => {
	it('measures bytes exactly, and multi-byte characters in strings as UTF-8', () => {
		expect(exceedsByteLimit(new Uint8Array(10), 10)).toBe(false);
		expect(exceedsByteLimit(new Uint8Array(11), 10)).toBe(true);
		expect(exceedsByteLimit('åäö', 6)).toBe(false);
		expect(exceedsByteLimit('åäö', 5)).toBe(true);
	});
});
