import type { SetupTemplate } from '$lib/api/setup-templates';
import type { App } from '../app';

/** The templates with their workshops' titles; a template whose workshop is gone is not listed. */
export async function listSetupTemplates(app: App): Promise<SetupTemplate[]> {
	const [rows, workshops] = await Promise.all([app.storage.setupTemplates.list(), app.storage.workshops.list()]);
	const titles = new Map(workshops.map((workshop) => [workshop.id, workshop.title]));
	return rows.flatMap((row) => {
		const title = titles.get(row.workshopId);
		return title === undefined ? [] : [{ ...row, title }];
	});
}

/** Keeps a workshop's setup as a template (or renames it); null for an unknown workshop. */
export async function keepAsTemplate(
	app: App,
	options: { workshopId: string; name: string; municipality: string | null; now: Date }
): Promise<SetupTemplate | null> {
	const workshop = await app.storage.workshops.findById(options.workshopId);
	if (!workshop) return null;
	await app.storage.setupTemplates.put({
		workshopId: workshop.id,
		name: options.name,
		municipality: options.municipality,
		createdAt: options.now.toISOString()
	});
	return (await listSetupTemplates(app)).find((template) => template.workshopId === workshop.id) ?? null;
}
