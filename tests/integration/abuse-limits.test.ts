import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as ioClient } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../src/lib/sync/protocol';
import { wireParser } from '../../src/lib/transport/wire-parser';
import { startServer, type RunningServer } from '../helpers/server';
import { createWorkshop, joinWorkshop } from '../helpers/workshop-api';

const PASSPHRASE = 'en lång lösenfras för arkivet';

/** Each test speaks from its own forwarded addresses (TRUST_PROXY=1), so limits do not leak between tests. */
const from = (address: string, headers: Record<string, string> = {}) => ({ 'x-forwarded-for': address, ...headers });
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

describe('limits per client address behind a proxy', () => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startServer({ env: { ORGANISER_PASSPHRASE: PASSPHRASE, TRUST_PROXY: '1' } });
	});
	afterAll(async () => server?.stop());

	const arkivLogin = (address: string, passphrase: string) =>
		fetch(`${server.url}/arkiv?/login`, {
			method: 'POST',
			redirect: 'manual',
			headers: from(address, {
				origin: server.url,
				accept: 'text/html',
				'x-forwarded-proto': 'http',
				'content-type': 'application/x-www-form-urlencoded'
			}),
			body: new URLSearchParams({ passphrase })
		});
	const importWith = (address: string, secret: string) =>
		fetch(`${server.url}/api/workshops/import`, {
			method: 'POST',
			headers: from(address, { ...bearer(secret), 'content-type': 'application/json' }),
			body: '{}'
		});

	it('counts wrong organiser passphrases from every sign-in path together, per address', async () => {
		const workshop = await createWorkshop(server.url, 'Gissningsmål');
		const exportJson = (address: string, secret: string) =>
			fetch(`${server.url}/api/workshops/${workshop.id}/export.json`, { headers: from(address, bearer(secret)) });
		const attacker = '203.0.113.10';
		for (let i = 0; i < 4; i++) expect((await exportJson(attacker, `fel-${i}`)).status).toBe(403);
		for (let i = 0; i < 3; i++) expect((await arkivLogin(attacker, `fel-${i}-lösenfras`)).status).toBe(400);
		for (let i = 0; i < 3; i++) expect((await importWith(attacker, `fel-${i}`)).status).toBe(403);

		// Now even the right passphrase is refused from that address, on every path.
		const refused = await exportJson(attacker, PASSPHRASE);
		expect(refused.status).toBe(429);
		expect((await refused.json()).error.code).toBe('rate_limited');
		expect((await importWith(attacker, PASSPHRASE)).status).toBe(429);
		expect((await arkivLogin(attacker, PASSPHRASE)).status).toBe(429);
		// The facilitator's own secret still works from there; other addresses are not locked out.
		expect((await exportJson(attacker, workshop.facilitatorSecret)).status).toBe(200);
		expect((await exportJson('203.0.113.11', PASSPHRASE)).status).toBe(200);
		expect((await arkivLogin('203.0.113.11', PASSPHRASE)).status).toBe(303);
	});

	it('guards the participant page against code guessing: 404s count, 429 after 30 misses, real codes unaffected elsewhere', async () => {
		const workshop = await createWorkshop(server.url, 'Riktig kod');
		const page = (address: string, code: string) => fetch(`${server.url}/w/${code}`, { redirect: 'manual', headers: from(address) });
		const guesser = '198.51.100.20';
		for (let i = 0; i < 30; i++) expect((await page(guesser, `ZZZZ${String(i).padStart(2, '0')}`)).status).toBe(404);
		expect((await page(guesser, 'ZZZZ99')).status).toBe(429);
		expect((await fetch(`${server.url}/j/ZZZZ98`, { headers: from(guesser) })).status).toBe(429);
		expect((await page('198.51.100.21', workshop.code)).status).toBe(303);
	});

	it('keys the socket.io handshake on the forwarded address too', async () => {
		const handshake = (address: string) =>
			new Promise<string>((resolve) => {
				const socket = ioClient(server.url, {
					forceNew: true,
					transports: ['websocket'],
					reconnection: false,
					parser: wireParser,
					extraHeaders: from(address),
					auth: { workshop: 'nosuchworkshop', protocol: PROTOCOL_VERSION }
				});
				socket.once('connect_error', (error) => {
					socket.close();
					resolve((error as Error & { data?: { code: string } }).data?.code ?? 'none');
				});
			});
		for (let i = 0; i < 30; i++) expect(await handshake('192.0.2.30')).toBe('not_found');
		expect(await handshake('192.0.2.30')).toBe('rate_limited');
		expect(await handshake('192.0.2.31')).toBe('not_found');
	});

	it('limits joins per address and workshop, through the API and the join form alike', async () => {
		const workshop = await createWorkshop(server.url, 'Fullt hus');
		const join = (address: string) =>
			fetch(`${server.url}/api/workshops/${workshop.code}/participants`, {
				method: 'POST',
				headers: from(address, { 'content-type': 'application/json' }),
				body: JSON.stringify({ displayName: '', sector: 'skola' })
			});
		const flooder = '198.51.100.40';
		for (let i = 0; i < 60; i++) expect((await join(flooder)).status).toBe(201);
		const refused = await join(flooder);
		expect(refused.status).toBe(429);
		expect((await refused.json()).error.code).toBe('rate_limited');
		const form = await fetch(`${server.url}/j/${workshop.code}`, {
			method: 'POST',
			redirect: 'manual',
			headers: from(flooder, {
				origin: server.url,
				accept: 'text/html',
				'x-forwarded-proto': 'http',
				'content-type': 'application/x-www-form-urlencoded'
			}),
			body: new URLSearchParams({ displayName: 'Ny', sector: 'skola' })
		});
		expect(form.status).toBe(429);
		expect((await join('198.51.100.41')).status).toBe(201);
		const info = await (await fetch(`${server.url}/api/workshops/${workshop.code}`, { headers: from('198.51.100.41') })).json();
		expect(info.participantCount).toBe(61);
	});
});

