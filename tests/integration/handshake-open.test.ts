import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { readCards } from '../../src/lib/sync/cards';
import { HANDSHAKE_DOCS_MAX, PROTOCOL_VERSION, type Ack } from '../../src/lib/sync/protocol';
import { decodeYMessage, encodeSyncStep1, stateVectorText } from '../../src/lib/sync/yjs-messages';
import { clientsClosedAfterEach, openPhase, rawSocket } from '../helpers/clients';
import { sendCard } from '../helpers/commands';
import { startServer, type RunningServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/workshop-api';

const CANVAS = 'canvas:plenary';
const EMPTY = stateVectorText(new Y.Doc());

describe('documents opened by the handshake (one round trip to a synced page)', () => {
	let server: RunningServer;
	let workshop: CreatedWorkshop;
	let session: string;
	const sockets: Socket[] = [];
	const connect = clientsClosedAfterEach();

	/** A hand-written participant that names documents in its handshake and records what it hears. */
	async function participant(open: unknown, credentials = { participant: session }) {
		const heard: [string, ...unknown[]][] = [];
		const socket = await rawSocket(
			server.url,
			{ workshop: workshop.id, protocol: PROTOCOL_VERSION, ...credentials, open },
			{ hear: (event, ...args) => heard.push([event, ...args]) }
		);
		sockets.push(socket);
		return { socket, heard };
	}
	const answers = (heard: [string, ...unknown[]][]) =>
		heard.filter(([event]) => event === 'doc:opened').map(([, name, result]) => [name, result]);
	const refusal = async (open: unknown): Promise<string> =>
		participant(open).then(
			() => 'connected',
			(error: Error & { data?: { code: string } }) => `${error.data?.code}: ${error.message}`
		);

	beforeAll(async () => {
		server = await startServer();
		workshop = await createWorkshop(server.url, 'Handslag');
		await openPhase(server.url, workshop, 'onskvard');
		session = (await joinWorkshop(server.url, workshop.code)).session;
		const facilitator = connect(server.url, workshop.id, { facilitator: workshop.facilitatorSecret });
		const canvas = facilitator.open(CANVAS);
		await facilitator.whenSynced(CANVAS);
		void sendCard(canvas, {
			id: 'first',
			kind: 'onskvard',
			text: 'Finns redan',
			authorId: 'facilitator',
			sector: 'facilitator',
			createdAt: new Date().toISOString()
		});
		await facilitator.flushed();
	});
	afterEach(() => sockets.splice(0).forEach((socket) => socket.disconnect()));
	afterAll(async () => server?.stop());

	it('sends what the copy lacks and then doc:opened, and the document is open on the socket without doc:open', async () => {
		const { socket, heard } = await participant([{ doc: CANVAS, sv: EMPTY }]);
		await waitFor(() => answers(heard).length === 1, 'the answer to the handshake’s document');
		expect(heard.map(([event, name]) => `${event} ${String(name)}`)).toEqual([`y ${CANVAS}`, `doc:opened ${CANVAS}`]);
		expect(answers(heard)).toEqual([[CANVAS, { ok: true }]]);
		const replica = new Y.Doc();
		const message = decodeYMessage(heard[0]![2] as Uint8Array);
		if (message.type !== 'update') throw new Error('expected the document’s contents');
		Y.applyUpdate(replica, message.update);
		expect(readCards(replica).map((card) => card.text)).toEqual(['Finns redan']);
		// Open on this socket: a state vector on it is answered, not refused with "open the document first".
		expect(await socket.emitWithAck('y', CANVAS, encodeSyncStep1(replica))).toEqual({ ok: true });
	});

	it('answers each named document in turn: refused ones say why, the others open, and the connection stays', async () => {
		const ahead = new Y.Doc();
		ahead.getMap('cards').set('x', 1); // changes the server never had
		const { socket, heard } = await participant([
			{ doc: 'control', sv: EMPTY },
			{ doc: 'canvas:grupp-99', sv: EMPTY },
			{ doc: 'draft:someone-else', sv: EMPTY },
			{ doc: 'nonsense', sv: EMPTY },
			{ doc: CANVAS, sv: stateVectorText(ahead) },
			{ doc: 'map:plenary', sv: '////' }
		]);
		await waitFor(() => answers(heard).length === 6, 'six answers');
		const codes = answers(heard).map(
			([name, result]) => `${String(name)} ${(result as Ack).ok ? 'ok' : (result as Ack & { ok: false }).error.code}`
		);
		expect(codes).toEqual([
			'control ok',
			'canvas:grupp-99 not_found',
			'draft:someone-else forbidden',
			'nonsense bad_request',
			`${CANVAS} conflict`,
			'map:plenary bad_request'
		]);
		for (const [, result] of answers(heard))
			if (!(result as Ack).ok) expect((result as Ack & { ok: false }).error.message.length).toBeGreaterThan(5);
		// Still connected, and what failed can be opened the ordinary way.
		expect(await socket.emitWithAck('doc:open', 'map:plenary')).toEqual({ ok: true });
	});

	it('refuses a handshake that names too many documents or sends a state vector that is not base64, and lets a good one in', async () => {
		const many = Array.from({ length: HANDSHAKE_DOCS_MAX + 1 }, (_, i) => ({ doc: `map:m${i}`, sv: EMPTY }));
		expect(await refusal(many)).toMatch(/^bad_request: invalid handshake: open: /);
		expect(await refusal([{ doc: CANVAS, sv: 'inte base64!' }])).toMatch(/^bad_request: /);
		expect(await refusal([{ doc: CANVAS, sv: 'A'.repeat(5000) }])).toMatch(/^bad_request: /);
		expect(await refusal({ doc: CANVAS })).toMatch(/^bad_request: invalid handshake: open: /);
		expect(await refusal([1, 2].map(() => ({ doc: CANVAS, sv: EMPTY })))).toBe(
			'bad_request: invalid handshake: open: names a document twice'
		);
		expect(await refusal([{ doc: CANVAS, sv: EMPTY }])).toBe('connected');
	});

	it('lets the app’s client open its page’s documents in the handshake, and a reconnect sends what was written offline', async () => {
		const writer = connect(server.url, workshop.id, { participant: session });
		const sent: string[] = [];
		writer.socket.onAnyOutgoing((event) => sent.push(event));
		const canvas = writer.open(CANVAS);
		writer.open('control');
		await Promise.all([writer.whenSynced(CANVAS), writer.whenSynced('control')]);
		expect(sent).not.toContain('doc:open');
		expect(readCards(canvas.doc).map((card) => card.text)).toContain('Finns redan');

		writer.socket.disconnect();
		const offline = sendCard(canvas, {
			id: 'offline',
			kind: 'onskvard',
			text: 'Skrivet utan nät',
			authorId: 'someone',
			sector: 'skola',
			createdAt: new Date().toISOString()
		});
		writer.socket.connect();
		await offline;
		await writer.flushed();
		expect(sent.filter((event) => event === 'edit')).toHaveLength(1);
		expect(sent).not.toContain('doc:open');

		const reader = connect(server.url, workshop.id, { facilitator: workshop.facilitatorSecret });
		const stored = reader.open(CANVAS);
		await reader.whenSynced(CANVAS);
		expect(readCards(stored.doc).map((card) => card.text)).toContain('Skrivet utan nät');
	});
});
