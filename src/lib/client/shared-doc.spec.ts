import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readCards } from '$lib/sync/cards';
import { applyDocCommand, type DocCommand } from '$lib/sync/doc-commands';
import type { Ack } from '$lib/sync/protocol';
import { SharedDoc, type PendingCommand } from './shared-doc';

const alice = { authorId: 'alice', sector: 'skola' } as const;

/** A shared document whose commands wait until the test answers them, and the server's copy. */
function setup() {
	const server = new Y.Doc();
	const sent: { pending: PendingCommand; answer: (ack: Ack) => void }[] = [];
	let seq = 0;
	const shared = new SharedDoc('canvas:plenary', {
		number: () => ({ client: 'tab-1', seq: ++seq }),
		send: (pending) => new Promise<Ack>((answer) => sent.push({ pending, answer }))
	});
	/** The server applies a command and sends its update before the acknowledgement, as the real one does. */
	const accept = (index: number) => {
		const { pending, answer } = sent[index]!;
		const updates: Uint8Array[] = [];
		const collect = (u: Uint8Array) => updates.push(u);
		server.on('update', collect);
		applyDocCommand(server, { command: pending.command, author: pending.author, now: '2026-12-02T10:00:00Z' }, 'server');
		server.off('update', collect);
		updates.forEach((u) => shared.applyRemote(u));
		shared.settle(pending, 'applied');
		answer({ ok: true });
	};
	const refuse = (index: number) => {
		const { pending, answer } = sent[index]!;
		shared.settle(pending, 'refused');
		answer({ ok: false, error: { code: 'forbidden', message: 'no' } });
	};
	return { server, shared, sent, accept, refuse };
}

const add = (id: string, text: string): DocCommand => ({ type: 'card.add', id, kind: 'samverkan', text });
const texts = (shared: SharedDoc) => readCards(shared.doc).map((card) => card.text);

describe('a shared document in the browser', () => {
	it('shows a change at once, before the server has answered, and keeps the replica the server’s alone', () => {
		const { shared } = setup();
		void shared.edit(add('c1', 'Fältassistenterna'), alice);
		expect(texts(shared)).toEqual(['Fältassistenterna']);
		expect(readCards(shared.replica)).toEqual([]);
		expect(shared.pending).toHaveLength(1);
	});

	it('ends with exactly the server’s copy once everything is answered: applied changes stay, refused ones go', () => {
		const { shared, accept, refuse } = setup();
		void shared.edit(add('c1', 'Fältassistenterna'), alice);
		void shared.edit(add('c2', 'Ska nekas'), alice);
		void shared.edit(add('c3', 'Elevhälsan'), alice);
		refuse(1);
		expect(texts(shared)).toEqual(['Fältassistenterna', 'Elevhälsan']);
		accept(0);
		accept(2);
		expect(shared.pending).toEqual([]);
		expect(shared.doc).toBe(shared.replica);
		expect(texts(shared).sort()).toEqual(['Elevhälsan', 'Fältassistenterna']);
	});

	it('keeps its pending changes over a server update from someone else', () => {
		const { shared } = setup();
		void shared.edit(add('mine', 'Mitt kort'), alice);
		const other = new Y.Doc();
		applyDocCommand(
			other,
			{ command: add('theirs', 'Deras kort'), author: { authorId: 'bob', sector: 'polis' }, now: '2026-12-02T09:00:00Z' },
			'server'
		);
		shared.applyRemote(Y.encodeStateAsUpdate(other));
		expect(texts(shared).sort()).toEqual(['Deras kort', 'Mitt kort']);
	});

	it('starts over empty, pending changes kept, when the server says its copy is behind this one', () => {
		const { shared } = setup();
		const stale = new Y.Doc();
		applyDocCommand(stale, { command: add('lost', 'Förlorat i en krasch'), author: alice, now: '2026-12-02T09:00:00Z' }, 'server');
		shared.applyRemote(Y.encodeStateAsUpdate(stale));
		void shared.edit(add('c1', 'Väntar'), alice);
		shared.reset();
		expect(texts(shared)).toEqual(['Väntar']);
		expect(readCards(shared.replica)).toEqual([]);
	});

	it('tells its listeners about remote changes a moment later, batched, or at once when flushed', () => {
		const { shared } = setup();
		let heard = 0;
		shared.onChange(() => heard++);
		const other = new Y.Doc();
		applyDocCommand(other, { command: add('theirs', 'Deras kort'), author: alice, now: '2026-12-02T09:00:00Z' }, 'server');
		shared.applyRemote(Y.encodeStateAsUpdate(other));
		expect(heard).toBe(0);
		shared.flush();
		expect(heard).toBe(1);
		shared.flush();
		expect(heard).toBe(1);
	});
});
