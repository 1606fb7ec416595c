import { catalogueTemplates } from '$lib/server/indicators/catalogue-template';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ templates: catalogueTemplates() });
