import { readStatementDetails } from '$lib/server/accessibility-statement';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ details: readStatementDetails() });
