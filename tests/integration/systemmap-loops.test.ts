import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { findLoops } from '../../src/lib/domain/systemmap';
import type { SyncClient } from '../../src/lib/client/sync-client';
import { readMap, type MapAuthor } from '../../src/lib/sync/map';
import { connectClient } from '../helpers/clients';
import { startServer, type RunningServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import { createWorkshop, joinWorkshop } from '../helpers/workshop-api';

const MAP = 'map:plenary';
const loopsOf = (doc: Y.Doc) => findLoops(readMap(doc)).loops.map(({ kind, factors, links }) => ({ kind, factors, links }));

describe('the system map converges under concurrent edits (real server, real clients)', () => {
	let server: RunningServer;
	const clients: SyncClient[] = [];

	beforeAll(async () => {
		server = await startServer();
	});
	afterEach(() => {
		clients.splice(0).forEach((client) => client.destroy());
	});
	afterAll(async () => server?.stop());

	async function twoParticipants() {
		const w = await createWorkshop(server.url, 'Kartprov');
		const [a, b] = await Promise.all([
			joinWorkshop(server.url, w.code, { sector: 'skola' }),
			joinWorkshop(server.url, w.code, { sector: 'polis' })
		]);
		const ca = connectClient(server.url, w.id, { participant: a.session });
		const cb = connectClient(server.url, w.id, { participant: b.session });
		clients.push(ca, cb);
		ca.open(MAP);
		cb.open(MAP);
		const [da, db] = await Promise.all([ca.whenSynced(MAP), cb.whenSynced(MAP)]);
		const authorA: MapAuthor = { authorId: a.participantId, sector: 'skola' };
		const authorB: MapAuthor = { authorId: b.participantId, sector: 'polis' };
		return { w, ca, cb, da, db, authorA, authorB };
	}

	it('gives two clients that add links at the same time the same loop list', async () => {
		const { ca, cb, da, db, authorA, authorB } = await twoParticipants();
		void da.edit(
			{ type: 'factor.add', factors: ['stress', 'somn', 'skola', 'traning'].map((id) => ({ id, label: id, kind: 'faktor' as const })) },
			authorA
		);
		await ca.flushed();
		await waitFor(() => readMap(db.doc).factors.length === 4, 'the factors to reach the second client');

		// Each client closes a different loop through the shared factors, at the same moment.
		void da.edit({ type: 'link.add', id: 'a1', from: 'stress', to: 'somn', polarity: '-' }, authorA);
		void db.edit({ type: 'link.add', id: 'b1', from: 'somn', to: 'stress', polarity: '-' }, authorB);
		void da.edit({ type: 'link.add', id: 'a2', from: 'somn', to: 'skola', polarity: '-' }, authorA);
		void db.edit({ type: 'link.add', id: 'b2', from: 'skola', to: 'stress', polarity: '-' }, authorB);
		void db.edit({ type: 'link.add', id: 'b3', from: 'traning', to: 'traning', polarity: '+' }, authorB);
		await Promise.all([ca.flushed(), cb.flushed()]);

		await waitFor(() => readMap(da.doc).links.length === 5 && readMap(db.doc).links.length === 5, 'both clients to hold all five links');
		expect(loopsOf(da.doc)).toEqual(loopsOf(db.doc));
		expect(loopsOf(da.doc)).toEqual([
			{ kind: 'R', factors: ['traning'], links: ['b3'] },
			{ kind: 'R', factors: ['somn', 'stress'], links: ['b1', 'a1'] },
			{ kind: 'B', factors: ['skola', 'stress', 'somn'], links: ['b2', 'a1', 'a2'] }
		]);
	});

	it('turns a loop from R to B on every client when a participant flips a link the facilitator drew', async () => {
		const { w, da, db, authorA } = await twoParticipants();
		const facilitator = connectClient(server.url, w.id, { facilitator: w.facilitatorSecret });
		clients.push(facilitator);
		facilitator.open(MAP);
		const df = await facilitator.whenSynced(MAP);
		const author: MapAuthor = { authorId: 'facilitator', sector: 'facilitator' };
		void df.edit(
			{
				type: 'factor.add',
				factors: [
					{ id: 'x', label: 'X', kind: 'faktor' },
					{ id: 'y', label: 'Y', kind: 'aktor' }
				]
			},
			author
		);
		void df.edit({ type: 'link.add', id: 'xy', from: 'x', to: 'y', polarity: '+' }, author);
		void df.edit({ type: 'link.add', id: 'yx', from: 'y', to: 'x', polarity: '+' }, author);
		await waitFor(() => loopsOf(da.doc).length === 1 && loopsOf(db.doc).length === 1, 'the loop to reach both participants');
		expect(loopsOf(db.doc)[0]?.kind).toBe('R');

		expect(await da.edit({ type: 'link.edit', id: 'xy', polarity: '-' }, authorA)).toEqual({ ok: true });
		await waitFor(() => loopsOf(db.doc)[0]?.kind === 'B' && loopsOf(df.doc)[0]?.kind === 'B', 'the flip to reach everyone');
		expect(readMap(df.doc).links.find((link) => link.id === 'xy')).toMatchObject({ polarity: '-', authorId: 'facilitator' });
	});
});
