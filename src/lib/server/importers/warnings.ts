/**
 * Warning sentences shared by the importers, so the facilitator reads the same
 * wording whichever format a gap came from.
 */

/** Names up to five unreadable cells, e.g. 'line 5 "uppgift?"', and says they were kept as missing; undefined when none. */
export function unreadableValuesWarning(samples: readonly string[]): string | undefined {
	if (samples.length === 0) return undefined;
	const shown = samples.slice(0, 5).join(', ');
	return `Values that are not numbers were kept as missing: ${shown}${samples.length > 5 ? ' …' : ''}.`;
}
