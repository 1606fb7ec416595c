import { DuplicateKeyError, type Storage } from '../persistence/storage';
import type { WorkshopRow } from '../persistence/workshops';
import { hashSecret, newId, newJoinCode, newSecret } from '../secrets';
import type { CreatedWorkshop } from '../workshops';

/**
 * Inserts a workshop restored from an archive: a fresh id, join code and
 * facilitator secret, but the title, creation time and phase it had, retrying
 * on the rare join-code collision like `createWorkshop` does.
 */
export async function insertRestoredWorkshop(
	storage: Storage,
	options: Pick<WorkshopRow, 'title' | 'createdAt' | 'phase'>
): Promise<CreatedWorkshop> {
	const facilitatorSecret = newSecret();
	for (let attempt = 0; attempt < 8; attempt++) {
		const workshop: WorkshopRow = {
			id: newId(),
			code: newJoinCode(),
			secretHash: hashSecret(facilitatorSecret),
			status: 'open',
			...options
		};
		try {
			await storage.workshops.insert(workshop);
			return { workshop, facilitatorSecret };
		} catch (error) {
			if (!(error instanceof DuplicateKeyError)) throw error;
		}
	}
	throw new Error('could not find a free join code');
}
