import { describe, expect, it } from 'vitest';
import { translator } from '$lib/i18n/messages';
import { codeInPath, errorKind } from './error-kind';

describe('errorKind', () => {
	it('tells an unknown join code from an unknown facilitator link and a wrong key', () => {
		expect(errorKind(404, '/j/XKQ7ZP')).toBe('unknownCode');
		expect(errorKind(404, '/w/XKQ7ZP/map')).toBe('unknownCode');
		expect(errorKind(404, '/f/abc123')).toBe('unknownWorkshop');
		expect(errorKind(403, '/f/abc123')).toBe('wrongKey');
		expect(errorKind(429, '/j/XKQ7ZP')).toBe('rateLimited');
		expect(errorKind(404, '/nope')).toBe('notFound');
		expect(errorKind(500, '/')).toBe('other');
	});

	it('reads the code from the path', () => {
		expect(codeInPath('/j/xkq7zp')).toBe('XKQ7ZP');
		expect(codeInPath('/f/abc')).toBeNull();
	});

	it('has a Swedish and an English page for every kind', () => {
		for (const kind of ['unknownCode', 'unknownWorkshop', 'wrongKey', 'rateLimited', 'notFound', 'other']) {
			for (const lang of ['sv', 'en'] as const) {
				const t = translator(lang);
				for (const part of ['title', 'body', 'action'])
					expect(t(`error.${kind}.${part}`), `${lang} ${kind}.${part}`).not.toContain('error.');
			}
		}
		expect(translator('sv')('error.wrongKey.body')).toContain('skicka länken igen');
	});
});
