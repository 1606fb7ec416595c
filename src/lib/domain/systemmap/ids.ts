const SLUG_MAX = 48;

/**
 * A readable id derived from a label ("Skolnärvaro" → "skolnarvaro"), made unique
 * against `taken` with a numeric suffix. Ids depend only on the labels and their
 * order, so importing the same file twice gives the same ids.
 */
export function slugId(label: string, taken: ReadonlySet<string>): string {
	const base =
		label
			.normalize('NFD')
			.replace(/\p{M}/gu, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, SLUG_MAX)
			.replace(/-+$/, '') || 'faktor';
	let id = base;
	for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
	return id;
}

/** The first `link-N` not in `taken`, for links that arrive without an id. */
export function nextLinkId(taken: ReadonlySet<string>): string {
	let n = 1;
	while (taken.has(`link-${n}`)) n++;
	return `link-${n}`;
}
