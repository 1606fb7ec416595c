import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCards } from '../../src/lib/sync/cards';
import { sendCard, wishCard } from '../helpers/commands';
import type { SyncClient } from '../../src/lib/client/sync-client';
import type { VoteView } from '../../src/lib/domain/method/vote-tally';
import { connectClient, openPhase } from '../helpers/clients';
import { createDatabase, startPostgres, type Postgres } from '../helpers/postgres';
import { startServer, type RunningServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import { createWorkshop, joinWorkshop } from '../helpers/workshop-api';

const CANVAS = 'canvas:plenary';
const texts = (client: SyncClient) =>
	readCards(client.open(CANVAS).doc)
		.map((c) => c.text)
		.sort();

describe('when the database goes away', () => {
	let postgres: Postgres;
	let server: RunningServer;
	let databaseUrl: string;
	const clients: SyncClient[] = [];

	beforeAll(async () => {
		postgres = await startPostgres();
		databaseUrl = await createDatabase(postgres.url);
		server = await startServer({ databaseUrl });
	});
	afterAll(async () => {
		clients.forEach((c) => c.destroy());
		await server?.stop();
		postgres?.stop();
	});

	it('answers with a clear error, keeps loaded workshops live and loses nothing once it is back', async () => {
		const w = await createWorkshop(server.url);
		await openPhase(server.url, w, 'onskvard');
		const join = () => joinWorkshop(server.url, w.code);
		const [p1, p2, p3] = await Promise.all([join(), join(), join()]);
		const writer = connectClient(server.url, w.id, { participant: p1.session });
		const reader = connectClient(server.url, w.id, { participant: p2.session });
		const leaver = connectClient(server.url, w.id, { participant: p3.session });
		clients.push(writer, reader, leaver);
		const doc = writer.open(CANVAS);
		reader.open(CANVAS);
		const leaverDoc = leaver.open(CANVAS);
		await Promise.all([writer, reader, leaver].map((c) => c.whenSynced(CANVAS)));
		void sendCard(doc, wishCard('before', 'före avbrottet', p1.participantId));
		await writer.flushed();

		postgres.pause();
		const health = await fetch(`${server.url}/healthz`);
		expect(health.status).toBe(503);
		expect((await health.json()).error.code).toBe('unavailable');

		const problems: string[] = [];
		writer.onProblem((p) => problems.push(p.code));
		void sendCard(doc, wishCard('during', 'under avbrottet', p1.participantId));
		await waitFor(() => problems.includes('unavailable'), 'the server to tell the writer it cannot store');
		// Already loaded, the workshop goes on: the others see the edit, which waits on the server to be stored.
		await waitFor(() => texts(reader).includes('under avbrottet'), 'the edit to be shared');
		expect(texts(reader)).toEqual(['före avbrottet', 'under avbrottet']);
		// Someone writes and closes the page before the database is back: the server still has it.
		const leaverProblems: string[] = [];
		leaver.onProblem((p) => leaverProblems.push(p.code));
		void sendCard(leaverDoc, wishCard('left', 'skrivaren gick', p3.participantId));
		await waitFor(() => leaverProblems.includes('unavailable'), 'the server to tell the leaver it cannot store');
		leaver.destroy();
		await waitFor(() => texts(reader).includes('skrivaren gick'), "the leaver's edit to be shared");

		postgres.resume();
		await waitFor(
			async () => {
				const answer = await fetch(`${server.url}/healthz`);
				return answer.status === 200 && (await answer.json()).unstoredBytes === 0;
			},
			'the database to answer again and the waiting edit to be stored',
			20_000
		);
		// The writer's own retry is acknowledged now, so its screen stops saying "not saved".
		await writer.flushed();

		// Nothing acknowledged was lost: a restarted server has both cards.
		await server.stop('SIGKILL');
		server = await startServer({ databaseUrl });
		const fresh = connectClient(server.url, w.id, { participant: p2.session });
		clients.push(fresh);
		fresh.open(CANVAS);
		await fresh.whenSynced(CANVAS);
		expect(texts(fresh)).toEqual(['före avbrottet', 'skrivaren gick', 'under avbrottet']);
	});

	it('counts a dot cast while the database is down, shows it to the voter and stores it once it is back', async () => {
		const w = await createWorkshop(server.url);
		const voter = await joinWorkshop(server.url, w.code);
		const facilitator = connectClient(server.url, w.id, { facilitator: w.facilitatorSecret });
		const participant = connectClient(server.url, w.id, { participant: voter.session });
		clients.push(facilitator, participant);
		const canvas = facilitator.open(CANVAS);
		await facilitator.whenSynced(CANVAS);
		await facilitator.command({ type: 'phase.set', phase: 'onskvard' });
		void sendCard(canvas, wishCard('wish', 'fler mötesplatser', 'facilitator'));
		await facilitator.flushed();
		await facilitator.command({ type: 'phase.set', phase: 'prioritera' });
		expect(await facilitator.command({ type: 'vote.open', budget: 3 })).toEqual({ ok: true });
		const views: (VoteView | null)[] = [];
		participant.onVoteView((view) => views.push(view));
		await waitFor(() => views.at(-1)?.own?.used === 0, 'the voter to see the open vote');

		postgres.pause();
		expect(await participant.command({ type: 'vote.cast', cardId: 'wish' })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
		await waitFor(() => views.at(-1)?.own?.used === 1, 'the voter to see the dot');

		postgres.resume();
		await waitFor(
			async () => {
				const answer = await fetch(`${server.url}/healthz`).catch(() => null);
				return answer?.status === 200 && (await answer.json()).unstoredBytes === 0;
			},
			'the database to answer again and the dot to be stored',
			20_000
		);
		await server.stop('SIGKILL');
		server = await startServer({ databaseUrl });
		const again = connectClient(server.url, w.id, { participant: voter.session });
		clients.push(again);
		const view = await again.command({ type: 'vote.view' });
		expect(view).toMatchObject({ ok: true, value: { own: { used: 1, left: 2 } } });
	});
});
