import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncClient } from '../../src/lib/client/sync-client';
import { readCards } from '../../src/lib/sync/cards';
import { openPhase } from '../helpers/clients';
import { sendCard, wishCard } from '../helpers/commands';
import { startServer, type RunningServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import { createWorkshop, joinWorkshop } from '../helpers/workshop-api';

const CANVAS = 'canvas:plenary';

describe('a municipal network that blocks WebSockets: the same protocol over HTTP long-polling', () => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startServer();
	});
	afterAll(async () => server?.stop());

	it('answers a bare polling request and stays up (socket.io, not the pages, answers /socket.io/)', async () => {
		const polling = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`);
		expect(polling.status).toBe(200);
		expect(await polling.text()).toMatch(/^0\{"sid":/);
		expect((await createWorkshop(server.url, 'Efter en pollning')).code).toBeTruthy();
	});

	it('opens the page’s documents in the handshake, sends commands and hears everyone else’s, over polling only', async () => {
		const w = await createWorkshop(server.url, 'Låst kommunnät');
		await openPhase(server.url, w, 'onskvard');
		const [blocked, open] = await Promise.all([joinWorkshop(server.url, w.code), joinWorkshop(server.url, w.code)]);
		// socket.io-client as the browser runs it, with the WebSocket transport unavailable.
		const polling = new SyncClient({
			url: server.url,
			workshop: w.id,
			participant: blocked.session,
			socket: { forceNew: true, transports: ['polling'] }
		});
		const websocket = new SyncClient({ url: server.url, workshop: w.id, participant: open.session, socket: { forceNew: true } });
		try {
			const [slow, fast] = [polling.open(CANVAS), websocket.open(CANVAS)];
			await Promise.all([polling.whenSynced(CANVAS), websocket.whenSynced(CANVAS)]);
			expect(polling.socket.io.engine.transport.name).toBe('polling');
			expect(await sendCard(slow, wishCard('via-polling', 'Skrivet bakom brandväggen', blocked.participantId))).toEqual({ ok: true });
			expect(await sendCard(fast, wishCard('via-websocket', 'Skrivet på öppet nät', open.participantId))).toEqual({ ok: true });
			const texts = (doc: typeof slow) => readCards(doc.doc).map((c) => c.text);
			await waitFor(() => texts(slow).length === 2 && texts(fast).length === 2, 'both cards on both copies');
			expect(texts(slow).sort()).toEqual(texts(fast).sort());
		} finally {
			polling.destroy();
			websocket.destroy();
		}
	});
});
