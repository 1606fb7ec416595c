import type { App } from '../app';
import { emptyArchive } from '../archive/lifecycle';
import { serialised } from '../archive/serialise';

/**
 * Records the municipality a workshop was held in (empty clears it), in its archive
 * record, in turn with closing and following up so neither overwrites the other.
 * False for an unknown workshop.
 */
export function setMunicipality(app: App, workshopId: string, municipality: string): Promise<boolean> {
	return serialised(workshopId, async () => {
		if (!(await app.storage.workshops.findById(workshopId))) return false;
		const archive = (await app.storage.archive.find(workshopId)) ?? emptyArchive(workshopId);
		const name = municipality.trim();
		await app.storage.archive.put({ ...archive, municipality: name === '' ? null : name });
		return true;
	});
}
