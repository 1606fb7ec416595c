import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftCounts } from '../../src/lib/sync/protocol';
import { applied, sendCard } from '../helpers/commands';
import { clientsClosedAfterEach } from '../helpers/clients';
import { startServer, type RunningServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import { createWorkshop, joinWorkshop } from '../helpers/workshop-api';

/**
 * Facilitators see how many private cards wait for the reveal and how many cards each
 * group has. The server counts the drafts and the group canvases and tells them, so their
 * page opens none of those documents (a connection's limits refused that beyond about 150
 * people or 200 groups).
 */
describe('cards counted by the server for the facilitators', () => {
	let server: RunningServer;
	const connect = clientsClosedAfterEach();
	beforeAll(async () => {
		server = await startServer();
	});
	afterAll(async () => server?.stop());

	it('tells facilitators of private cards, also one who comes later, and counts nothing once revealed', async () => {
		const w = await createWorkshop(server.url, 'Privat skrivande');
		const facilitator = connect(server.url, w.id, { facilitator: w.facilitatorSecret });
		let heard: DraftCounts = {};
		facilitator.onCardCounts((counts) => (heard = { ...heard, ...counts.drafts }));
		expect(await facilitator.command({ type: 'phase.set', phase: 'onskvard' })).toEqual({ ok: true });
		expect(await facilitator.command({ type: 'rules.set', phase: 'onskvard', rules: { privateWriting: true } })).toEqual({ ok: true });

		const at = new Date().toISOString();
		const writers = [];
		for (const [name, cards] of [
			['Ada', 2],
			['Bo', 1]
		] as const) {
			const me = await joinWorkshop(server.url, w.code, { displayName: name, sector: 'skola' });
			const client = connect(server.url, w.id, { participant: me.session });
			const draft = client.open(`draft:${me.participantId}`);
			for (let i = 0; i < cards; i++) {
				await applied(
					sendCard(draft, {
						id: `${name}-${i}`,
						kind: 'onskvard',
						text: `Data ${i}`,
						authorId: me.participantId,
						sector: 'skola',
						createdAt: at
					})
				);
			}
			writers.push(me.participantId);
		}
		const [ada, bo] = writers;
		await waitFor(() => heard[ada!]?.onskvard === 2 && heard[bo!]?.onskvard === 1, 'the facilitator to hear 2 + 1 private wishes');

		const later = connect(server.url, w.id, { facilitator: w.facilitatorSecret });
		let heardLater: DraftCounts = {};
		later.onCardCounts((counts) => (heardLater = { ...heardLater, ...counts.drafts }));
		await waitFor(
			() => heardLater[ada!]?.onskvard === 2 && heardLater[bo!]?.onskvard === 1,
			'a facilitator who connects later to hear them at once'
		);

		expect(await facilitator.command({ type: 'reveal', phase: 'onskvard' })).toEqual({ ok: true });
		await waitFor(() => !heard[ada!]?.onskvard && !heard[bo!]?.onskvard, 'nothing to wait for once revealed');
	});

	it('tells facilitators the visible cards on each group’s canvas, also after a restart with nobody in the groups', async () => {
		const w = await createWorkshop(server.url, 'Grupper räknas');
		const facilitator = connect(server.url, w.id, { facilitator: w.facilitatorSecret });
		let heard: Record<string, number> = {};
		facilitator.onCardCounts((counts) => (heard = { ...heard, ...counts.groups }));
		expect(await facilitator.command({ type: 'phase.set', phase: 'onskvard' })).toEqual({ ok: true });
		expect(await facilitator.command({ type: 'groups.create', count: 3 })).toEqual({ ok: true });

		const at = new Date().toISOString();
		const me = await joinWorkshop(server.url, w.code, { displayName: 'Gruppskrivare', sector: 'fritid' });
		const writer = connect(server.url, w.id, { participant: me.session });
		const author = { authorId: me.participantId, sector: 'fritid', createdAt: at, kind: 'onskvard' } as const;
		const first = writer.open('canvas:grupp-1');
		for (const id of ['g1-a', 'g1-b']) await applied(sendCard(first, { ...author, id, text: `Önskan ${id}` }));
		await applied(sendCard(writer.open('canvas:grupp-2'), { ...author, id: 'g2-a', text: 'Önskan i grupp 2' }));
		await waitFor(() => heard['grupp-1'] === 2 && heard['grupp-2'] === 1 && heard['grupp-3'] === 0, 'the counts 2, 1 and 0');

		// A hidden card is not counted.
		expect(await facilitator.command({ type: 'card.hide', canvas: 'canvas:grupp-1', cardId: 'g1-a' })).toEqual({ ok: true });
		await waitFor(() => heard['grupp-1'] === 1, 'the hidden card to leave the count');
		writer.destroy();
		facilitator.destroy();

		// A restarted server has counted nothing; a facilitator who connects gets every group counted.
		const { dataDir, port } = server;
		await server.stop();
		server = await startServer({ dataDir, port });
		const afterRestart = connect(server.url, w.id, { facilitator: w.facilitatorSecret });
		let heardAfter: Record<string, number> = {};
		afterRestart.onCardCounts((counts) => (heardAfter = { ...heardAfter, ...counts.groups }));
		await waitFor(
			() => heardAfter['grupp-1'] === 1 && heardAfter['grupp-2'] === 1 && heardAfter['grupp-3'] === 0,
			'the groups counted after the restart'
		);
	});
});
