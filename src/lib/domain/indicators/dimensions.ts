import type { Area, AreaLevel, SexCode } from './observation';

/**
 * Providers name the same dimension differently ('Region', 'region', 'Län',
 * 'Kommun'; 'Kon', 'Kön', 'kön'; 'Tid', 'År', 'valår'). These helpers classify a
 * dimension from its id and label so every importer maps region → area,
 * time → period and sex → `kon` the same way.
 */

/** Lower case without Swedish diacritics, runs of other characters as '-'; used for keys and matching. */
export function foldKey(text: string): string {
	return text
		.toLowerCase()
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9+]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

const TIME_NAMES = new Set(['tid', 'ar', 'year', 'time', 'period', 'manad', 'kvartal', 'valar', 'lasar', 'month', 'quarter']);
const REGION_NAMES = new Set([
	'region',
	'lan',
	'kommun',
	'omrade',
	'geo',
	'area',
	'municipality',
	'stadsdel',
	'stadsdelsomrade',
	'deso',
	'regso',
	'county'
]);
const SEX_NAMES = new Set(['kon', 'sex', 'gender']);
const METRIC_NAMES = new Set(['contentscode', 'tabellinnehall', 'eliminatedcontents']);

function matchesAny(names: ReadonlySet<string>, id: string, label = ''): boolean {
	return [id, label].some((text) => {
		const key = foldKey(text);
		return names.has(key) || names.has(key.split('-')[0] ?? '');
	});
}

/** Tid, År, månad, kvartal, valår, läsår, year, period. */
export function isTimeDimension(id: string, label?: string): boolean {
	return matchesAny(TIME_NAMES, id, label);
}

/** Region, Län, Kommun, Område, Stadsdel, DeSO, RegSO, geo, area. */
export function isRegionDimension(id: string, label?: string): boolean {
	return matchesAny(REGION_NAMES, id, label);
}

/** Kön (Kon), sex, gender. */
export function isSexDimension(id: string, label?: string): boolean {
	return matchesAny(SEX_NAMES, id, label);
}

/** PxWeb's contents dimension: ContentsCode, tabellinnehåll, or Folkhälsodata's EliminatedContents. */
export function isMetricDimension(id: string, label?: string): boolean {
	return matchesAny(METRIC_NAMES, id, label);
}

const SEX_BY_CODE: Record<string, SexCode> = {
	t: 'T',
	tot: 'T',
	totsa: 'T',
	'1+2': 'T',
	'00': 'T',
	totalt: 'T',
	samtliga: 'T',
	k: 'K',
	'2': 'K',
	'02': 'K',
	f: 'K',
	kvinnor: 'K',
	flickor: 'K',
	m: 'M',
	'1': 'M',
	'01': 'M',
	man: 'M',
	pojkar: 'M'
};

/**
 * Normalises a sex code to T/K/M. Sources disagree: Kolada uses T/K/M,
 * SCB 1/2 (and 'TotSa'), Folkhälsodata '00'/'01'/'02' in surveys and
 * '1+2'/'1'/'2' in registers. The label is tried when the code is unknown.
 * Only call this for a dimension already known to be sex ('1' means män there,
 * and something else elsewhere).
 */
export function normaliseSex(code: string, label?: string): SexCode | undefined {
	const byCode = SEX_BY_CODE[foldKey(code)] ?? SEX_BY_CODE[code.trim().toLowerCase()];
	if (byCode) return byCode;
	const text = (label ?? '').toLowerCase();
	if (/totalt|samtliga|båda|bada|\boch\b|\ball\b|total/.test(text)) return 'T';
	if (/kvinn|flick|female|wom[ae]n|girl/.test(text)) return 'K';
	if (/män\b|\bman\b|pojk|\bmale|\bm[ae]n\b|boy/.test(text)) return 'M';
	return undefined;
}

/** True for the national total in either Kolada ('0000') or SCB/Folkhälsodata ('00') coding. */
export function isNationalArea(code: string): boolean {
	return code === '0000' || code === '00';
}

/**
 * Reads the geographic level from a Swedish area code: '00'/'0000' riket,
 * 2-digit län, Kolada's '00LL' regions, 4-digit kommun, DeSO ('0114A0010',
 * '…_DeSO2025') and RegSO ('0114R001', '…_RegSO2025'). Unknown codes give
 * `undefined` rather than a guess.
 */
export function areaLevelFromCode(code: string): AreaLevel | undefined {
	const text = code.trim();
	if (isNationalArea(text)) return 'riket';
	if (/_DeSO\d{4}$/i.test(text) || /^\d{4}[A-C]\d{4}$/.test(text)) return 'DeSO';
	if (/_RegSO\d{4}$/i.test(text) || /^\d{4}R\d{3}$/.test(text)) return 'RegSO';
	if (/^\d{2}$/.test(text) || /^00\d{2}$/.test(text)) return 'lan';
	if (/^\d{4}$/.test(text)) return 'kommun';
	return undefined;
}

/**
 * Builds an area from a category code and label. PxWeb labels often repeat the
 * code ('00 Riket', '21 Gävleborgs län'); that prefix is dropped from the name.
 */
export function areaFromCategory(code: string, label?: string): Area {
	const trimmedLabel = (label ?? '').trim();
	const withoutCode = trimmedLabel.startsWith(`${code} `) ? trimmedLabel.slice(code.length + 1).trim() : trimmedLabel;
	const name = withoutCode || (isNationalArea(code) ? 'Riket' : code);
	const level = areaLevelFromCode(code);
	return level ? { code, name, level } : { code, name };
}