describe('removing a participant', () => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startServer();
	});
	afterAll(async () => server?.stop());

	it('is facilitator-only, disconnects their sockets, ends their session and frees their place', async () => {
		const workshop = await createWorkshop(server.url, 'Städning');
		const other = await createWorkshop(server.url, 'Annan');
		const unwanted = await joinWorkshop(server.url, workshop.code, { displayName: 'Spam' });
		const kept = await joinWorkshop(server.url, workshop.code, { displayName: 'Kvar' });
		const connect = (session: string) =>
			new Promise<ReturnType<typeof ioClient>>((resolve, reject) => {
				const socket = ioClient(server.url, {
					forceNew: true,
					transports: ['websocket'],
					reconnection: false,
					parser: wireParser,
					auth: { workshop: workshop.id, protocol: PROTOCOL_VERSION, participant: session }
				});
				socket.once('connect', () => resolve(socket));
				socket.once('connect_error', reject);
			});
		const unwantedSocket = await connect(unwanted.session);
		const keptSocket = await connect(kept.session);
		const disconnected = new Promise<string>((resolve) => unwantedSocket.once('disconnect', (reason) => resolve(reason)));

		const url = (w: { id: string }, participantId: string) => `${server.url}/api/workshops/${w.id}/participants/${participantId}`;
		expect((await fetch(url(workshop, unwanted.participantId), { method: 'DELETE' })).status).toBe(401);
		expect(
			(await fetch(url(workshop, unwanted.participantId), { method: 'DELETE', headers: bearer(other.facilitatorSecret) })).status
		).toBe(403);
		expect((await fetch(url(workshop, 'nosuchperson'), { method: 'DELETE', headers: bearer(workshop.facilitatorSecret) })).status).toBe(
			404
		);
		// A participant of another workshop is unknown here.
		const elsewhere = await joinWorkshop(server.url, other.code);
		expect(
			(await fetch(url(workshop, elsewhere.participantId), { method: 'DELETE', headers: bearer(workshop.facilitatorSecret) })).status
		).toBe(404);

		const removed = await fetch(url(workshop, unwanted.participantId), { method: 'DELETE', headers: bearer(workshop.facilitatorSecret) });
		expect(removed.status).toBe(200);
		expect(await removed.json()).toEqual({ removed: true });
		expect(await disconnected).toBe('io server disconnect');
		expect(keptSocket.connected).toBe(true);
		await expect(connect(unwanted.session)).rejects.toThrow();
		const page = await fetch(`${server.url}/w/${workshop.code}`, {
			redirect: 'manual',
			headers: { cookie: `dd_p_${workshop.id}=${unwanted.session}` }
		});
		expect(page.status).toBe(303);
		const keptPage = await fetch(`${server.url}/w/${workshop.code}`, {
			redirect: 'manual',
			headers: { cookie: `dd_p_${workshop.id}=${kept.session}` }
		});
		expect(keptPage.status).toBe(200);
		const info = await (await fetch(`${server.url}/api/workshops/${workshop.code}`)).json();
		expect(info.participantCount).toBe(1);
		expect(
			(await fetch(url(workshop, unwanted.participantId), { method: 'DELETE', headers: bearer(workshop.facilitatorSecret) })).status
		).toBe(404);
		keptSocket.close();
	});
});
