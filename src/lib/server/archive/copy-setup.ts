import type { ArchiveDocument } from '$lib/domain/archive/schema';
import { ARCHIVE_TITLE_MAX } from '$lib/domain/archive/schema';
import { PLENARY_CANVAS_NAME } from '$lib/domain/archive/snapshot';
import { createLiveState } from '$lib/domain/method/live-state';
import { FACILITATOR_AUTHOR } from '$lib/domain/method/method-actor';
import type { App } from '../app';
import { log } from '../log';
import { createWorkshop, type CreatedWorkshop } from '../workshops';
import { loadArchiveDocument } from './documents';
import { audit, type Actor, type Outcome } from './lifecycle';
import { draftDocuments, joinFormControl, storeDocuments } from './restore';

/**
 * "Kopiera upplägget": a new workshop (own id, join code and facilitator secret,
 * returned once) with the same goal, theme and question, the same agenda with its
 * timeboxes, rules and facilitator notes, and the facilitator's starter cards on
 * the plenary board — but no participants, none of their cards, no votes, maps,
 * indicators or readings. Works from an open workshop (as it is now) or a closed
 * one (its latest version).
 */
export async function copySetup(app: App, options: { workshopId: string; actor: Actor; now: Date }): Promise<Outcome<CreatedWorkshop>> {
	const { workshopId, now } = options;
	const workshop = await app.storage.workshops.findById(workshopId);
	if (!workshop) return { ok: false, status: 404, message: 'no such workshop' };
	const document = await loadArchiveDocument(app, workshop, { now });
	if (!document) return { ok: false, status: 409, message: 'this workshop has no stored version to copy' };
	const live = createLiveState({ agenda: document.method.agenda, rules: document.method.phases });
	if (!live.ok) return { ok: false, status: 409, message: `the workshop's agenda cannot be copied: ${live.error}` };
	const drafts = draftDocuments({
		control: { live: live.value, ...(document.preparation ? { preparation: document.preparation } : {}), ...joinFormControl(document) },
		canvases: [{ name: PLENARY_CANVAS_NAME, cards: starterCards(document) }],
		maps: [],
		indicators: [],
		readings: []
	});
	const created = await createWorkshop(app.storage, copyTitle(workshop.title));
	try {
		await storeDocuments(app, created.workshop.id, drafts);
		await audit(app, { action: 'copy', workshopId, actor: options.actor }, now);
	} catch (error) {
		await app.storage.workshops.delete(created.workshop.id);
		app.docs.drop(created.workshop.id);
		throw error;
	}
	log.info('workshop.setup_copied', { workshopId, copyId: created.workshop.id });
	return { ok: true, value: created };
}

/** The facilitator's own, visible cards on the plenary board: what was prepared, not what the room wrote. */
function starterCards(document: ArchiveDocument) {
	const plenary = document.canvases.find((canvas) => canvas.name === PLENARY_CANVAS_NAME);
	return (
		(plenary?.cards ?? [])
			// Available data and next steps point at the room's wishes and owners; they are not a setup.
			.filter((card) => card.authorId === FACILITATOR_AUTHOR && !card.hidden && (card.kind === 'samverkan' || card.kind === 'onskvard'))
			.map(({ id, kind, text, authorId, sector, createdAt }) => ({ id, kind, text, authorId, sector, createdAt }))
	);
}

function copyTitle(title: string): string {
	const full = `Kopia: ${title}`;
	return full.length <= ARCHIVE_TITLE_MAX ? full : `${full.slice(0, ARCHIVE_TITLE_MAX - 1)}…`;
}
