import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { CardKind } from '$lib/domain/cards/card';
import { applyDocCommand } from '$lib/sync/doc-commands';
import type { DraftCounts } from '$lib/sync/protocol';
import { DraftTally } from './draft-tally';

const alice = { authorId: 'alice', sector: 'skola' } as const;
const write = (doc: Y.Doc, id: string, kind: CardKind) =>
	applyDocCommand(
		doc,
		{ command: { type: 'card.add', id, kind, text: `Kort ${id}` }, author: alice, now: '2026-12-04T09:00:00Z' },
		'server'
	);

describe('the server counts the private cards in participants’ drafts for the facilitators', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('counts a draft by kind once it is opened or changes, at most once per interval, and sends the whole workshop', () => {
		const sent: { workshopId: string; counts: DraftCounts }[] = [];
		const tally = new DraftTally((workshopId, counts) => sent.push({ workshopId, counts }), 500);
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
		expect(sent).toEqual([{ workshopId: 'w1', counts: { alice: { samverkan: 2, onskvard: 1 }, bo: { samverkan: 1 } } }]);
		expect(tally.counts('w1')).toEqual({ alice: { samverkan: 2, onskvard: 1 }, bo: { samverkan: 1 } });
		expect(tally.counts('w2')).toEqual({});
	});

	it('ignores documents that are not drafts, and counts an emptied draft as empty', () => {
		const sent: DraftCounts[] = [];
		const tally = new DraftTally((_, counts) => sent.push(counts), 500);
		const canvas = new Y.Doc();
		write(canvas, 'c1', 'samverkan');
		tally.touched('w1', 'canvas:plenary', canvas);
		tally.touched('w1', 'control', canvas);
		vi.advanceTimersByTime(1000);
		expect(sent).toEqual([]);

		const draft = new Y.Doc();
		write(draft, 'd1', 'onskvard');
		tally.touched('w1', 'draft:alice', draft);
		vi.advanceTimersByTime(500);
		// The reveal moves the cards out of the draft.
		const emptied = new Y.Doc();
		tally.touched('w1', 'draft:alice', emptied);
		vi.advanceTimersByTime(500);
		expect(sent).toEqual([{ alice: { onskvard: 1 } }, { alice: {} }]);
	});
});
