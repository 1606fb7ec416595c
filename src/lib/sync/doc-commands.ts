import * as Y from 'yjs';
import { z } from 'zod';
import { cardCommandSchema, type CardBoard, type CardCommand } from '$lib/domain/cards/commands';
import { indicatorsCommandSchema, type IndicatorsBoard, type IndicatorsCommand } from '$lib/domain/indicators/commands';
import { mapCommandSchema, type MapCommand } from '$lib/domain/systemmap/commands';
import type { DocKind } from '$lib/domain/workshop/documents';
import type { Sector } from '$lib/domain/workshop/sectors';
import { entryCounts } from './entry-counts';
import { addCard, deleteCard, editCardText, readCard } from './cards';
import { addIndicator, addReading, deleteReading, editReadingText, removeIndicator, setIndicatorField, setLinkedCards } from './indicators';
import * as map from './map';
import { getCards } from './schema';

/**
 * Commands on shared documents (cards, maps, indicators): the only way anyone's
 * change reaches a canvas, a map or the indicator readings. The browser sends them
 * in an envelope that names the browser tab (`client`) and numbers its commands
 * (`seq`); the server applies each number once and records the last one applied in
 * the document itself, in the same transaction as the change, so after a crash a
 * command that was stored is never applied twice and one that was not is applied.
 */
export const docCommandSchema = z.discriminatedUnion('type', [
	...cardCommandSchema.options,
	...mapCommandSchema.options,
	...indicatorsCommandSchema.options
]);
export type DocCommand = z.infer<typeof docCommandSchema>;

export const commandEnvelopeSchema = z
	.object({
		client: z.string().regex(/^[A-Za-z0-9_-]{8,40}$/),
		seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
		command: docCommandSchema
	})
	.strict();
export type CommandEnvelope = z.infer<typeof commandEnvelopeSchema>;

/** Who a change is recorded for; the server takes it from the session, never from the command. */
export interface CommandAuthor {
	authorId: string;
	sector: Sector | 'facilitator';
}

/** Which kinds of document a command may be sent to. */
export function commandTargets(command: DocCommand): readonly DocKind[] {
	if (isCardCommand(command)) return ['canvas', 'draft'];
	if (isIndicatorsCommand(command)) return ['indicators'];
	return ['map'];
}

export function isCardCommand(command: DocCommand): command is CardCommand {
	return command.type.startsWith('card.');
}

export function isIndicatorsCommand(command: DocCommand): command is IndicatorsCommand {
	return command.type.startsWith('reading.') || command.type.startsWith('indicator.');
}

const appliedOf = (doc: Y.Doc) => doc.getMap<number>('applied');

/** The last `seq` applied for this sender (`<author>/<client>`), 0 if none. */
export function lastApplied(doc: Y.Doc, sender: string): number {
	return appliedOf(doc).get(sender) ?? 0;
}

/**
 * Applies an accepted command in one transaction with `origin`, recording `seq` as
 * the sender's last applied command. `now` stamps new entries.
 */
export function applyDocCommand(
	doc: Y.Doc,
	input: { command: DocCommand; author: CommandAuthor; now: string; sender?: { key: string; seq: number } },
	origin: unknown
): void {
	const { command, author, now, sender } = input;
	doc.transact(() => {
		if (isCardCommand(command)) applyCardCommand(doc, command, author, now, origin);
		else if (isIndicatorsCommand(command)) applyIndicatorsCommand(doc, command, author, now, origin);
		else applyMapCommand(doc, command, author, origin);
		if (sender) appliedOf(doc).set(sender.key, sender.seq);
	}, origin);
}

