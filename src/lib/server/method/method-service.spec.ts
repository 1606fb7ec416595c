import { describe, expect, it } from 'vitest';
import type { Card } from '$lib/domain/cards/card';
import { canvasName } from '$lib/domain/workshop/documents';
import { addCard } from '$lib/sync/cards';
import { readControl, writeControl } from '$lib/sync/control';
import { MemoryStorage } from '../persistence/memory';
import { DocRegistry } from '../realtime/doc-registry';
import { MethodService } from './method-service';

const WORKSHOP = 'w';
const facilitator = { role: 'facilitator', workshopId: WORKSHOP } as const;

function card(id: string, groupId: string, hidden = false): Card {
	return {
		id,
		kind: 'onskvard',
		text: 'Hur många unga sover för lite?',
		authorId: 'p1',
		sector: 'skola',
		createdAt: '2026-12-04T10:00:00.000Z',
		groupId,
		...(hidden ? { hidden } : {})
	};
}

/** A workshop of `groups` groups with one card on the canvases named in `cards`, none of them loaded. */
async function workshopWithGroups(groups: number, cards: Record<string, Card>) {
	const storage = new MemoryStorage();
	const docs = new DocRegistry({ store: storage.docs });
	const groupIds = Array.from({ length: groups }, (_, i) => `grupp-${i + 1}`);
	const control = await docs.get(WORKSHOP, 'control');
	await docs.transact(control, (doc) => writeControl(doc, { groups: groupIds.map((id) => ({ id, memberIds: [], question: null })) }, null));
	for (const [groupId, written] of Object.entries(cards)) {
		const canvas = await docs.get(WORKSHOP, canvasName(groupId));
		await docs.transact(canvas, (doc) => addCard(doc, written, null));
	}
	await docs.unloadIdle({ idleMs: 0, isInUse: (live) => live.name === 'control' });
	const method = new MethodService({ storage, docs, present: async () => [], onVoteChanged: () => {} });
	const spotlight = async () => readControl((await docs.get(WORKSHOP, 'control')).doc).spotlight;
	const loadedGroupCanvases = () => groupIds.filter((id) => docs.peek(WORKSHOP, canvasName(id)) !== undefined);
	return { docs, method, spotlight, loadedGroupCanvases };
}

describe('spotlighting a card', () => {
	it('finds it on a group canvas the server has loaded without loading the other groups’ canvases', async () => {
		const { docs, method, spotlight, loadedGroupCanvases } = await workshopWithGroups(30, { 'grupp-27': card('kort-27', 'grupp-27') });
		await docs.get(WORKSHOP, canvasName('grupp-27'));
		await method.run(facilitator, { type: 'spotlight.set', spotlight: { kind: 'card', id: 'kort-27' } });
		expect(await spotlight()).toEqual({ kind: 'card', id: 'kort-27', canvas: 'canvas:grupp-27' });
		expect(loadedGroupCanvases()).toEqual(['grupp-27']);
	});

	it('still finds it on a canvas nobody has open, by loading the group canvases', async () => {
		const { method, spotlight } = await workshopWithGroups(5, { 'grupp-4': card('kort-4', 'grupp-4') });
		await method.run(facilitator, { type: 'spotlight.set', spotlight: { kind: 'card', id: 'kort-4' } });
		expect(await spotlight()).toEqual({ kind: 'card', id: 'kort-4', canvas: 'canvas:grupp-4' });
	});

	it('refuses a hidden card and a card nobody wrote, and keeps the spotlight it had', async () => {
		const { method, spotlight } = await workshopWithGroups(3, {
			'grupp-1': card('kort-1', 'grupp-1'),
			'grupp-2': card('dold', 'grupp-2', true)
		});
		await method.run(facilitator, { type: 'spotlight.set', spotlight: { kind: 'card', id: 'kort-1' } });
		for (const id of ['dold', 'finns-inte']) {
			await expect(method.run(facilitator, { type: 'spotlight.set', spotlight: { kind: 'card', id } })).rejects.toThrow(
				/no card with that id/
			);
		}
		expect(await spotlight()).toEqual({ kind: 'card', id: 'kort-1', canvas: 'canvas:grupp-1' });
	});
});
