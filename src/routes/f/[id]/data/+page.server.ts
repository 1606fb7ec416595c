import { stockholmCatalogueTemplate } from '$lib/server/indicators/catalogue-template';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ template: stockholmCatalogueTemplate() });
