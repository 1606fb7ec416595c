import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import * as Y from 'yjs';
import { io as ioClient } from 'socket.io-client';
import { PROTOCOL_VERSION, type Ack } from '../../src/lib/sync/protocol';
import { wireParser } from '../../src/lib/transport/wire-parser';
import { encodeSyncStep1 } from '../../src/lib/sync/yjs-messages';
import { readCards } from '../../src/lib/sync/cards';
import type { SharedDoc } from '../../src/lib/client/shared-doc';
import { sendCard } from '../helpers/commands';
import type { SyncClient } from '../../src/lib/client/sync-client';
import { connectClient, openPhase } from '../helpers/clients';
import { createDatabase } from '../helpers/postgres';
import { startServer, type RunningServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import { createWorkshop, joinWorkshop } from '../helpers/workshop-api';
import type { Card } from '../../src/lib/domain/cards/card';

const CANVAS = 'canvas:plenary';
let counter = 0;
const card = (text: string, authorId: string): Card => ({
	id: `c${++counter}-${Math.random().toString(36).slice(2, 8)}`,
	kind: 'onskvard',
	text,
	authorId,
	sector: 'skola',
	createdAt: new Date().toISOString()
});
const texts = (shared: SharedDoc) =>
	readCards(shared.doc)
		.map((c) => c.text)
		.sort();

describe.each(['sqlite', 'postgres'] as const)('real-time sync against the real server (%s)', (backend) => {
	let server: RunningServer;
	let databaseUrl: string | undefined;
	const clients: SyncClient[] = [];
	const connect = (...args: Parameters<typeof connectClient>) => {
		const client = connectClient(...args);
		clients.push(client);
		return client;
	};

	beforeAll(async () => {
		databaseUrl = backend === 'postgres' ? await createDatabase(inject('postgresUrl')) : undefined;
		server = await startServer({ databaseUrl });
	});
	afterEach(() => {
		clients.splice(0).forEach((c) => c.destroy());
	});
	afterAll(async () => server?.stop());

	it('makes two participants converge when they edit at the same time', async () => {
		const w = await createWorkshop(server.url);
		await openPhase(server.url, w, 'onskvard');
		const [a, b] = await Promise.all([joinWorkshop(server.url, w.code), joinWorkshop(server.url, w.code)]);
		const ca = connect(server.url, w.id, { participant: a.session });
		const cb = connect(server.url, w.id, { participant: b.session });
		const [da, db] = await Promise.all([(ca.open(CANVAS), ca.whenSynced(CANVAS)), (cb.open(CANVAS), cb.whenSynced(CANVAS))]);
		for (let i = 0; i < 10; i++) {
			void sendCard(da, card(`A${i}`, a.participantId));
			void sendCard(db, card(`B${i}`, b.participantId));
		}
		await waitFor(() => texts(da).length === 20 && texts(db).length === 20, 'both to have 20 cards');
		expect(texts(da)).toEqual(texts(db));
	});

	it('gives a client that joins later the full state', async () => {
		const w = await createWorkshop(server.url);
		await openPhase(server.url, w, 'onskvard');
		const a = await joinWorkshop(server.url, w.code);
		const ca = connect(server.url, w.id, { participant: a.session });
		const da = ca.open(CANVAS);
		await ca.whenSynced(CANVAS);
		void sendCard(da, card('Tidigt kort', a.participantId));
		await ca.flushed();

		const late = await joinWorkshop(server.url, w.code);
		const cl = connect(server.url, w.id, { participant: late.session });
		const dl = cl.open(CANVAS);
		await cl.whenSynced(CANVAS);
		expect(texts(dl)).toEqual(['Tidigt kort']);
	});

	it('keeps every acknowledged edit after the server is killed with SIGKILL and restarted', async () => {
		const w = await createWorkshop(server.url);
		await openPhase(server.url, w, 'onskvard');
		const people = await Promise.all([1, 2, 3].map(() => joinWorkshop(server.url, w.code)));
		const syncs = people.map((p) => connect(server.url, w.id, { participant: p.session }));
		const docs = await Promise.all(syncs.map((c) => (c.open(CANVAS), c.whenSynced(CANVAS))));
		docs.forEach((doc, i) => {
			for (let n = 0; n < 30; n++) void sendCard(doc, card(`p${i}-${n}`, people[i]!.participantId));
		});
		await Promise.all(syncs.map((c) => c.flushed()));
		const acknowledged = new Set(docs.flatMap((d) => texts(d)));
		expect(acknowledged.size).toBe(90);

		const { dataDir, port } = server;
		await server.stop('SIGKILL');
		server = await startServer({ dataDir, port, databaseUrl });

		const fresh = connect(server.url, w.id, { participant: people[0]!.session });
		const doc = fresh.open(CANVAS);
		await fresh.whenSynced(CANVAS);
		expect(new Set(texts(doc))).toEqual(acknowledged);
		// The clients that were connected during the crash reconnect and converge without a reload.
		void sendCard(docs[1]!, card('efter omstart', people[1]!.participantId));
		await waitFor(() => texts(doc).includes('efter omstart'), 'an edit after the restart to arrive');
	});

	it('sends every card written offline exactly once, in the order written, when the connection is back', async () => {
		const w = await createWorkshop(server.url);
		await openPhase(server.url, w, 'onskvard');
		const a = await joinWorkshop(server.url, w.code);
		const phone = connect(server.url, w.id, { participant: a.session });
		const doc = phone.open(CANVAS);
		await phone.whenSynced(CANVAS);
		phone.socket.disconnect();
		const written = Array.from({ length: 25 }, (_, i) => `offline ${String(i).padStart(2, '0')}`);
		for (const text of written) void sendCard(doc, card(text, a.participantId));
		// Shown at once on the phone, while nothing has reached the server.
		expect(texts(doc)).toEqual(written);
		phone.socket.connect();
		await phone.flushed();
		const reader = connect(server.url, w.id, { facilitator: w.facilitatorSecret });
		const stored = reader.open(CANVAS);
		await reader.whenSynced(CANVAS);
		// Stored once each, in the order they were written (the server stamps them as it applies them).
		expect(readCards(stored.doc).map((c) => c.text)).toEqual(written);
		// Reconnecting again re-sends nothing and duplicates nothing.
		phone.socket.disconnect();
		phone.socket.connect();
		await phone.whenSynced(CANVAS);
		await phone.flushed();
		expect(readCards(stored.doc)).toHaveLength(written.length);
	});

	it('refuses a participant of one workshop in another workshop', async () => {
		const w1 = await createWorkshop(server.url);
		await openPhase(server.url, w1, 'onskvard');
		const w2 = await createWorkshop(server.url);
		await openPhase(server.url, w2, 'onskvard');
		const p1 = await joinWorkshop(server.url, w1.code);
		const client = connect(server.url, w2.id, { participant: p1.session });
		const problems: string[] = [];
		client.onProblem((p) => problems.push(p.code));
		await waitFor(() => problems.length > 0, 'the connection to be refused');
		expect(problems).toContain('unauthorized');
		expect(client.status).toBe('refused');
	});

	it('keeps documents addressed only within the socket’s own workshop', async () => {
		const w1 = await createWorkshop(server.url);
		await openPhase(server.url, w1, 'onskvard');
		const w2 = await createWorkshop(server.url);
		await openPhase(server.url, w2, 'onskvard');
		const p1 = await joinWorkshop(server.url, w1.code);
		const owner = connect(server.url, w2.id, { facilitator: w2.facilitatorSecret });
		const doc2 = owner.open(CANVAS);
		await owner.whenSynced(CANVAS);
		void sendCard(doc2, card('Hemligt i w2', 'facilitator'));
		await owner.flushed();

		const socket = ioClient(server.url, {
			forceNew: true,
			transports: ['websocket'],
			parser: wireParser,
			auth: { workshop: w1.id, protocol: PROTOCOL_VERSION, participant: p1.session }
		});
		try {
			await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
			for (const name of [`${w2.id}/${CANVAS}`, `../${w2.id}/${CANVAS}`, `canvas:${w2.id}`]) {
				const result: Ack = await socket.emitWithAck('doc:open', name);
				if (result.ok) {
					// A valid name opens this workshop's own (empty) document, never w2's: the full state it answers with holds nothing of w2.
					const reply = new Promise<Uint8Array>((resolve) => socket.once('y', (_n: string, payload: Uint8Array) => resolve(payload)));
					expect(await socket.emitWithAck('y', name, encodeSyncStep1(new Y.Doc()))).toEqual({ ok: true });
					expect(Buffer.from(await reply).toString('utf8')).not.toContain('Hemligt');
				} else {
					// Not a document name at all, or a name this workshop has no document for.
					expect(result.error.code).toBe(name.startsWith('canvas:') ? 'not_found' : 'bad_request');
				}
			}
		} finally {
			socket.disconnect();
		}
	});

	it('answers a SyncStep1 sent right behind doc:open without waiting for its answer, and refuses it when the open is refused', async () => {
		const w = await createWorkshop(server.url);
		await openPhase(server.url, w, 'onskvard');
		const owner = connect(server.url, w.id, { facilitator: w.facilitatorSecret });
		void sendCard((owner.open(CANVAS), await owner.whenSynced(CANVAS)), card('Redan skrivet', 'facilitator'));
		await owner.flushed();
		const p = await joinWorkshop(server.url, w.code);
		const socket = ioClient(server.url, {
			forceNew: true,
			transports: ['websocket'],
			parser: wireParser,
			auth: { workshop: w.id, protocol: PROTOCOL_VERSION, participant: p.session }
		});
		try {
			await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
			const reply = new Promise<Uint8Array>((resolve) => socket.once('y', (_n: string, payload: Uint8Array) => resolve(payload)));
			// Both go out in the same tick: the server must not answer the second with "open the document first".
			const [opened, synced] = await Promise.all([
				socket.emitWithAck('doc:open', CANVAS),
				socket.emitWithAck('y', CANVAS, encodeSyncStep1(new Y.Doc()))
			]);
			expect(opened).toEqual({ ok: true });
			expect(synced).toEqual({ ok: true });
			expect(Buffer.from(await reply).toString('utf8')).toContain('Redan skrivet');
			// A document this workshop does not have: the open says why, and the SyncStep1 behind it is refused.
			const [missing, orphan]: Ack[] = await Promise.all([
				socket.emitWithAck('doc:open', 'canvas:grupp-7'),
				socket.emitWithAck('y', 'canvas:grupp-7', encodeSyncStep1(new Y.Doc()))
			]);
			expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
			expect(orphan).toMatchObject({ ok: false });
		} finally {
			socket.disconnect();
		}
	});

	it('refuses a participant who deletes or rewrites someone else’s card, and keeps the card', async () => {
		const w = await createWorkshop(server.url);
		await openPhase(server.url, w, 'onskvard');
		const [a, b] = await Promise.all([joinWorkshop(server.url, w.code), joinWorkshop(server.url, w.code)]);
		const ca = connect(server.url, w.id, { participant: a.session });
		const cb = connect(server.url, w.id, { participant: b.session });
		const da = ca.open(CANVAS);
		const db = cb.open(CANVAS);
		await Promise.all([ca.whenSynced(CANVAS), cb.whenSynced(CANVAS)]);
		const mine = card('Min egen', a.participantId);
		void sendCard(da, mine);
		await ca.flushed();
		await waitFor(() => texts(db).includes('Min egen'), 'the card to reach b');

		const removal = await db.edit({ type: 'card.remove', id: mine.id }, { authorId: b.participantId, sector: 'skola' });
		expect(removal).toMatchObject({ ok: false, error: { code: 'forbidden', key: 'not-author' } });
		const rewrite = await db.edit({ type: 'card.edit', id: mine.id, text: 'Förfalskad' }, { authorId: b.participantId, sector: 'skola' });
		expect(rewrite).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		expect(texts(db)).toEqual(['Min egen']);

		const observer = connect(server.url, w.id, { participant: a.session });
		const fresh = observer.open(CANVAS);
		await observer.whenSynced(CANVAS);
		expect(texts(fresh)).toEqual(['Min egen']);
	});

	it('answers malformed messages with an error and keeps serving', async () => {
		const w = await createWorkshop(server.url);
		await openPhase(server.url, w, 'onskvard');
		const p = await joinWorkshop(server.url, w.code);
		const socket = ioClient(server.url, {
			forceNew: true,
			transports: ['websocket'],
			parser: wireParser,
			auth: { workshop: w.id, protocol: PROTOCOL_VERSION, participant: p.session }
		});
		try {
			await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
			expect(await socket.emitWithAck('doc:open', CANVAS)).toEqual({ ok: true });
			const garbage: unknown[] = [new Uint8Array([0, 1, 200, 200, 200]), 'not binary', new Uint8Array([9]), 42];
			for (const payload of garbage) {
				const result: Ack = await socket.emitWithAck('y', CANVAS, payload);
				expect(result.ok).toBe(false);
				if (!result.ok) expect(result.error.code).toBe('bad_request');
			}
			const notOpened: Ack = await socket.emitWithAck('y', 'map:elsewhere', new Uint8Array([0, 0, 0]));
			expect(notOpened.ok).toBe(false);
			const control: Ack = await socket.emitWithAck('doc:open', 'control');
			expect(control.ok).toBe(true);
			const forged = new Y.Doc();
			forged.getMap('state').set('phase', 'sammanfattning');
			const encoded = Y.encodeStateAsUpdate(forged);
			const frame = new Uint8Array([0, 2, ...varUint(encoded.length), ...encoded]);
			const writeControl: Ack = await socket.emitWithAck('y', 'control', frame);
			expect(writeControl).toMatchObject({ ok: false, error: { code: 'forbidden' } });
			// A card written as a raw Yjs update, even one in the sender's own name, is refused: only commands change a canvas.
			const raw = new Y.Doc();
			const entry = new Y.Map<unknown>();
			raw.getMap('cards').set('raw', entry);
			entry.set('id', 'raw');
			entry.set('authorId', p.participantId);
			const rawUpdate = Y.encodeStateAsUpdate(raw);
			const rawFrame = new Uint8Array([0, 2, ...varUint(rawUpdate.length), ...rawUpdate]);
			expect(await socket.emitWithAck('y', CANVAS, rawFrame)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		} finally {
			socket.disconnect();
		}
		const health = await fetch(`${server.url}/healthz`);
		expect(health.status).toBe(200);
		const client = connect(server.url, w.id, { participant: p.session });
		client.open(CANVAS);
		await client.whenSynced(CANVAS);
	});
});

function varUint(value: number): number[] {
	const bytes: number[] = [];
	while (value > 127) {
		bytes.push((value & 127) | 128);
		value >>>= 7;
	}
	bytes.push(value);
	return bytes;
}
