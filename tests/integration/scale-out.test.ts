import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { readCards } from '../../src/lib/sync/cards';
import { applied, sendCard } from '../helpers/commands';
import type { DraftCounts, PresenceEntry } from '../../src/lib/sync/protocol';
import type { SyncClient } from '../../src/lib/client/sync-client';
import { connectClient, openPhase } from '../helpers/clients';
import { createDatabase } from '../helpers/postgres';
import { startRedis, type RedisServer } from '../helpers/redis';
import { startServer, type RunningServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import { createWorkshop, joinWorkshop } from '../helpers/workshop-api';

const CANVAS = 'canvas:plenary';

describe('two instances on PostgreSQL and Redis serve one workshop', () => {
	let redis: RedisServer;
	let databaseUrl: string;
	let a: RunningServer;
	let b: RunningServer;
	const clients: SyncClient[] = [];

	beforeAll(async () => {
		redis = await startRedis();
		databaseUrl = await createDatabase(inject('postgresUrl'));
		a = await startServer({ databaseUrl, env: { REDIS_URL: redis.url } });
		b = await startServer({ databaseUrl, env: { REDIS_URL: redis.url } });
	});
	afterAll(async () => {
		clients.forEach((c) => c.destroy());
		await Promise.all([a?.stop(), b?.stop()]);
		await redis?.stop();
	});

	it('tells a facilitator on instance B, also one who connects later, of the private cards written on instance A', async () => {
		const w = await createWorkshop(a.url, 'Privat på två');
		const setup = connectClient(a.url, w.id, { facilitator: w.facilitatorSecret });
		clients.push(setup);
		expect(await setup.command({ type: 'phase.set', phase: 'onskvard' })).toEqual({ ok: true });
		expect(await setup.command({ type: 'rules.set', phase: 'onskvard', rules: { privateWriting: true } })).toEqual({ ok: true });
		const facilitatorOnB = connectClient(b.url, w.id, { facilitator: w.facilitatorSecret });
		clients.push(facilitatorOnB);
		let heard: DraftCounts = {};
		facilitatorOnB.onCardCounts((counts) => (heard = { ...heard, ...counts.drafts }));
		const me = await joinWorkshop(a.url, w.code, { displayName: 'Privat', sector: 'skola' });
		const onA = connectClient(a.url, w.id, { participant: me.session });
		clients.push(onA);
		const draft = onA.open(`draft:${me.participantId}`);
		const at = new Date().toISOString();
		await applied(
			sendCard(draft, { id: 'p1', kind: 'onskvard', text: 'Privat önskan', authorId: me.participantId, sector: 'skola', createdAt: at })
		);
		await waitFor(() => heard[me.participantId]?.onskvard === 1, 'the facilitator on B to hear of the private card');

		const laterOnB = connectClient(b.url, w.id, { facilitator: w.facilitatorSecret });
		clients.push(laterOnB);
		let heardLater: DraftCounts = {};
		laterOnB.onCardCounts((counts) => (heardLater = { ...heardLater, ...counts.drafts }));
		await waitFor(() => heardLater[me.participantId]?.onskvard === 1, 'a facilitator connecting to B later to hear it from A');
	});

	it('shows an edit made on instance B to a participant on instance A, stores it once and keeps it', async () => {
		const w = await createWorkshop(a.url, 'Skalning');
		await openPhase(a.url, w, 'onskvard');
		const [p1, p2] = await Promise.all([
			joinWorkshop(a.url, w.code, { displayName: 'På A', sector: 'skola' }),
			joinWorkshop(b.url, w.code, { displayName: 'På B', sector: 'polis' })
		]);
		const onA = connectClient(a.url, w.id, { participant: p1.session });
		const onB = connectClient(b.url, w.id, { participant: p2.session });
		const facilitatorOnB = connectClient(b.url, w.id, { facilitator: w.facilitatorSecret });
		clients.push(onA, onB, facilitatorOnB);
		let presence: PresenceEntry[] = [];
		facilitatorOnB.onPresence((entries) => (presence = entries));
		const [docA, docB] = await Promise.all([(onA.open(CANVAS), onA.whenSynced(CANVAS)), (onB.open(CANVAS), onB.whenSynced(CANVAS))]);

		for (let i = 0; i < 5; i++) {
			void sendCard(docB, {
				id: `b${i}`,
				kind: 'onskvard',
				text: `från B ${i}`,
				authorId: p2.participantId,
				sector: 'polis',
				createdAt: new Date().toISOString()
			});
			void sendCard(docA, {
				id: `a${i}`,
				kind: 'samverkan',
				text: `från A ${i}`,
				authorId: p1.participantId,
				sector: 'skola',
				createdAt: new Date().toISOString()
			});
		}
		await waitFor(() => readCards(docA.doc).length === 10 && readCards(docB.doc).length === 10, 'both instances to converge');
		await Promise.all([onA.flushed(), onB.flushed()]);

		// The facilitator on B sees the participant connected to A.
		await waitFor(() => presence.some((p) => p.displayName === 'På A'), 'presence across instances');

		// Each update was stored by one instance only: no payload appears twice.
		const db = new pg.Client({ connectionString: databaseUrl });
		await db.connect();
		const { rows } = await db.query<{ data: Buffer }>('SELECT data FROM doc_updates WHERE workshop_id = $1', [w.id]);
		await db.end();
		const payloads = rows.map((r) => r.data.toString('base64'));
		expect(new Set(payloads).size).toBe(payloads.length);

		// A third instance started later reads everything from PostgreSQL.
		const c = await startServer({ databaseUrl, env: { REDIS_URL: redis.url } });
		try {
			const late = connectClient(c.url, w.id, { participant: p1.session });
			clients.push(late);
			const docC = late.open(CANVAS);
			await late.whenSynced(CANVAS);
			expect(
				readCards(docC.doc)
					.map((card) => card.text)
					.sort()
			).toEqual(
				readCards(docA.doc)
					.map((card) => card.text)
					.sort()
			);
		} finally {
			await c.stop();
		}
	});
});
