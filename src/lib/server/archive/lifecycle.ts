import { defaultFollowUpDates } from '$lib/domain/archive/follow-up-dates';
import type { FollowUpStatus } from '$lib/domain/archive/schema';
import type { App } from '../app';
import { log } from '../log';
import type { ArchiveRow } from '../persistence/archive';
import type { AuditEntry } from '../persistence/audit';
import { DuplicateKeyError } from '../persistence/storage';
import { workshopRoom } from '../realtime/socket-server';
import { readWorkshopDocument } from './read-workshop';
import { serialised } from './serialise';
import { forgetWorkshopStatus } from './status-cache';

export type Outcome<T> = { ok: true; value: T } | { ok: false; status: 404 | 409; message: string };

const refused = (status: 404 | 409, message: string): Outcome<never> => ({ ok: false, status, message });

export type Actor = AuditEntry['actor'];

export function audit(app: App, entry: Omit<AuditEntry, 'at'>, now = new Date()): Promise<void> {
	return app.storage.audit.append({ ...entry, at: now.toISOString() });
}

export function emptyArchive(workshopId: string): ArchiveRow {
	return { workshopId, closedAt: null, themeId: null, followUpDates: [], followUpOf: null, namesErasedAt: null, municipality: null };
}

export interface Closed {
	version: number;
	closedAt: string;
	followUpDates: string[];
}

/**
 * "Avsluta": stops every change first (so nothing lands after the snapshot),
 * then freezes the workshop as the next version and records the follow-up dates:
 * the ones given, else those set at an earlier close, else +3 and +12 months.
 * If freezing fails the workshop is open again, as it was.
 */
export function closeWorkshop(
	app: App,
	options: { workshopId: string; actor: Actor; followUpDates?: string[]; now: Date }
): Promise<Outcome<Closed>> {
	const { workshopId, now } = options;
	return serialised(workshopId, async () => {
		const workshop = await app.storage.workshops.findById(workshopId);
		if (!workshop) return refused(404, 'no such workshop');
		if (workshop.status === 'closed') return refused(409, 'the workshop is already closed');
		await app.storage.workshops.update(workshopId, { status: 'closed' });
		forgetWorkshopStatus(workshopId);
		try {
			const versions = await app.storage.archive.listVersions(workshopId);
			const version = (versions.at(-1)?.version ?? 0) + 1;
			const closedAt = now.toISOString();
			const document = await readWorkshopDocument(
				app,
				{ ...workshop, status: 'closed' },
				{ version: { number: version, frozenAt: closedAt }, now }
			);
			const previous = (await app.storage.archive.find(workshopId)) ?? emptyArchive(workshopId);
			const followUpDates =
				options.followUpDates ?? (previous.followUpDates.length > 0 ? previous.followUpDates : defaultFollowUpDates(now));
			document.followUp.dates = followUpDates;
			await app.storage.archive.insertVersion({ workshopId, version, createdAt: closedAt, document: JSON.stringify(document) });
			const question = document.preparation?.question;
			const themeId = document.preparation?.themeId ?? (question?.kind === 'theme' ? question.themeId : null);
			await app.storage.archive.put({ ...previous, closedAt, themeId, followUpDates, namesErasedAt: null });
			await audit(app, { action: 'close', workshopId, actor: options.actor }, now);
			log.info('workshop.closed', { workshopId, version });
			return { ok: true, value: { version, closedAt, followUpDates } };
		} catch (error) {
			// Another instance froze this version first: that close stands.
			if (error instanceof DuplicateKeyError) return refused(409, 'the workshop is already closed');
			await app.storage.workshops.update(workshopId, { status: 'open' });
			forgetWorkshopStatus(workshopId);
			throw error;
		}
	});
}

/** "Öppna igen": changes are allowed again; the frozen versions stay as they are. */
export function reopenWorkshop(app: App, options: { workshopId: string; actor: Actor; now: Date }): Promise<Outcome<null>> {
	const { workshopId } = options;
	return serialised(workshopId, async () => {
		const workshop = await app.storage.workshops.findById(workshopId);
		if (!workshop) return refused(404, 'no such workshop');
		if (workshop.status === 'open') return refused(409, 'the workshop is already open');
		await app.storage.workshops.update(workshopId, { status: 'open' });
		forgetWorkshopStatus(workshopId);
		await audit(app, { action: 'reopen', workshopId, actor: options.actor }, options.now);
		log.info('workshop.reopened', { workshopId });
		return { ok: true, value: null };
	});
}

/**
 * "Radera workshop": disconnects everyone first (so no write recreates what is
 * being erased), then removes the workshop and all its data. The audit log keeps
 * that it happened, by whom and when, and nothing of the content.
 */
export function deleteWorkshopData(app: App, options: { workshopId: string; actor: Actor; now: Date }): Promise<Outcome<null>> {
	const { workshopId } = options;
	return serialised(workshopId, async () => {
		if (!(await app.storage.workshops.findById(workshopId))) return refused(404, 'no such workshop');
		app.io?.in(workshopRoom(workshopId)).disconnectSockets(true);
		await app.storage.workshops.delete(workshopId);
		app.docs.drop(workshopId);
		forgetWorkshopStatus(workshopId);
		await audit(app, { action: 'delete', workshopId, actor: options.actor }, options.now);
		log.info('workshop.deleted', { workshopId });
		return { ok: true, value: null };
	});
}

/** The facilitator's verdict on a carried-over next step. Only steps carried over have one; a closed workshop takes no changes. */
export function setStepStatus(
	app: App,
	options: { workshopId: string; cardId: string; status: FollowUpStatus; note: string; now: Date }
): Promise<Outcome<null>> {
	const { workshopId, cardId } = options;
	return serialised(workshopId, async () => {
		const workshop = await app.storage.workshops.findById(workshopId);
		if (!workshop) return refused(404, 'no such workshop');
		if (workshop.status === 'closed') return refused(409, 'the workshop is closed; reopen it first');
		const steps = await app.storage.archive.listFollowUpSteps(workshopId);
		if (!steps.some((step) => step.cardId === cardId)) return refused(404, 'no carried-over next step with that id');
		await app.storage.archive.putFollowUpStep({
			workshopId,
			cardId,
			status: options.status,
			note: options.status === 'changed' ? options.note.trim() : '',
			updatedAt: options.now.toISOString()
		});
		return { ok: true, value: null };
	});
}
