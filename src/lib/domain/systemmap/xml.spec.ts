import { describe, expect, it } from 'vitest';
import { escapeXml } from './xml';

describe('escapeXml', () => {
	it('escapes the five XML special characters', () => {
		expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;');
	});

	it('drops control characters and unpaired surrogates but keeps tabs, newlines, å ä ö and emoji', () => {
		expect(escapeXml('a\u0000b\u001Fc\uFFFEd\uD800e')).toBe('abcde');
		expect(escapeXml('rad 1\n\trad 2 åäö 🙂')).toBe('rad 1\n\trad 2 åäö 🙂');
	});
});