function applyCardCommand(doc: Y.Doc, command: CardCommand, author: CommandAuthor, now: string, origin: unknown): void {
	switch (command.type) {
		case 'card.add': {
			if (getCards(doc).has(command.id)) return;
			const { type: _type, paperSector, ...fields } = command;
			addCard(doc, { ...fields, ...author, ...(paperSector ? { sector: paperSector } : {}), createdAt: now }, origin);
			return;
		}
		case 'card.edit':
			editCardText(doc, command.id, command.text, origin);
			return;
		case 'card.propose-owner': {
			const entry = getCards(doc).get(command.id);
			const owner = command.owner.trim();
			if (!(entry instanceof Y.Map)) return;
			if (owner) entry.set('proposedDataOwner', owner);
			else entry.delete('proposedDataOwner');
			return;
		}
		case 'card.remove':
			deleteCard(doc, command.id, origin);
			return;
	}
}

function applyMapCommand(doc: Y.Doc, command: MapCommand, author: CommandAuthor, origin: unknown): void {
	switch (command.type) {
		case 'factor.add':
			return map.addFactors(doc, { factors: command.factors, author }, origin);
		case 'factor.move':
			return map.moveFactors(doc, { positions: command.positions, pin: command.pin }, origin);
		case 'factor.pin':
			return map.setPinned(doc, command, origin);
		case 'factor.edit': {
			const { type: _type, ...input } = command;
			return map.updateFactor(doc, input, origin);
		}
		case 'factor.remove':
			return map.removeFactor(doc, command.id, origin);
		case 'link.add': {
			if (map.hasLink(doc, command.id)) return;
			const { type: _type, ...link } = command;
			return map.addLink(doc, { link, author }, origin);
		}
		case 'link.edit': {
			const { type: _type, ...input } = command;
			return map.updateLink(doc, input, origin);
		}
		case 'link.remove':
			return map.removeLink(doc, command.id, origin);
		case 'loop.name':
			return map.setLoopStory(doc, { id: command.id, loop: command.loop, name: command.name, story: command.story, author }, origin);
		case 'loop.remove':
			return map.removeLoopStory(doc, command.id, origin);
		case 'map.meta':
			return map.setMapMeta(doc, { title: command.title, themeId: command.themeId }, origin);
	}
}

function applyIndicatorsCommand(doc: Y.Doc, command: IndicatorsCommand, author: CommandAuthor, now: string, origin: unknown): void {
	switch (command.type) {
		case 'reading.add': {
			const { type: _type, ...reading } = command;
			return addReading(doc, { ...reading, ...author, createdAt: now }, origin);
		}
		case 'reading.edit':
			return editReadingText(doc, command.id, command.text, origin);
		case 'reading.remove':
			return deleteReading(doc, command.id, origin);
		case 'indicator.add': {
			const start = Date.parse(now);
			// Milliseconds apart, so the workshop keeps the order they were added in (a template's order).
			command.indicators.forEach((indicator, index) =>
				addIndicator(
					doc,
					{ id: indicator.id, templateId: indicator.templateId, meta: indicator.meta, createdAt: new Date(start + index).toISOString() },
					origin
				)
			);
			return;
		}
		case 'indicator.set':
			return setIndicatorField(doc, command.id, command.field, command.value, origin);
		case 'indicator.link':
			return setLinkedCards(doc, command.id, command.cardIds, origin);
		case 'indicator.remove':
			return removeIndicator(doc, command.id, origin);
	}
}

/** The card rules' view of a canvas or draft document. */
export function cardBoardOf(doc: Y.Doc): CardBoard {
	const cards = getCards(doc);
	return {
		find: (id) => {
			const entry = cards.get(id);
			return entry instanceof Y.Map ? readCard(entry) : null;
		},
		counts: (authorId) => entryCounts(cards, authorId)
	};
}

export const mapBoardOf = map.mapBoard;

export function indicatorsBoardOf(doc: Y.Doc): IndicatorsBoard {
	const catalogue = doc.getMap('catalogue');
	const readings = doc.getMap<unknown>('readings');
	const authorOf = (entry: unknown) => (entry instanceof Y.Map ? { authorId: String(entry.get('authorId') ?? '') } : null);
	return {
		hasIndicator: (id) => catalogue.has(id),
		reading: (id) => authorOf(readings.get(id)),
		readingCounts: (authorId) => entryCounts(readings, authorId)
	};
}
