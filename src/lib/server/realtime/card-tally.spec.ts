import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { CardKind } from '$lib/domain/cards/card';
import { putCard, readCards } from '$lib/sync/cards';
import { writeControl } from '$lib/sync/control';
import { applyDocCommand } from '$lib/sync/doc-commands';
import type { CardCounts } from '$lib/sync/protocol';
import { CardTally } from './card-tally';

const alice = { authorId: 'alice', sector: 'skola' } as const;
const at = '2026-12-04T09:00:00Z';
const write = (doc: Y.Doc, id: string, kind: CardKind) =>
	applyDocCommand(doc, { command: { type: 'card.add', id, kind, text: `Kort ${id}` }, author: alice, now: at }, 'server');
// As the facilitator's card.hide writes it.
const hide = (doc: Y.Doc, id: string) => {
	const card = readCards(doc).find((c) => c.id === id);
	if (card) putCard(doc, { ...card, hidden: true }, 'server');
};
const noLoad = () => Promise.reject(new Error('nothing to load in this test'));

describe('the server counts cards for the facilitators', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('counts a draft by kind once it is opened or changes, at most once per interval', () => {
		const sent: { workshopId: string; counts: CardCounts }[] = [];
		const tally = new CardTally({ send: (workshopId, counts) => sent.push({ workshopId, counts }), load: noLoad, recountMs: 500 });
		const alicesDraft = new Y.Doc();
		write(alicesDraft, 'a1', 'samverkan');
		write(alicesDraft, 'a2', 'samverkan');
		write(alicesDraft, 'a3', 'onskvard');
		const bosDraft = new Y.Doc();
		tally.touched('w1', 'draft:alice', alicesDraft);
		tally.touched('w1', 'draft:bo', bosDraft);
		write(bosDraft, 'b1', 'samverkan');
		tally.touched('w1', 'draft:bo', bosDraft);
		expect(sent).toEqual([]);
		vi.advanceTimersByTime(500);
		const drafts = { alice: { samverkan: 2, onskvard: 1 }, bo: { samverkan: 1 } };
		expect(sent).toEqual([{ workshopId: 'w1', counts: { drafts, groups: {} } }]);
		expect(tally.counts('w1')).toEqual({ drafts, groups: {} });
		expect(tally.counts('w2')).toEqual({ drafts: {}, groups: {} });
	});

	it('sends only what it counted again, and counts an emptied draft as empty', () => {
		const sent: CardCounts[] = [];
		const tally = new CardTally({ send: (_, counts) => sent.push(counts), load: noLoad, recountMs: 500 });
		const alicesDraft = new Y.Doc();
		write(alicesDraft, 'd1', 'onskvard');
		tally.touched('w1', 'draft:alice', alicesDraft);
		tally.touched('w1', 'draft:bo', new Y.Doc());
		vi.advanceTimersByTime(500);
		// The reveal moves Alice's cards out of her draft; Bo's is not touched.
		tally.touched('w1', 'draft:alice', new Y.Doc());
		vi.advanceTimersByTime(500);
		expect(sent).toEqual([
			{ drafts: { alice: { onskvard: 1 }, bo: {} }, groups: {} },
			{ drafts: { alice: {} }, groups: {} }
		]);
		expect(tally.counts('w1').drafts).toEqual({ alice: {}, bo: {} });
	});

	it('counts the visible cards on each group’s canvas, not the plenary’s, nor other documents', () => {
		const sent: CardCounts[] = [];
		const tally = new CardTally({ send: (_, counts) => sent.push(counts), load: noLoad, recountMs: 500 });
		const plenary = new Y.Doc();
		write(plenary, 'p1', 'samverkan');
		tally.touched('w1', 'canvas:plenary', plenary);
		tally.touched('w1', 'map:grupp-1', plenary);
		tally.touched('w1', 'indicators', plenary);
		vi.advanceTimersByTime(1000);
		expect(sent).toEqual([]);

		const group = new Y.Doc();
		write(group, 'g1', 'samverkan');
		write(group, 'g2', 'samverkan');
		write(group, 'g3', 'samverkan');
		hide(group, 'g2');
		tally.touched('w1', 'canvas:grupp-1', group);
		vi.advanceTimersByTime(500);
		expect(sent).toEqual([{ drafts: {}, groups: { 'grupp-1': 2 } }]);
	});

	it('loads the groups `control` names that nobody has opened here, once, and counts them', async () => {
		const sent: CardCounts[] = [];
		const stored = new Y.Doc();
		write(stored, 's1', 'samverkan');
		const loaded: string[] = [];
		const load = async (workshopId: string, name: string) => {
			loaded.push(`${workshopId}/${name}`);
			return name === 'canvas:grupp-2' ? stored : new Y.Doc();
		};
		const tally = new CardTally({ send: (_, counts) => sent.push(counts), load, recountMs: 500 });
		const control = new Y.Doc();
		const groups = ['grupp-1', 'grupp-2'].map((id) => ({ id, memberIds: [], question: null }));
		writeControl(control, { groups } as never, 'server');
		const open = new Y.Doc();
		tally.touched('w1', 'canvas:grupp-1', open);
		tally.touched('w1', 'control', control);
		await vi.advanceTimersByTimeAsync(500);
		expect(loaded).toEqual(['w1/canvas:grupp-2']);
		await vi.advanceTimersByTimeAsync(500);
		expect(sent).toEqual([
			{ drafts: {}, groups: { 'grupp-1': 0 } },
			{ drafts: {}, groups: { 'grupp-2': 1 } }
		]);

		// Both are counted now: a later change to `control` loads nothing.
		tally.touched('w1', 'control', control);
		await vi.advanceTimersByTimeAsync(1000);
		expect(loaded).toEqual(['w1/canvas:grupp-2']);
	});

	it('forgets a workshop whose documents were dropped, also a recount already on its way', async () => {
		const sent: CardCounts[] = [];
		const tally = new CardTally({ send: (_, counts) => sent.push(counts), load: noLoad, recountMs: 500 });
		const draft = new Y.Doc();
		write(draft, 'd1', 'onskvard');
		tally.touched('w1', 'draft:alice', draft);
		await vi.advanceTimersByTimeAsync(500);
		tally.touched('w1', 'draft:bo', draft);
		tally.forget('w1');
		await vi.advanceTimersByTimeAsync(500);
		expect(sent).toHaveLength(1);
		expect(tally.counts('w1')).toEqual({ drafts: {}, groups: {} });
	});
});
