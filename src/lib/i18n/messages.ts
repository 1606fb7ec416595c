import i18next, { type TFunction } from 'i18next';
import { en, sv } from './catalogue-files';
import type { Lang } from './lang';

/**
 * One i18next instance, initialised synchronously with both catalogues bundled,
 * so server rendering and the browser produce the same strings without a fetch.
 */
const instance = i18next.createInstance();
void instance.init({
	resources: { sv: { translation: sv }, en: { translation: en } },
	lng: 'sv',
	fallbackLng: 'sv',
	initAsync: false,
	interpolation: { escapeValue: false },
	returnNull: false,
	showSupportNotice: false
});

export function translator(lang: Lang): TFunction {
	return instance.getFixedT(lang);
}
