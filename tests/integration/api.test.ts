import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';
import { createWorkshop, joinWorkshop } from '../helpers/workshop-api';

describe('HTTP API contract', () => {
	let server: RunningServer;
	beforeAll(async () => {
		// The cap test joins 1000 times from this one address.
		server = await startServer({ env: { JOINS_PER_ADDRESS: '2000' } });
	});
	afterAll(async () => server?.stop());

	const post = (path: string, body: string, headers: Record<string, string> = {}) =>
		fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

	it('POST /api/workshops answers 201 with id, code, joinUrl, facilitatorUrl and facilitatorSecret', async () => {
		const response = await post('/api/workshops', JSON.stringify({ title: 'Skolnärvaro i Nynäshamn' }));
		expect(response.status).toBe(201);
		const body = await response.json();
		expect(Object.keys(body).sort()).toEqual(['code', 'facilitatorSecret', 'facilitatorUrl', 'id', 'joinUrl']);
		expect(body.code).toMatch(/^[ABCDEFGHJKLMNPQRSTUVWXYZ2-9]{6}$/);
		expect(body.joinUrl).toBe(`${server.url}/j/${body.code}`);
		expect(body.facilitatorUrl).toBe(`${server.url}/f/${body.id}?key=${body.facilitatorSecret}`);
	});

	it.each([
		['malformed JSON', '{"title": ', 400],
		['an empty title', JSON.stringify({ title: '  ' }), 400],
		['a missing title', JSON.stringify({}), 400],
		['a title of the wrong type', JSON.stringify({ title: 42 }), 400],
		['an oversized body', JSON.stringify({ title: 'x'.repeat(70_000) }), 413]
	])('POST /api/workshops rejects %s with a JSON error', async (_what, body, status) => {
		const response = await post('/api/workshops', body);
		expect(response.status).toBe(status);
		const json = await response.json();
		expect(json.error.code).toMatch(/bad_request|too_large/);
		expect(typeof json.error.message).toBe('string');
	});

	it('GET /api/workshops/:code gives public information and nothing secret', async () => {
		const w = await createWorkshop(server.url, 'Fritid för alla');
		await joinWorkshop(server.url, w.code, { displayName: 'Kim', sector: 'fritid' });
		const response = await fetch(`${server.url}/api/workshops/${w.code.toLowerCase()}`);
		expect(response.status).toBe(200);
		const text = await response.text();
		expect(JSON.parse(text)).toEqual({ code: w.code, title: 'Fritid för alla', phase: 'valj-fraga', status: 'open', participantCount: 1 });
		expect(text).not.toContain(w.facilitatorSecret);
		expect(text).not.toContain('Kim');
	});

	it('GET /api/workshops/:code answers 404 for an unknown code', async () => {
		const response = await fetch(`${server.url}/api/workshops/ZZZZZZ`);
		expect(response.status).toBe(404);
		expect((await response.json()).error.code).toBe('not_found');
	});

	it('POST /api/workshops/:code/participants validates the sector', async () => {
		const w = await createWorkshop(server.url);
		const bad = await post(`/api/workshops/${w.code}/participants`, JSON.stringify({ sector: 'spion' }));
		expect(bad.status).toBe(400);
		const good = await post(`/api/workshops/${w.code}/participants`, JSON.stringify({ sector: 'polis' }));
		expect(good.status).toBe(201);
		expect(Object.keys(await good.json()).sort()).toEqual(['participantId', 'session']);
	});

	it('takes 1000 participants in one workshop and refuses the next, over the API and on the join form', async () => {
		const w = await createWorkshop(server.url);
		const join = () => post(`/api/workshops/${w.code}/participants`, JSON.stringify({ sector: 'skola' }));
		// Sent 50 at a time: the server still counts exactly, one join after another.
		for (let batch = 0; batch < 20; batch++) {
			const statuses = await Promise.all(Array.from({ length: 50 }, async () => (await join()).status));
			expect(new Set(statuses)).toEqual(new Set([201]));
		}
		const extra = await Promise.all([join(), join()]);
		for (const response of extra) {
			expect(response.status).toBe(409);
			expect((await response.json()).error).toMatchObject({ code: 'conflict', message: 'the workshop is full: at most 1000 participants' });
		}
		const form = await fetch(`${server.url}/j/${w.code}`, {
			method: 'POST',
			headers: { origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: 'displayName=Sen&sector=polis'
		});
		expect(form.status).toBe(409);
		expect(await form.text()).toContain('Workshopen är full: högst 1000 deltagare.');
		expect((await (await fetch(`${server.url}/api/workshops/${w.code}`)).json()).participantCount).toBe(1000);
	}, 60_000);

	it('GET /healthz answers 200 when the database answers', async () => {
		const response = await fetch(`${server.url}/healthz`);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ status: 'ok', storage: 'sqlite', unstoredBytes: 0 });
	});

	it('moves the facilitator secret from the link into an httpOnly cookie and off the address bar', async () => {
		const w = await createWorkshop(server.url);
		const response = await fetch(w.facilitatorUrl, { redirect: 'manual' });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(`/f/${w.id}`);
		const cookie = response.headers.get('set-cookie') ?? '';
		expect(cookie).toContain(`dd_f_${w.id}=${w.facilitatorSecret}`);
		expect(cookie).toMatch(/HttpOnly/i);
		const page = await fetch(`${server.url}/f/${w.id}`, { headers: { cookie: cookie.split(';')[0]! } });
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain(w.code);
		expect(html).not.toContain(w.facilitatorSecret);
	});

	it('refuses the facilitator page without the secret or with a wrong one', async () => {
		const w = await createWorkshop(server.url);
		expect((await fetch(`${server.url}/f/${w.id}`)).status).toBe(403);
		expect((await fetch(`${server.url}/f/${w.id}?key=wrong`, { redirect: 'manual' })).status).toBe(403);
	});

	it('never shows the facilitator secret on the participant pages', async () => {
		const w = await createWorkshop(server.url);
		const join = await fetch(`${server.url}/j/${w.code}`);
		expect(join.status).toBe(200);
		expect(await join.text()).not.toContain(w.facilitatorSecret);
		const p = await joinWorkshop(server.url, w.code);
		const board = await fetch(`${server.url}/w/${w.code}`, { headers: { cookie: `dd_p_${w.id}=${p.session}` } });
		expect(board.status).toBe(200);
		expect(await board.text()).not.toContain(w.facilitatorSecret);
	});

	it('sends security headers with a same-origin content security policy', async () => {
		const response = await fetch(`${server.url}/`);
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		const csp = response.headers.get('content-security-policy') ?? '';
		expect(csp).toContain("default-src 'self'");
		expect(csp).not.toMatch(/https?:\/\//);
	});

	it('refuses form posts from another origin (CSRF)', async () => {
		const response = await fetch(`${server.url}/?/create`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
			body: 'title=Kapad'
		});
		expect(response.status).toBe(403);
		const same = await fetch(`${server.url}/?/create`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
			body: 'title=Egen'
		});
		expect(same.status).toBeLessThan(400);
	});

	it('never writes a facilitator secret to the log', async () => {
		const w = await createWorkshop(server.url);
		await fetch(w.facilitatorUrl, { redirect: 'manual' });
		expect(server.logs.join('')).not.toContain(w.facilitatorSecret);
	});
});
