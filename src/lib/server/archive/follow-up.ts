import { readStoredArchive } from '$lib/domain/archive/stored-document';
import { stepsToCarry, testsToCarry } from '$lib/domain/archive/carry-over';
import { FACILITATOR_AUTHOR } from '$lib/domain/method/method-actor';
import { ARCHIVE_TITLE_MAX } from '$lib/domain/archive/schema';
import { PLENARY_CANVAS_NAME } from '$lib/domain/archive/snapshot';
import { baselineOf } from '$lib/domain/archive/then-and-now';
import type { App } from '../app';
import { log } from '../log';
import { createWorkshop, type CreatedWorkshop } from '../workshops';
import { audit, emptyArchive, type Actor, type Outcome } from './lifecycle';
import { draftDocuments, joinFormControl, storeDocuments } from './restore';
import { serialised } from './serialise';

/**
 * "Starta uppföljning": a new workshop (own id, join code and facilitator
 * secret, returned once) that starts from the latest frozen version of a closed
 * one. It carries over the question, the open next steps (each marked 'open'
 * until the facilitator says done, not done or changed), the system maps and
 * the indicators with their data, its evaluation asks what the first dialogue led
 * to, and it remembers what each indicator series
 * read then, so new data imported later shows as then against now. Readings are
 * not carried: they were that room's, and the new room reads anew.
 */
export function startFollowUp(app: App, options: { workshopId: string; actor: Actor; now: Date }): Promise<Outcome<CreatedWorkshop>> {
	const { workshopId, now } = options;
	return serialised(workshopId, async () => {
		const workshop = await app.storage.workshops.findById(workshopId);
		if (!workshop) return { ok: false, status: 404, message: 'no such workshop' };
		const stored = workshop.status === 'closed' ? await app.storage.archive.findVersion(workshopId) : null;
		if (!stored) return { ok: false, status: 409, message: 'close the workshop before starting its follow-up' };
		const document = readStoredArchive(stored.document);
		const steps = stepsToCarry(document);
		const drafts = draftDocuments({
			// The follow-up's evaluation asks whether the first dialogue led to new collaboration initiatives.
			control: { followUp: true, ...(document.preparation ? { preparation: document.preparation } : {}), ...joinFormControl(document) },
			canvases: [{ name: PLENARY_CANVAS_NAME, cards: [...steps, ...testsToCarry(document)] }],
			maps: document.maps.map(({ mapId, title, themeId, factors, links, stories }) => ({
				mapId,
				map: {
					title,
					themeId,
					factors: factors.map((factor) => ({ ...factor, authorId: FACILITATOR_AUTHOR })),
					links: links.map((link) => ({ ...link, authorId: FACILITATOR_AUTHOR })),
					stories: stories.map((story) => ({ ...story, authorId: FACILITATOR_AUTHOR }))
				}
			})),
			indicators: document.indicators.map((indicator) => ({ ...indicator, linkedCardIds: [] })),
			readings: []
		});
		const created = await createWorkshop(app.storage, followUpTitle(workshop.title));
		const id = created.workshop.id;
		try {
			const origin = (await app.storage.archive.find(workshopId)) ?? emptyArchive(workshopId);
			await app.storage.archive.put({
				...emptyArchive(id),
				themeId: origin.themeId,
				municipality: origin.municipality,
				followUpOf: { workshopId, title: workshop.title, version: stored.version, baseline: baselineOf(document.indicators) }
			});
			for (const step of steps) {
				await app.storage.archive.putFollowUpStep({
					workshopId: id,
					cardId: step.id,
					status: 'open',
					note: '',
					updatedAt: now.toISOString()
				});
			}
			await storeDocuments(app, id, drafts);
			await audit(app, { action: 'follow-up', workshopId, actor: options.actor }, now);
		} catch (error) {
			await app.storage.workshops.delete(id);
			app.docs.drop(id);
			throw error;
		}
		log.info('workshop.follow_up_started', { workshopId, followUpId: id, steps: steps.length });
		return { ok: true, value: created };
	});
}

function followUpTitle(title: string): string {
	const full = `Uppföljning: ${title}`;
	return full.length <= ARCHIVE_TITLE_MAX ? full : `${full.slice(0, ARCHIVE_TITLE_MAX - 1)}…`;
}
