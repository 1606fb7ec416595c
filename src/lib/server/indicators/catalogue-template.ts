import stockholmJson from '../../../../workshop-templates/indicator-catalogue-stockholm.json';
import frameworkJson from '../../../../workshop-templates/indicator-catalogue-uppfoljningsmodell.json';
import { indicatorCatalogueSchema, type IndicatorCatalogue } from '$lib/domain/indicators';

/**
 * The catalogue templates from seed 003 the facilitator can add rows from: Stockholm's
 * follow-up table (goals, sub-goals, indicators) and the follow-up model's framework
 * of resource, implementation and outcome indicators with its qualitative questions.
 * A template's own "Ex:" rows only show how to fill the table, so they are not offered.
 */
const TEMPLATES = [stockholmJson, frameworkJson].map((json) => indicatorCatalogueSchema.parse(json));

export function catalogueTemplates(): IndicatorCatalogue[] {
	return TEMPLATES.map((template) => ({ ...template, entries: template.entries.filter((entry) => !entry.exempel) }));
}
