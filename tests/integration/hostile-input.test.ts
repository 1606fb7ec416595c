import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { readCards } from '../../src/lib/sync/cards';
import { sendCard } from '../helpers/commands';
import { MAX_OPEN_DOCS, MAX_UPDATE_BYTES, PROTOCOL_VERSION, type Ack } from '../../src/lib/sync/protocol';
import { encodeSyncStep1, encodeUpdate } from '../../src/lib/sync/yjs-messages';
import { connectClient, rawSocket } from '../helpers/clients';
import { startServer, type RunningServer } from '../helpers/server';
import { createWorkshop, joinWorkshop } from '../helpers/workshop-api';

const CANVAS = 'canvas:plenary';

/** A deterministic pseudo-random source, so a failing fuzz run can be replayed. */
function lcg(seed: number) {
	let state = seed >>> 0;
	return () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

describe('hostile and broken input', () => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startServer();
	});
	afterAll(async () => server?.stop());

	it('rejects thousands of random messages one by one, keeps other workshops working and damages nothing stored', async () => {
		const victim = await createWorkshop(server.url, 'Fuzz-offer');
		const bystander = await createWorkshop(server.url, 'Förbipasserande');
		const attacker = await joinWorkshop(server.url, victim.code);
		const honest = await joinWorkshop(server.url, bystander.code);

		const owner = connectClient(server.url, victim.id, { facilitator: victim.facilitatorSecret });
		await owner.command({ type: 'phase.set', phase: 'samverkan' });
		const ownerDoc = owner.open(CANVAS);
		await owner.whenSynced(CANVAS);
		void sendCard(ownerDoc, {
			id: 'keep',
			kind: 'samverkan',
			text: 'Ska finnas kvar',
			authorId: 'facilitator',
			sector: 'facilitator',
			createdAt: new Date().toISOString()
		});
		await owner.flushed();

		const socket = await rawSocket(server.url, { workshop: victim.id, protocol: PROTOCOL_VERSION, participant: attacker.session });
		await socket.emitWithAck('doc:open', CANVAS);
		const random = lcg(20261123);
		const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
		const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
		const forgedUpdate = () => {
			const doc = new Y.Doc();
			const entry = new Y.Map<unknown>();
			entry.set('authorId', pick(['facilitator', 'someone-else', attacker.participantId]));
			entry.set('kind', pick(['samverkan', 'nasta-steg', 'x']));
			entry.set('text', 'fuzz');
			doc.getMap(pick(['cards', 'meta', 'state'])).set(pick(['keep', 'new']), entry);
			return encodeUpdate(Y.encodeStateAsUpdate(doc));
		};
		const forgedCommand = () => ({
			client: pick(['abcdefgh12', 'x', 42]),
			seq: pick([1, 2, -1, 1.5, 'one']),
			command: pick([
				{ type: 'card.edit', id: 'keep', text: 'förfalskad' },
				{ type: 'card.remove', id: 'keep' },
				{ type: 'card.add', id: 'keep', kind: 'samverkan', text: 'kapad' },
				{ type: 'card.add', id: 'n', kind: 'samverkan', text: 'x'.repeat(100_000) },
				{ type: 'card.add', id: 'n', kind: 'tillganglig', text: 'data', available: {} },
				{ type: 'card.add', id: 'n', kind: 'samverkan', text: 'hej', authorId: 'facilitator', sector: 'facilitator' },
				{ type: 'factor.add', factors: [{ id: 'f', label: 'x', kind: 'ogiltig' }] },
				{ type: 'map.meta', title: 'kapad' },
				{ type: 'indicator.remove', id: 'x' },
				{ type: 'nonsense' }
			])
		});
		const payloads = [
			() => bytes(1 + Math.floor(random() * 64)),
			() => new Uint8Array([0, Math.floor(random() * 4), ...bytes(8)]),
			() => forgedUpdate(),
			() => forgedCommand(),
			() => pick(['', 'hej', 42, null, true, { type: 'phase.set', phase: 'sammanfattning' }, [1, 2, 3]])
		];
		const events = ['y', 'edit', 'command', 'doc:open', 'doc:close', 'nonsense'];
		const docNames = [CANVAS, 'control', 'ballots', `draft:${attacker.participantId}`, 'draft:other', '../x', 'map:m1', 42];

		let answered = 0;
		let refused = 0;
		for (let i = 0; i < 3000; i++) {
			const event = pick(events);
			const payload = pick(payloads)();
			const name = pick(docNames);
			if (event === 'doc:close' || event === 'nonsense') {
				socket.emit(event, name, payload);
				continue;
			}
			const result = (await socket
				.timeout(5000)
				.emitWithAck(event, ...(event === 'command' ? [payload] : event === 'doc:open' ? [name] : [name, payload]))
				.catch(() => ({ ok: false, error: { code: 'timeout', message: '' } }))) as {
				ok: boolean;
				error?: { code: string; message: string };
			};
			answered++;
			if (!result.ok) {
				refused++;
				expect(result.error?.code).toMatch(/^(bad_request|forbidden|not_found|rate_limited|conflict|too_large)$/);
				expect(result.error?.message.length).toBeGreaterThan(0);
			}
		}
		socket.disconnect();
		expect(answered).toBeGreaterThan(1500);
		expect(refused).toBeGreaterThan(answered * 0.5);

		// Another workshop kept working throughout.
		const other = connectClient(server.url, bystander.id, { participant: honest.session });
		const otherDoc = other.open(CANVAS);
		await other.whenSynced(CANVAS);
		expect(other.status).toBe('online');

		// The victim's stored state is intact: the facilitator's card, the phase, no forged entries.
		const reader = connectClient(server.url, victim.id, { facilitator: victim.facilitatorSecret });
		const canvas = reader.open(CANVAS);
		await reader.whenSynced(CANVAS);
		const cards = readCards(canvas.doc);
		expect(cards.find((c) => c.id === 'keep')?.text).toBe('Ska finnas kvar');
		expect(cards.every((c) => c.authorId === 'facilitator' || c.authorId === attacker.participantId)).toBe(true);
		expect(canvas.doc.getMap('meta').size).toBe(0);
		[owner, other, reader].forEach((c) => c.destroy());
		void otherDoc;
	}, 120_000);

	it('refuses a message over the size limit with too_large and keeps the connection', async () => {
		const w = await createWorkshop(server.url);
		const p = await joinWorkshop(server.url, w.code);
		const socket = await rawSocket(server.url, { workshop: w.id, protocol: PROTOCOL_VERSION, participant: p.session });
		await socket.emitWithAck('doc:open', CANVAS);
		const result = await socket.emitWithAck('y', CANVAS, new Uint8Array(MAX_UPDATE_BYTES + 100));
		expect(result).toMatchObject({ ok: false, error: { code: 'too_large' } });
		expect(socket.connected).toBe(true);
		socket.disconnect();
	});

	it("closes a connection that sends socket.io's two-frame binary packets, and the workshop keeps working", async () => {
		const w = await createWorkshop(server.url);
		const p = await joinWorkshop(server.url, w.code);
		const auth = { workshop: w.id, protocol: PROTOCOL_VERSION, participant: p.session };
		const legacy = await rawSocket(server.url, auth, { parser: null });
		const closed = new Promise<string>((resolve) => legacy.once('disconnect', resolve));
		legacy.emit('y', CANVAS, new Uint8Array([0, 2, 0]));
		expect(await closed).toBe('transport close');

		const good = await rawSocket(server.url, auth);
		expect(await good.emitWithAck('doc:open', CANVAS)).toEqual({ ok: true });
		const reply = new Promise<unknown>((resolve) => good.once('y', (_name: string, payload: unknown) => resolve(payload)));
		expect(await good.emitWithAck('y', CANVAS, encodeSyncStep1(new Y.Doc()))).toEqual({ ok: true });
		expect(await reply).toBeInstanceOf(Uint8Array);
		good.disconnect();
	});

	it('lets a participant open only documents the workshop has, and one connection at most MAX_OPEN_DOCS', async () => {
		const w = await createWorkshop(server.url);
		const p = await joinWorkshop(server.url, w.code);
		const participant = await rawSocket(server.url, { workshop: w.id, protocol: PROTOCOL_VERSION, participant: p.session });
		const open = (socket: Socket, name: string): Promise<Ack> => socket.emitWithAck('doc:open', name);

		// Invented names: refused, and nothing is made of them.
		for (const name of ['canvas:grupp-1', 'map:uppfunnen', 'canvas:hemlig']) {
			expect(await open(participant, name), name).toMatchObject({ ok: false, error: { code: 'not_found' } });
		}
		expect(await open(participant, 'canvas:plenary')).toEqual({ ok: true });
		expect(await open(participant, 'map:plenary')).toEqual({ ok: true });

		// Groups and an imported map bring their documents into being.
		const facilitator = connectClient(server.url, w.id, { facilitator: w.facilitatorSecret });
		expect(await facilitator.command({ type: 'groups.create', count: 2 })).toMatchObject({ ok: true });
		expect(await open(participant, 'canvas:grupp-2')).toEqual({ ok: true });
		expect(await open(participant, 'map:grupp-1')).toEqual({ ok: true });
		const imported = await fetch(`${server.url}/api/workshops/${w.id}/maps`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${w.facilitatorSecret}` },
			body: JSON.stringify({
				title: 'Importerad',
				factors: [
					{ id: 'a', label: 'Ensamhet' },
					{ id: 'b', label: 'Skolfrånvaro' }
				],
				links: [{ from: 'a', to: 'b', polarity: '+' }]
			})
		});
		expect(imported.status).toBe(201);
		const { mapId } = (await imported.json()) as { mapId: string };
		expect(await open(participant, `map:${mapId}`)).toEqual({ ok: true });
		const listed = (await (
			await fetch(`${server.url}/api/workshops/${w.id}/maps`, { headers: { authorization: `Bearer ${w.facilitatorSecret}` } })
		).json()) as {
			maps: { mapId: string }[];
		};
		expect(listed.maps.map((m) => m.mapId).sort()).toEqual([mapId, 'plenary'].sort());
		participant.disconnect();

		// However trusted, one connection holds a bounded number of documents.
		const busy = await rawSocket(server.url, { workshop: w.id, protocol: PROTOCOL_VERSION, facilitator: w.facilitatorSecret });
		const names = Array.from({ length: MAX_OPEN_DOCS }, (_, i) => `canvas:vy-${i}`);
		for (const name of names) expect(await open(busy, name), name).toEqual({ ok: true });
		expect(await open(busy, 'canvas:en-till')).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
		busy.emit('doc:close', names[0]);
		expect(await open(busy, 'canvas:en-till')).toEqual({ ok: true });
		busy.disconnect();
		facilitator.destroy();
	});

	it('rate-limits a flood from one socket', async () => {
		const w = await createWorkshop(server.url);
		const p = await joinWorkshop(server.url, w.code);
		const socket = await rawSocket(server.url, { workshop: w.id, protocol: PROTOCOL_VERSION, participant: p.session });
		const results = await Promise.all(Array.from({ length: 600 }, () => socket.emitWithAck('command', { type: 'vote.view' })));
		const limited = results.filter((r: { ok: boolean; error?: { code: string } }) => !r.ok && r.error?.code === 'rate_limited');
		expect(limited.length).toBeGreaterThan(0);
		socket.disconnect();
	});

	it('refuses wrong or missing facilitator secrets and unknown workshops in the handshake', async () => {
		const w = await createWorkshop(server.url);
		await expect(rawSocket(server.url, { workshop: w.id, protocol: PROTOCOL_VERSION, facilitator: 'wrong' })).rejects.toMatchObject({
			data: { code: 'unauthorized' }
		});
		await expect(rawSocket(server.url, { workshop: w.id, protocol: PROTOCOL_VERSION })).rejects.toMatchObject({
			data: { code: 'unauthorized' }
		});
		await expect(rawSocket(server.url, { workshop: w.id })).rejects.toMatchObject({ data: { code: 'bad_request' } });
		await expect(rawSocket(server.url, { workshop: w.id, protocol: 0 })).rejects.toMatchObject({ data: { code: 'clientTooOld' } });
		await expect(rawSocket(server.url, { workshop: 'ABCDEF', protocol: PROTOCOL_VERSION })).rejects.toMatchObject({
			data: { code: 'not_found' }
		});
	});

	it('refuses control characters, bidi overrides and invisible-only text in titles and names, in English', async () => {
		const create = (title: string) =>
			fetch(`${server.url}/api/workshops`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ title })
			});
		for (const title of ['Budget\u202eafla', 'Rad ett\nRad två', '\u200b\u200c\u200d', '\u2066Isolerad\u2069']) {
			const refused = await create(title);
			expect(refused.status).toBe(400);
			const body = await refused.json();
			expect(body.error.code).toBe('bad_request');
			expect(body.error.message).toMatch(/^title: must /);
		}
		const created = await create('  Ren\u200b titel ');
		expect(created.status).toBe(201);
		const workshop = (await created.json()) as { id: string; code: string; facilitatorSecret: string };
		expect((await (await fetch(`${server.url}/api/workshops/${workshop.code}`)).json()).title).toBe('Ren titel');

		const join = (displayName: string) =>
			fetch(`${server.url}/api/workshops/${workshop.code}/participants`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ displayName, sector: 'skola' })
			});
		for (const displayName of ['\u200b\u200b', 'Admin\u202e', 'Bell\u0007']) {
			const refused = await join(displayName);
			expect(refused.status).toBe(400);
			expect((await refused.json()).error.message).toMatch(/^displayName: must /);
		}
		expect((await join('')).status).toBe(201);

		const importMap = (query: string, body: unknown) =>
			fetch(`${server.url}/api/workshops/${workshop.id}/maps${query}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization: `Bearer ${workshop.facilitatorSecret}` },
				body: JSON.stringify(body)
			});
		const map = { factors: [{ id: 'a', label: 'A' }], links: [] };
		expect((await importMap('', { ...map, title: 'Karta\u202e' })).status).toBe(400);
		expect((await importMap(`?title=${encodeURIComponent('\ufeff\u2060')}`, map)).status).toBe(400);
		expect((await importMap('', { ...map, title: 'Karta ett' })).status).toBe(201);
	});

	it('slows down guessing of join codes: after 30 misses a minute the address is refused', async () => {
		const statuses: number[] = [];
		for (let i = 0; i < 40; i++) {
			const code = `ZZZ${String(100 + i).replace(/[01]/g, '9')}`.slice(0, 6);
			statuses.push((await fetch(`${server.url}/api/workshops/${code}`)).status);
		}
		expect(statuses.filter((s) => s === 404).length).toBeLessThanOrEqual(30);
		expect(statuses.at(-1)).toBe(429);
		// A person who knows a real code is refused too while the address is throttled,
		// which is the price of a shared address; it recovers within a minute.
	});
});
