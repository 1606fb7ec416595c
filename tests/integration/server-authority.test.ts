import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import * as Y from 'yjs';
import type { SyncClient } from '../../src/lib/client/sync-client';
import { PROTOCOL_VERSION, type Ack } from '../../src/lib/sync/protocol';
import { readCards } from '../../src/lib/sync/cards';
import { readMap } from '../../src/lib/sync/map';
import { encodeUpdate } from '../../src/lib/sync/yjs-messages';
import { connectClient, rawSocket } from '../helpers/clients';
import { applied, sendCard } from '../helpers/commands';
import { startServer, type RunningServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/workshop-api';

const CANVAS = 'canvas:plenary';
const MAP = 'map:plenary';
const PASSPHRASE = 'en lång organisatörsfras';

/** A hand-written client (see rawSocket) as a participant. */
const hostileSocket = (url: string, workshop: string, participant: string): Promise<Socket> =>
	rawSocket(url, { workshop, protocol: PROTOCOL_VERSION, participant });

describe('the server is the only writer: a hostile participant changes nothing they may not', () => {
	let server: RunningServer;
	let victim: CreatedWorkshop;
	let bystander: CreatedWorkshop;
	let honestId: string;
	const clients: SyncClient[] = [];
	let attacker: Socket;
	let seq = 0;
	const edit = (name: string, command: unknown): Promise<Ack> =>
		attacker.emitWithAck('edit', name, { client: 'attacker-tab', seq: ++seq, command });
	const asFacilitator = (w: CreatedWorkshop) => ({ authorization: `Bearer ${w.facilitatorSecret}` });
	const exported = async () =>
		(await fetch(`${server.url}/api/workshops/${victim.id}/export.json`, { headers: asFacilitator(victim) })).json();

	beforeAll(async () => {
		server = await startServer({ env: { ORGANISER_PASSPHRASE: PASSPHRASE } });
		victim = await createWorkshop(server.url, 'Angripen workshop');
		bystander = await createWorkshop(server.url, 'Förbipasserande');
		const facilitator = connectClient(server.url, victim.id, { facilitator: victim.facilitatorSecret });
		clients.push(facilitator);
		expect(await facilitator.command({ type: 'phase.set', phase: 'tillganglig' })).toEqual({ ok: true });
		const honest = await joinWorkshop(server.url, victim.code, { sector: 'skola' });
		honestId = honest.participantId;
		const honestClient = connectClient(server.url, victim.id, { participant: honest.session });
		clients.push(honestClient);
		const canvas = honestClient.open(CANVAS);
		const map = honestClient.open(MAP);
		await Promise.all([honestClient.whenSynced(CANVAS), honestClient.whenSynced(MAP)]);
		const author = { authorId: honestId, sector: 'skola' } as const;
		const at = new Date().toISOString();
		await applied(
			sendCard(canvas, { id: 'wish', kind: 'onskvard', text: 'Frånvaro per skola', authorId: honestId, sector: 'skola', createdAt: at })
		);
		await applied(
			sendCard(canvas, {
				id: 'data',
				kind: 'tillganglig',
				text: 'Skolverkets statistik',
				authorId: honestId,
				sector: 'skola',
				createdAt: at,
				available: { wishIds: ['wish'], source: 'Skolverket', level: 'nationell', uses: ['utforska'], url: 'https://www.skolverket.se' }
			})
		);
		await applied(
			map.edit(
				{
					type: 'factor.add',
					factors: [
						{ id: 'trygghet', label: 'Trygghet', kind: 'faktor', x: 10, y: 10 },
						{ id: 'narvaro', label: 'Närvaro', kind: 'faktor' }
					]
				},
				author
			)
		);
		await applied(map.edit({ type: 'link.add', id: 'tn', from: 'trygghet', to: 'narvaro', polarity: '+' }, author));
		const hidden = await facilitator.command({ type: 'card.hide', canvas: CANVAS, cardId: 'wish', reason: 'test' });
		expect(hidden).toEqual({ ok: true });
		await facilitator.command({ type: 'card.unhide', canvas: CANVAS, cardId: 'wish' });

		const bad = await joinWorkshop(server.url, victim.code, { sector: 'annat' });
		attacker = await hostileSocket(server.url, victim.id, bad.session);
		expect(await attacker.emitWithAck('doc:open', CANVAS)).toEqual({ ok: true });
		expect(await attacker.emitWithAck('doc:open', MAP)).toEqual({ ok: true });
		expect(await attacker.emitWithAck('doc:open', 'control')).toEqual({ ok: true });
	});
	afterAll(async () => {
		attacker?.disconnect();
		clients.forEach((c) => c.destroy());
		await server?.stop();
	});

	it('refuses forged edits of another person’s card, map entries and the facilitator’s fields', async () => {
		const attempts: [string, unknown, string][] = [
			[CANVAS, { type: 'card.edit', id: 'wish', text: 'Förfalskad' }, 'forbidden'],
			[CANVAS, { type: 'card.remove', id: 'data' }, 'forbidden'],
			[CANVAS, { type: 'card.add', id: 'wish', kind: 'onskvard', text: 'Kapad' }, 'forbidden'],
			[CANVAS, { type: 'card.add', id: 'x1', kind: 'onskvard', text: 'Mitt namn?', authorId: honestId }, 'bad_request'],
			[CANVAS, { type: 'card.add', id: 'x2', kind: 'onskvard', text: 'Sektor?', sector: 'facilitator' }, 'bad_request'],
			[CANVAS, { type: 'card.add', id: 'x3', kind: 'onskvard', text: 'Dold?', hidden: false }, 'bad_request'],
			[CANVAS, { type: 'card.add', id: 'x5', kind: 'onskvard', text: 'Polisen tycker', paperSector: 'polis' }, 'forbidden'],
			[MAP, { type: 'factor.add', factors: [{ id: 'f9', label: 'Märkt', kind: 'faktor', tag: 'ond' }] }, 'bad_request'],
			[MAP, { type: 'factor.remove', id: 'trygghet' }, 'forbidden'],
			[MAP, { type: 'link.remove', id: 'tn' }, 'forbidden'],
			[MAP, { type: 'factor.edit', id: 'trygghet', kind: 'ogiltig' }, 'bad_request'],
			[MAP, { type: 'map.meta', title: 'Kapad karta' }, 'forbidden'],
			['control', { type: 'card.add', id: 'x4', kind: 'onskvard', text: 'Fel dokument' }, 'bad_request']
		];
		for (const [doc, command, code] of attempts) {
			expect(await edit(doc, command), JSON.stringify(command)).toMatchObject({ ok: false, error: { code, message: expect.any(String) } });
		}
		const document = await exported();
		const wish = document.canvases.flatMap((c: { cards: { id: string }[] }) => c.cards).find((c: { id: string }) => c.id === 'wish');
		expect(wish).toMatchObject({ text: 'Frånvaro per skola', authorId: honestId });
		expect(document.maps[0].factors.map((f: { id: string; kind: string }) => [f.id, f.kind])).toEqual([
			['narvaro', 'faktor'],
			['trygghet', 'faktor']
		]);
	});

	it('refuses values that would break a page or an export, with a reason', async () => {
		const breaking = [
			{ type: 'card.add', id: 'b1', kind: 'tillganglig', text: 'Tom', available: {} },
			{
				type: 'card.add',
				id: 'b2',
				kind: 'tillganglig',
				text: 'Länk',
				available: { wishIds: ['wish'], source: 'S', level: 'kommunal', uses: ['utforska'], url: 'javascript:alert(1)' }
			},
			{ type: 'card.add', id: 'b3', kind: 'nasta-steg', text: 'Steg', nextStep: { prompt: 'boka-mote', owner: 'Jag', due: 'not-a-date' } },
			{
				type: 'card.add',
				id: 'b4',
				kind: 'tillganglig',
				text: 'Källa',
				available: { wishIds: ['wish'], source: 42, level: 'kommunal', uses: ['utforska'] }
			},
			{ type: 'card.add', id: 'b5', kind: 'onskvard', text: 'x'.repeat(100_000) }
		];
		for (const command of breaking) {
			const result = await edit(CANVAS, command);
			expect(result.ok, JSON.stringify(command).slice(0, 80)).toBe(false);
		}
		for (const path of ['report', 'export.zip', 'export.json']) {
			expect((await fetch(`${server.url}/api/workshops/${victim.id}/${path}`, { headers: asFacilitator(victim) })).status, path).toBe(200);
		}
		expect(
			(await fetch(`${server.url}/f/${victim.id}/rapport`, { headers: { cookie: `dd_f_${victim.id}=${victim.facilitatorSecret}` } })).status
		).toBe(200);
	});

	it('refuses raw Yjs updates, also ones that claim another client’s clock range or write a GC struct', async () => {
		const forged = new Y.Doc();
		const entry = new Y.Map<unknown>();
		forged.getMap('cards').set('wish', entry);
		entry.set('authorId', honestId);
		entry.set('text', 'Överskriven');
		const update = Y.encodeStateAsUpdate(forged);
		for (const doc of [CANVAS, MAP, 'control']) {
			expect(await attacker.emitWithAck('y', doc, encodeUpdate(update))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		}
		const reader = connectClient(server.url, victim.id, { facilitator: victim.facilitatorSecret });
		clients.push(reader);
		const canvas = reader.open(CANVAS);
		await reader.whenSynced(CANVAS);
		expect(readCards(canvas.doc).find((c) => c.id === 'wish')?.text).toBe('Frånvaro per skola');
	});

	it('drops awareness frames instead of relaying them', async () => {
		const listener = await hostileSocket(server.url, victim.id, (await joinWorkshop(server.url, victim.code)).session);
		await listener.emitWithAck('doc:open', 'control');
		const received: unknown[] = [];
		listener.on('y', (_name: string, payload: unknown) => received.push(payload));
		const garbage = new Uint8Array(200 * 1024).fill(7);
		garbage[0] = 1;
		for (let i = 0; i < 10; i++) {
			expect(await attacker.emitWithAck('y', 'control', garbage)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
		}
		// Proof that nothing was relayed: a real change after the garbage arrives, and it is all that did.
		const facilitator = connectClient(server.url, victim.id, { facilitator: victim.facilitatorSecret });
		clients.push(facilitator);
		await facilitator.command({ type: 'summon', summoned: true });
		await waitFor(() => received.length > 0, 'the summon to reach the listener');
		expect(received.every((payload) => (payload as Uint8Array).byteLength < 10_000)).toBe(true);
		listener.disconnect();
	});

	it('keeps serving other workshops while one participant floods the map with the largest commands it may send', async () => {
		const factors = (n: number) => Array.from({ length: 50 }, (_, i) => ({ id: `f${n}-${i}`, label: `Faktor ${n}-${i}`, kind: 'faktor' }));
		const flood = Array.from({ length: 12 }, (_, n) => edit(MAP, { type: 'factor.add', factors: factors(n) }));
		const other = await joinWorkshop(server.url, bystander.code);
		const otherClient = connectClient(server.url, bystander.id, { participant: other.session });
		clients.push(otherClient);
		const health = fetch(`${server.url}/healthz`);
		const results = await Promise.all(flood);
		expect((await health).status).toBe(200);
		// The map holds at most MAP_FACTORS_MAX factors; what is over it is refused, not stored.
		expect(results.filter((r) => r.ok).length).toBe(9);
		expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'forbidden')).toBe(true);
		const tooMany = await attacker.emitWithAck('edit', MAP, {
			client: 'attacker-tab',
			seq: ++seq,
			command: { type: 'factor.add', factors: factors(99).concat(factors(98)) }
		});
		expect(tooMany).toMatchObject({ ok: false, error: { code: 'bad_request' } });
		otherClient.open(CANVAS);
		await otherClient.whenSynced(CANVAS);
		const reader = connectClient(server.url, victim.id, { facilitator: victim.facilitatorSecret });
		clients.push(reader);
		const map = reader.open(MAP);
		await reader.whenSynced(MAP);
		expect(readMap(map.doc).factors.length).toBeLessThanOrEqual(500);
	});

	it('applies a command sent twice only once, even after someone else changed the same thing', async () => {
		const author = { authorId: 'facilitator', sector: 'facilitator' } as const;
		const envelope = {
			client: 'attacker-tab',
			seq: ++seq,
			command: { type: 'factor.move', positions: [{ id: 'trygghet', x: 111, y: 111 }] }
		};
		expect(await attacker.emitWithAck('edit', MAP, envelope)).toEqual({ ok: true });
		const facilitator = connectClient(server.url, victim.id, { facilitator: victim.facilitatorSecret });
		clients.push(facilitator);
		const map = facilitator.open(MAP);
		await facilitator.whenSynced(MAP);
		await applied(map.edit({ type: 'factor.move', positions: [{ id: 'trygghet', x: 222, y: 222 }] }, author));
		// A retry of the first move after a lost acknowledgement: acknowledged, not applied again.
		expect(await attacker.emitWithAck('edit', MAP, envelope)).toEqual({ ok: true });
		const document = await exported();
		expect(document.maps[0].factors.find((f: { id: string }) => f.id === 'trygghet')).toMatchObject({ x: 222, y: 222 });
	});

	it('still exports and imports the attacked workshop whole', async () => {
		const body = await (await fetch(`${server.url}/api/workshops/${victim.id}/export.json`, { headers: asFacilitator(victim) })).text();
		const imported = await fetch(`${server.url}/api/workshops/import`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${PASSPHRASE}` },
			body
		});
		expect(imported.status).toBe(201);
	});
});
