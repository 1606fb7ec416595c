import { getContext, setContext } from 'svelte';
import { LANG_COOKIE, type Lang } from './lang';
import { translator } from './messages';

const KEY = Symbol('i18n');

/** The page's language; switching re-renders every string that reads `t`. */
export class I18n {
	lang = $state<Lang>('sv');
	t = $derived(translator(this.lang));

	constructor(lang: Lang) {
		this.lang = lang;
	}

	/** Locale-aware number (decimal comma in Swedish). */
	number(value: number, options?: Intl.NumberFormatOptions): string {
		return new Intl.NumberFormat(this.lang === 'sv' ? 'sv-SE' : 'en-GB', options).format(value);
	}

	date(value: Date | string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
		return new Intl.DateTimeFormat(this.lang === 'sv' ? 'sv-SE' : 'en-GB', options).format(new Date(value));
	}

	/** Remembered per browser in a cookie the server reads on the next request. */
	switchTo(lang: Lang): void {
		this.lang = lang;
		document.cookie = `${LANG_COOKIE}=${lang}; path=/; max-age=31536000; samesite=lax`;
		document.documentElement.lang = lang;
	}
}

export function provideI18n(lang: Lang): I18n {
	return setContext(KEY, new I18n(lang));
}

export function useI18n(): I18n {
	return getContext<I18n>(KEY);
}
