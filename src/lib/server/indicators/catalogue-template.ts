import stockholmJson from '../../../../workshop-templates/indicator-catalogue-stockholm.json';
import { indicatorCatalogueSchema, type IndicatorCatalogue } from '$lib/domain/indicators';

/**
 * Stockholm's follow-up table from seed 003, as a catalogue template the
 * facilitator can add rows from. The template's own "Ex:" rows only show how to
 * fill the table, so they are not offered.
 */
const STOCKHOLM = indicatorCatalogueSchema.parse(stockholmJson);

export function stockholmCatalogueTemplate(): IndicatorCatalogue {
	return { ...STOCKHOLM, entries: STOCKHOLM.entries.filter((entry) => !entry.exempel) };
}
