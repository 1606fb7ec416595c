import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncClient } from '../../src/lib/client/sync-client';
import { SLICE_RECIPIENTS } from '../../src/lib/server/realtime/sliced-broadcast';
import { readCards } from '../../src/lib/sync/cards';
import { readControl } from '../../src/lib/sync/control';
import { applied, sendCard } from '../helpers/commands';
import { clientsClosedAfterEach, openPhase } from '../helpers/clients';
import { startServer, type RunningServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import { createWorkshop, joinWorkshop } from '../helpers/workshop-api';

const CANVAS = 'canvas:plenary';

/**
 * A room with more people than one slice gets a change over several turns of the server's
 * event loop. Everyone still gets it, and whoever made it sees it before the answer, also
 * when they are in the last slice (the facilitator and the last participant join last).
 */
describe('a change to a room larger than one slice', () => {
	let server: RunningServer;
	const connect = clientsClosedAfterEach();
	beforeAll(async () => {
		server = await startServer({ env: { JOINS_PER_ADDRESS: '1000' } });
	});
	afterAll(async () => server?.stop());

	it('reaches every member, and the author has it before the answer', async () => {
		const w = await createWorkshop(server.url, 'Stor konferens');
		await openPhase(server.url, w, 'onskvard');
		const people: { id: string; client: SyncClient }[] = [];
		for (let i = 0; i < 2 * SLICE_RECIPIENTS + 50; i++) {
			const { participantId, session } = await joinWorkshop(server.url, w.code, { sector: 'skola' });
			const client = connect(server.url, w.id, { participant: session });
			client.open('control');
			client.open(CANVAS);
			people.push({ id: participantId, client });
		}
		await Promise.all(people.flatMap(({ client }) => [client.whenSynced('control'), client.whenSynced(CANVAS)]));
		const facilitator = connect(server.url, w.id, { facilitator: w.facilitatorSecret });
		const control = facilitator.open('control');
		await facilitator.whenSynced('control');

		expect(await facilitator.command({ type: 'join.ask', organisation: true })).toEqual({ ok: true });
		expect(readControl(control.doc).askOrganisation).toBe(true);
		await waitFor(
			() => people.every(({ client }) => readControl(client.open('control').doc).askOrganisation),
			'everyone to have the change'
		);

		const last = people.at(-1)!;
		const canvas = last.client.open(CANVAS);
		const at = new Date().toISOString();
		await applied(
			sendCard(canvas, { id: 'wish', kind: 'onskvard', text: 'Frånvaro per skola', authorId: last.id, sector: 'skola', createdAt: at })
		);
		expect(readCards(canvas.replica).map((card) => card.id)).toEqual(['wish']);
		await waitFor(
			() => people.every(({ client }) => readCards(client.open(CANVAS).replica).some((card) => card.id === 'wish')),
			'everyone to have the card'
		);
	}, 60_000);
});
