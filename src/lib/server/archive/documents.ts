import { readStoredArchive } from '$lib/domain/archive/stored-document';
import type { ArchiveDocument } from '$lib/domain/archive/schema';
import type { App } from '../app';
import type { WorkshopRow } from '../persistence/workshops';
import { readWorkshopDocument } from './read-workshop';

/**
 * The archive document to report on or export: the version asked for; without
 * one, the latest frozen version of a closed workshop, or the live state of an
 * open one. Null when the version does not exist. `exportedAt` is the time of
 * this request, whichever copy it is.
 */
export async function loadArchiveDocument(
	app: App,
	workshop: WorkshopRow,
	options: { version?: number; now: Date }
): Promise<ArchiveDocument | null> {
	if (options.version === undefined && workshop.status === 'open') {
		return readWorkshopDocument(app, workshop, { version: null, now: options.now });
	}
	const stored = await app.storage.archive.findVersion(workshop.id, options.version);
	if (!stored) return null;
	// Written by `buildArchiveDocument` when the workshop was closed, never edited since.
	const document = readStoredArchive(stored.document);
	return { ...document, exportedAt: options.now.toISOString() };
}

/** `?version=N` as a positive whole number; undefined when absent, null when malformed. */
export function versionParam(url: URL): number | undefined | null {
	const value = url.searchParams.get('version');
	if (value === null) return undefined;
	return /^[1-9]\d{0,8}$/.test(value) ? Number(value) : null;
}
