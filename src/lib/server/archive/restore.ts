import * as Y from 'yjs';
import type { ArchivedIndicator, ArchivedReading } from '$lib/domain/archive/schema-indicators';
import type { MapContent } from '$lib/domain/archive/snapshot';
import type { Card } from '$lib/domain/cards/card';
import type { ArchiveDocument } from '$lib/domain/archive/schema';
import { addCard } from '$lib/sync/cards';
import { writeControl, type ControlSnapshot } from '$lib/sync/control';
import { INDICATORS_DOC, addIndicator, addReading, putIndicatorData } from '$lib/sync/indicators';
import { addFactors, addLink, setLoopStory, setMapMeta } from '$lib/sync/map';
import type { App } from '../app';

/** What a new workshop starts with, when it is made from an archive (an import or a follow-up). */
export interface WorkshopContent {
	control: Partial<ControlSnapshot>;
	canvases: readonly { name: string; cards: readonly Card[] }[];
	maps: readonly { mapId: string; map: MapContent }[];
	indicators: readonly ArchivedIndicator[];
	readings: readonly ArchivedReading[];
}

/**
 * Writes the content into scratch documents through the same sync commands the
 * live workshop uses, so their checks apply. Throws on the first refusal, before
 * anything is stored; the result is one update per document name.
 */
/** The join form of an archived workshop (its sectors, whether it asks for the municipality), for a workshop started from it. */
export function joinFormControl(document: Pick<ArchiveDocument, 'joinForm'>): Partial<ControlSnapshot> {
	return document.joinForm ? { sectors: document.joinForm.sectors, askOrganisation: document.joinForm.askOrganisation } : {};
}

export function draftDocuments(content: WorkshopContent): Map<string, Uint8Array> {
	const drafts = new Map<string, Uint8Array>();
	const draft = (name: string, write: (doc: Y.Doc) => void) => {
		const doc = new Y.Doc();
		write(doc);
		drafts.set(name, Y.encodeStateAsUpdate(doc));
		doc.destroy();
	};
	if (Object.keys(content.control).length > 0) draft('control', (doc) => writeControl(doc, content.control, null));
	for (const canvas of content.canvases) {
		if (canvas.cards.length > 0) draft(canvas.name, (doc) => canvas.cards.forEach((card) => addCard(doc, card, null)));
	}
	for (const { mapId, map } of content.maps) draft(`map:${mapId}`, (doc) => writeMapContent(doc, map));
	if (content.indicators.length > 0 || content.readings.length > 0) {
		draft(INDICATORS_DOC, (doc) => {
			for (const { data, ...indicator } of content.indicators) {
				addIndicator(doc, indicator, null);
				if (data) putIndicatorData(doc, indicator.id, data, null);
			}
			content.readings.forEach((reading) => addReading(doc, reading, null));
		});
	}
	return drafts;
}

/** Applies drafted documents to a workshop's live documents as server writes (persisted, then broadcast). */
export async function storeDocuments(app: App, workshopId: string, drafts: Map<string, Uint8Array>): Promise<void> {
	for (const [name, update] of drafts) {
		const live = await app.docs.get(workshopId, name);
		await app.docs.transact(live, (doc) => Y.applyUpdate(doc, update));
	}
}

/** A map with every entry in its own author's name, so ownership survives the copy. */
function writeMapContent(doc: Y.Doc, map: MapContent): void {
	if (map.title || map.themeId) setMapMeta(doc, { title: map.title ?? '', themeId: map.themeId }, null);
	for (const { authorId, proposedBySector, ...factor } of map.factors) {
		addFactors(doc, { factors: [factor], author: { authorId, sector: proposedBySector ?? 'facilitator' } }, null);
	}
	for (const { authorId, sector, ...link } of map.links) {
		addLink(doc, { link, author: { authorId, sector: sector ?? 'facilitator' } }, null);
	}
	for (const story of map.stories) {
		setLoopStory(
			doc,
			{
				id: story.id,
				loop: { key: story.key, factors: story.factors, kind: story.kind },
				name: story.name,
				story: story.story ?? '',
				author: { authorId: story.authorId, sector: 'facilitator' }
			},
			null
		);
	}
}
