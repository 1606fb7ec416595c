export const LANGS = ['sv', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const LANG_COOKIE = 'dd_lang';

/** Swedish by default, whatever the browser prefers; English only when chosen (remembered in a cookie). */
export function resolveLang(cookie: string | undefined): Lang {
	return cookie === 'en' ? 'en' : 'sv';
}
