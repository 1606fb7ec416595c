import { describe, expect, it } from 'vitest';
import { cleanSingleLine, singleLineSchema } from './text-input';

describe('cleanSingleLine', () => {
	it('keeps ordinary text, trimmed and NFC-normalised', () => {
		expect(cleanSingleLine('  Åsa Öberg ')).toEqual({ ok: true, text: 'Åsa Öberg' });
		expect(cleanSingleLine('A\u030asa')).toEqual({ ok: true, text: 'Åsa' });
		expect(cleanSingleLine('مريم')).toEqual({ ok: true, text: 'مريم' });
	});

	it('keeps joiners inside emoji and words', () => {
		expect(cleanSingleLine('Familj 👩\u200d👩\u200d👧')).toEqual({ ok: true, text: 'Familj 👩\u200d👩\u200d👧' });
		expect(cleanSingleLine('می\u200cخواهم')).toEqual({ ok: true, text: 'می\u200cخواهم' });
	});

	it.each(['Rad ett\nRad två', 'Tab\tbort', 'Escape \u001b[31m', 'DEL\u007f', 'C1\u0085'])('refuses control characters in %j', (text) => {
		expect(cleanSingleLine(text)).toEqual({ ok: false, problem: 'control' });
	});

	it.each(['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'])(
		'refuses bidi control U+%s',
		(mark) => {
			expect(cleanSingleLine(`Admin${mark}nimdA`)).toEqual({ ok: false, problem: 'bidi' });
		}
	);

	it('removes zero-width spaces, word joiners and byte-order marks', () => {
		expect(cleanSingleLine('\ufeffLi\u200bsa\u2060')).toEqual({ ok: true, text: 'Lisa' });
	});

	it.each(['', '   ', '\u200b', '\u200b\u200c\u200d', '\ufeff \u2060', ' \u200d '])('refuses %j: nothing visible', (text) => {
		expect(cleanSingleLine(text)).toEqual({ ok: false, problem: 'empty' });
	});
});

describe('singleLineSchema', () => {
	it('gives the cleaned text, counts length after cleaning, and allows blank when optional', () => {
		const title = singleLineSchema({ max: 5 });
		expect(title.parse(' Hej\u200b ')).toBe('Hej');
		expect(title.safeParse('Sex tkn').success).toBe(false);
		expect(title.safeParse('').success).toBe(false);
		const name = singleLineSchema({ max: 40, optional: true });
		expect(name.parse('  ')).toBe('');
		expect(name.safeParse('\u200b\u200b').error?.issues[0]?.message).toBe('must contain visible characters');
	});
});
