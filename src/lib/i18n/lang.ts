export const LANGS = ['sv', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const LANG_COOKIE = 'dd_lang';

/** Swedish by default; English when chosen (cookie) or, failing that, preferred by the browser. */
export function resolveLang(cookie: string | undefined, acceptLanguage: string | null): Lang {
	if (cookie === 'sv' || cookie === 'en') return cookie;
	const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
	return first.startsWith('en') ? 'en' : 'sv';
}
