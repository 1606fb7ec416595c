import type { Area, IndicatorMeta } from '$lib/domain/indicators';

/**
 * Area given to values from a table without a region dimension. It is not
 * 'Riket': many national-looking tables are, but a municipal PxWeb database's
 * table without a region column is not, and the facilitator should name it.
 */
export const UNSPECIFIED_AREA: Area = { code: 'ej-angivet', name: 'Område ej angivet i källan', level: 'annan' };

/** Kolada's terms ask for "Källa: Kolada"; RKA publishes the data under CC BY 4.0. */
export const KOLADA_ATTRIBUTION: Pick<IndicatorMeta, 'attribution' | 'licence' | 'dataOwner'> = {
	attribution: 'Källa: Kolada (RKA), CC BY 4.0',
	licence: 'CC BY 4.0',
	dataOwner: 'Rådet för främjande av kommunala analyser (RKA)'
};

/**
 * Attribution text for a provider's `source` string. SCB's open data is CC0 and
 * asks for "Källa: SCB"; for other publishers only the source is named, because
 * their licence is not stated in the response.
 */
export function attributionFor(source: string): Pick<IndicatorMeta, 'attribution' | 'licence' | 'dataOwner'> {
	const text = source.trim();
	if (/^(scb|statistiska centralbyrån|statistikmyndigheten scb|statistics sweden)$/i.test(text)) {
		return { attribution: 'Källa: SCB', licence: 'CC0 1.0', dataOwner: 'Statistiska centralbyrån (SCB)' };
	}
	if (/folkhälsomyndigheten|public health agency of sweden/i.test(text)) {
		return { attribution: 'Källa: Folkhälsomyndigheten', dataOwner: 'Folkhälsomyndigheten' };
	}
	return text ? { attribution: `Källa: ${text}`, dataOwner: text } : {};
}
