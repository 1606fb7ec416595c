import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftCounts } from '../../src/lib/sync/protocol';
import { applied, sendCard } from '../helpers/commands';
import { clientsClosedAfterEach } from '../helpers/clients';
import { startServer, type RunningServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import { createWorkshop, joinWorkshop } from '../helpers/workshop-api';

/**
 * Facilitators see how many private cards wait for the reveal. The server counts the
 * drafts and tells them, so their page no longer opens every participant's draft (which
 * a connection's limits refused beyond about 150 people).
 */
describe('private cards waiting for the reveal, counted by the server', () => {
	let server: RunningServer;
	const connect = clientsClosedAfterEach();
	beforeAll(async () => {
		server = await startServer();
	});
	afterAll(async () => server?.stop());

	it('tells facilitators, also one who comes later, and counts nothing once revealed', async () => {
		const w = await createWorkshop(server.url, 'Privat skrivande');
		const facilitator = connect(server.url, w.id, { facilitator: w.facilitatorSecret });
		let heard: DraftCounts = {};
		facilitator.onDraftCounts((counts) => (heard = { ...heard, ...counts }));
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
		later.onDraftCounts((counts) => (heardLater = { ...heardLater, ...counts }));
		await waitFor(
			() => heardLater[ada!]?.onskvard === 2 && heardLater[bo!]?.onskvard === 1,
			'a facilitator who connects later to hear them at once'
		);

		expect(await facilitator.command({ type: 'reveal', phase: 'onskvard' })).toEqual({ ok: true });
		await waitFor(() => !heard[ada!]?.onskvard && !heard[bo!]?.onskvard, 'nothing to wait for once revealed');
	});
});
