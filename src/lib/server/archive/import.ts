import { liveStateOf } from '$lib/domain/archive/restore-method';
import type { ArchiveDocument } from '$lib/domain/archive/schema';
import type { App } from '../app';
import { log } from '../log';
import { hashSecret, newSecret } from '../secrets';
import type { CreatedWorkshop } from '../workshops';
import { audit, type Actor, type Outcome } from './lifecycle';
import { insertRestoredWorkshop } from './new-workshop';
import { draftDocuments, joinFormControl, storeDocuments } from './restore';

/**
 * Makes a new, open workshop from an archive document (already validated
 * against the schema). Everything is first written into scratch documents
 * through the live workshop's own commands; only when that succeeds is anything
 * stored, and if storing fails halfway the new workshop is removed again, so a
 * refused import leaves nothing behind. Participants come back as the
 * pseudonymous ids and sectors they were exported as, without names and with a
 * session nobody holds, so cards keep their authors and counts stay right.
 */
export async function importWorkshop(
	app: App,
	document: ArchiveDocument,
	actor: Actor,
	now = new Date()
): Promise<Outcome<CreatedWorkshop>> {
	const live = liveStateOf(document.method);
	if (!live.ok) return { ok: false, status: 409, message: `the agenda is invalid: ${live.error}` };
	let drafts;
	try {
		drafts = draftDocuments({
			control: {
				live: live.value,
				preparation: document.preparation,
				vote: document.vote,
				groups: document.groups,
				moderation: document.moderation,
				...joinFormControl(document),
				// What the room saw of its reflections and evaluation; who answered was never exported.
				surveys: document.responses.surveys,
				responses: document.responses.summaries,
				followUp: document.responses.followUp
			},
			canvases: document.canvases,
			maps: document.maps.map(({ mapId, loops: _loops, loopsTruncated: _truncated, ...map }) => ({ mapId, map })),
			indicators: document.indicators,
			readings: document.readings
		});
	} catch (error) {
		return { ok: false, status: 409, message: `the workshop content was refused: ${(error as Error).message}` };
	}
	const created = await insertRestoredWorkshop(app.storage, {
		title: document.workshop.title.trim(),
		createdAt: document.workshop.createdAt,
		phase: document.method.phase
	});
	const workshopId = created.workshop.id;
	try {
		for (const participant of document.participants) {
			await app.storage.participants.insert({
				id: participant.id,
				workshopId,
				tokenHash: hashSecret(newSecret()),
				displayName: '',
				sector: participant.sector,
				organisation: null,
				createdAt: participant.joinedAt
			});
		}
		const { of, baseline, dates, steps } = document.followUp;
		const question = document.preparation?.question;
		await app.storage.archive.put({
			workshopId,
			closedAt: null,
			themeId: document.preparation?.themeId ?? (question?.kind === 'theme' ? question.themeId : null),
			followUpDates: dates,
			followUpOf: of ? { ...of, baseline } : null,
			namesErasedAt: null,
			municipality: null
		});
		for (const step of steps) await app.storage.archive.putFollowUpStep({ workshopId, ...step });
		await storeDocuments(app, workshopId, drafts);
		await audit(app, { action: 'import', workshopId, actor }, now);
	} catch (error) {
		await app.storage.workshops.delete(workshopId);
		app.docs.drop(workshopId);
		throw error;
	}
	log.info('workshop.imported', { workshopId, from: document.source.workshopId });
	return { ok: true, value: created };
}
