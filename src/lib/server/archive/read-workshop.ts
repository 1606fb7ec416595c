import type { Card } from '$lib/domain/cards/card';
import type { ArchiveDocument } from '$lib/domain/archive/schema';
import { PLENARY_CANVAS_NAME, PLENARY_MAP_ID, buildArchiveDocument, type MapContent } from '$lib/domain/archive/snapshot';
import { parseDocName } from '$lib/domain/workshop/documents';
import { readCards } from '$lib/sync/cards';
import { readControl } from '$lib/sync/control';
import { INDICATORS_DOC, readIndicators } from '$lib/sync/indicators';
import { readMap } from '$lib/sync/map';
import type { App } from '../app';
import { log } from '../log';
import type { WorkshopRow } from '../persistence/workshops';

/** Always in an archive document, even before anything was written to them. */
const ALWAYS = [PLENARY_CANVAS_NAME, `map:${PLENARY_MAP_ID}`];

/**
 * Reads every shared document of a workshop and its archive records into an
 * archive document. Each document's pending writes are awaited first, so a
 * change acknowledged before closing is in the snapshot. Private drafts and the
 * ballot box are not read (see the schema); group canvases and extra maps that
 * hold nothing, and maps the facilitator removed, are skipped, so an import exported again lists the same ones.
 */
export async function readWorkshopDocument(
	app: App,
	workshop: WorkshopRow,
	options: { version: { number: number; frozenAt: string } | null; now: Date }
): Promise<ArchiveDocument> {
	const settled = async (name: string) => {
		const live = await app.docs.get(workshop.id, name);
		await app.docs.settled(live);
		return live.doc;
	};
	const { live, preparation, vote, groups, moderation, removedMaps, sectors, askOrganisation, surveys, responses, followUp } = readControl(
		await settled('control')
	);
	const indicators = readIndicators(await settled(INDICATORS_DOC));
	const names = [...new Set([...ALWAYS, ...(await app.storage.docs.listDocNames(workshop.id))])];
	const canvases: { name: string; cards: Card[] }[] = [];
	const maps: { mapId: string; map: MapContent }[] = [];
	for (const name of names) {
		const kind = parseDocName(name);
		if (kind?.kind === 'canvas') {
			const cards = readCards(await settled(name), (cardId) =>
				log.warn('archive.card_skipped', { workshopId: workshop.id, doc: name, cardId, reason: 'fails the card schema' })
			);
			if (cards.length > 0 || name === PLENARY_CANVAS_NAME) canvases.push({ name, cards });
		} else if (kind?.kind === 'map' && !removedMaps.includes(kind.sub)) {
			const map = readMap(await settled(name));
			const empty = !map.title && map.factors.length === 0 && map.stories.length === 0;
			if (!empty || kind.sub === PLENARY_MAP_ID) maps.push({ mapId: kind.sub, map });
		}
	}
	const [participants, archive, steps] = await Promise.all([
		app.storage.participants.list(workshop.id),
		app.storage.archive.find(workshop.id),
		app.storage.archive.listFollowUpSteps(workshop.id)
	]);
	const origin = archive?.followUpOf ?? null;
	return buildArchiveDocument({
		workshop: { id: workshop.id, title: workshop.title, createdAt: workshop.createdAt, status: workshop.status },
		version: options.version,
		exportedAt: options.now.toISOString(),
		control: {
			live,
			preparation,
			vote,
			groups,
			moderation,
			joinForm: { sectors, askOrganisation },
			responses: { surveys, summaries: responses, followUp }
		},
		participants,
		canvases,
		maps,
		indicators: indicators.indicators,
		readings: indicators.readings,
		followUp: {
			dates: archive?.followUpDates ?? [],
			of: origin ? { workshopId: origin.workshopId, title: origin.title, version: origin.version } : null,
			baseline: origin?.baseline ?? [],
			steps: steps.map(({ cardId, status, note, updatedAt }) => ({ cardId, status, note, updatedAt }))
		}
	});
}
