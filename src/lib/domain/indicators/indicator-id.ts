/** The archive's id schema: 1–64 characters, no whitespace. */
export const INDICATOR_ID_MAX = 64;

/**
 * An indicator id that fits the archive schema, whatever it was derived from (a
 * long indicator name, a table code with a prefix). Ids that fit are kept as they
 * are; longer ones are cut and end in a hash of the whole, so two long names that
 * share a beginning stay apart.
 */
export function fitIndicatorId(raw: string): string {
	const id = raw.replace(/\s+/g, '-') || 'indikator';
	if (id.length <= INDICATOR_ID_MAX) return id;
	const hash = `-${fnv1a(id)}`;
	return id.slice(0, INDICATOR_ID_MAX - hash.length).replace(/[-:]+$/, '') + hash;
}

/** 32-bit FNV-1a in base 36: short, stable, and enough to tell ids apart. */
function fnv1a(text: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return (hash >>> 0).toString(36);
}
