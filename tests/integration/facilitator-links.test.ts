import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsClosedAfterEach } from '../helpers/clients';
import { startServer, type RunningServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/workshop-api';

const PASSPHRASE = 'en lång organisatörsfras för länkar';

describe('co-facilitator links: a link of its own per co-facilitator, revocable, and the organiser’s way in', () => {
	let server: RunningServer;
	let workshop: CreatedWorkshop;
	const open = clientsClosedAfterEach();
	const connect = (secret: string, w = workshop) => open(server.url, w.id, { facilitator: secret });
	const links = (w = workshop) => `${server.url}/api/workshops/${w.id}/facilitator-links`;
	const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
	const create = (secret: string, body: unknown, w = workshop) =>
		fetch(links(w), { method: 'POST', headers: { ...bearer(secret), 'content-type': 'application/json' }, body: JSON.stringify(body) });
	const secretOf = (url: string) => new URL(url).searchParams.get('key')!;

	beforeAll(async () => {
		server = await startServer({ env: { ORGANISER_PASSPHRASE: PASSPHRASE } });
		workshop = await createWorkshop(server.url, 'Länkar i Upplands Väsby');
	});
	afterAll(async () => server?.stop());

	it('gives a co-facilitator a link whose secret opens the workshop as facilitator, over HTTP and the socket', async () => {
		const response = await create(workshop.facilitatorSecret, { label: 'Anna, fältgruppen' });
		expect(response.status).toBe(201);
		expect(response.headers.get('cache-control')).toBe('no-store');
		const link = await response.json();
		expect(link).toMatchObject({ id: expect.any(String), label: 'Anna, fältgruppen', revokedAt: null });
		expect(link.url).toMatch(new RegExp(`/f/${workshop.id}\\?key=`));
		const secret = secretOf(link.url);
		expect(secret).not.toBe(workshop.facilitatorSecret);

		const listed = await (await fetch(links(), { headers: bearer(secret) })).json();
		expect(listed.links).toEqual([{ id: link.id, label: 'Anna, fältgruppen', createdAt: link.createdAt, revokedAt: null }]);
		expect(JSON.stringify(listed)).not.toContain(secret);

		const anna = connect(secret);
		expect(await anna.command({ type: 'phase.set', phase: 'samverkan' })).toEqual({ ok: true });
		// The facilitator page opens with the link, and keeps the secret in a cookie.
		const page = await fetch(link.url, { redirect: 'manual' });
		expect(page.status).toBe(303);
		expect(page.headers.get('set-cookie')).toContain(`dd_f_${workshop.id}=`);
	});

	it('revoking a link closes its connection at once and it opens nothing any more; the owner and other links keep working', async () => {
		const first = await (await create(workshop.facilitatorSecret, { label: 'Andra datorn' })).json();
		const second = await (await create(workshop.facilitatorSecret, { label: 'Bo, skolan' })).json();
		const revoked = connect(secretOf(first.url));
		const kept = connect(secretOf(second.url));
		await waitFor(() => revoked.status === 'online' && kept.status === 'online', 'both links connected');

		const answer = await fetch(`${links()}/${first.id}`, { method: 'DELETE', headers: bearer(workshop.facilitatorSecret) });
		expect(answer.status).toBe(204);
		await waitFor(() => revoked.status === 'offline', 'the revoked link’s connection to close');
		expect(kept.status).toBe('online');
		expect(await kept.command({ type: 'timer.start' })).toEqual({ ok: true });

		expect((await fetch(links(), { headers: bearer(secretOf(first.url)) })).status).toBe(403);
		const again = connect(secretOf(first.url));
		await waitFor(() => again.status === 'refused', 'the revoked secret to be refused');
		expect((await fetch(first.url, { redirect: 'manual' })).status).toBe(403);
		// Revoking twice, or a link that does not exist: 404. The listing keeps it, marked revoked.
		expect((await fetch(`${links()}/${first.id}`, { method: 'DELETE', headers: bearer(workshop.facilitatorSecret) })).status).toBe(404);
		const listed = await (await fetch(links(), { headers: bearer(workshop.facilitatorSecret) })).json();
		expect(listed.links.find((l: { id: string }) => l.id === first.id).revokedAt).toEqual(expect.any(String));
		expect((await fetch(links(), { headers: bearer(workshop.facilitatorSecret) })).status).toBe(200);
	});

	it('lets an organiser open any workshop as facilitator through a link of their own', async () => {
		const response = await create(PASSPHRASE, { label: 'Organisatör' });
		expect(response.status).toBe(201);
		const { url } = await response.json();
		expect(await connect(secretOf(url)).command({ type: 'timer.reset' })).toEqual({ ok: true });
	});

	it('refuses participants, strangers, another workshop’s secret and bad labels, with English messages', async () => {
		const other = await createWorkshop(server.url, 'Annan workshop');
		const { session } = await joinWorkshop(server.url, workshop.code, { sector: 'polis' });
		const asParticipant = { cookie: `dd_p_${workshop.id}=${session}`, 'content-type': 'application/json' };
		expect((await fetch(links(), { method: 'POST', headers: asParticipant, body: JSON.stringify({ label: 'Jag' }) })).status).toBe(401);
		expect((await fetch(links())).status).toBe(401);
		expect((await create(other.facilitatorSecret, { label: 'Kapad' })).status).toBe(403);
		const otherLink = await (await create(other.facilitatorSecret, { label: 'Egen' }, other)).json();
		expect((await fetch(links(), { headers: bearer(secretOf(otherLink.url)) })).status).toBe(403);
		expect((await fetch(`${links()}/${otherLink.id}`, { method: 'DELETE', headers: bearer(workshop.facilitatorSecret) })).status).toBe(404);

		for (const body of [
			{},
			{ label: '' },
			{ label: '   ' },
			{ label: 'x'.repeat(61) },
			{ label: 'Anna\u202E' },
			{ label: 'Anna', secret: 'mitt' }
		]) {
			const answer = await create(workshop.facilitatorSecret, body);
			expect(answer.status, JSON.stringify(body)).toBe(400);
			expect((await answer.json()).error.message).toMatch(/[a-z]/);
		}
		const stored = await (await fetch(links(), { headers: bearer(workshop.facilitatorSecret) })).json();
		expect(stored.links.map((l: { label: string }) => l.label)).not.toContain('Kapad');
	});
});
