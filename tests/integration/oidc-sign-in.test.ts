import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, signInThroughProvider } from '../helpers/oidc-sign-in';
import { startOidcProvider, type RunningProvider } from '../helpers/oidc-provider';
import { freePort } from '../helpers/ports';
import { startServer, type RunningServer } from '../helpers/server';

const PASSPHRASE = 'lösenfras för små installationer';
const CLIENT = { id: 'datadialog', secret: 'datadialog-test-secret' };
const OTHER_CLIENT = { id: 'another-app', secret: 'another-app-secret' };

describe('organiser sign-in through OpenID Connect', () => {
	let provider: RunningProvider;
	let server: RunningServer;

	beforeAll(async () => {
		const port = await freePort();
		provider = await startOidcProvider({
			clients: [CLIENT, OTHER_CLIENT],
			redirectUri: `http://127.0.0.1:${port}/auth/callback`,
			accounts: [
				{ id: 'kim', email: 'kim@nynashamn.se', groups: ['staff', 'datadialog-organisers'] },
				{ id: 'alex', email: 'alex@haninge.se', groups: ['datadialog-organisers'] },
				{ id: 'sam', email: 'sam@example.org', groups: ['staff'] }
			]
		});
		server = await startServer({
			port,
			env: {
				ORGANISER_PASSPHRASE: PASSPHRASE,
				OIDC_ISSUER: provider.issuer,
				OIDC_CLIENT_ID: CLIENT.id,
				OIDC_CLIENT_SECRET: CLIENT.secret,
				OIDC_ALLOWED_GROUPS: 'datadialog-organisers'
			}
		});
	});

	afterAll(async () => {
		await server?.stop();
		await provider?.stop();
	});

	it('signs an organiser in the allowed group in, and the session reaches the programme API', async () => {
		const jar = new CookieJar();
		expect((await jar.fetch(`${server.url}/api/programme`)).status).toBe(401);
		const callback = await signInThroughProvider({ jar, appUrl: server.url, login: 'kim' });
		expect(callback.status).toBe(303);
		expect(callback.headers.get('location')).toBe('/arkiv');
		expect(jar.has(server.url, 'dd_org_session')).toBe(true);
		const programme = await jar.fetch(`${server.url}/api/programme`);
		expect(programme.status).toBe(200);
		expect(await programme.json()).toMatchObject({ workshops: [], totals: expect.any(Object) });
		expect(server.logs.join('')).toContain('"event":"oidc.signed_in","organiser":"oidc:kim"');
		const archive = await (await jar.fetch(`${server.url}/arkiv`)).text();
		expect(archive).toContain('Inloggad som organisatör.');
	});

	it('refuses someone outside the allowed groups with 403, a Swedish page, an English log line and no session', async () => {
		const jar = new CookieJar();
		const callback = await signInThroughProvider({ jar, appUrl: server.url, login: 'sam' });
		expect(callback.status).toBe(403);
		expect(await callback.text()).toContain('Du har inte behörighet att logga in som organisatör.');
		expect(jar.has(server.url, 'dd_org_session')).toBe(false);
		expect((await jar.fetch(`${server.url}/api/programme`)).status).toBe(401);
		expect(server.logs.join('')).toContain('subject sam is in none of the allowed groups');
	});

	it('refuses a code issued to another client (the audience is not Datadialog): 400, nothing signed in', async () => {
		const jar = new CookieJar();
		const callback = await signInThroughProvider({
			jar,
			appUrl: server.url,
			login: 'kim',
			rewriteAuthorisation: (url) => {
				url.searchParams.set('client_id', OTHER_CLIENT.id);
				return url;
			}
		});
		expect(callback.status).toBe(400);
		expect(await callback.text()).toContain('Inloggningen kunde inte bekräftas');
		expect(jar.has(server.url, 'dd_org_session')).toBe(false);
		expect((await jar.fetch(`${server.url}/api/programme`)).status).toBe(401);
	});

	it('refuses a callback whose state is not the one this browser started with', async () => {
		const jar = new CookieJar();
		const callback = await signInThroughProvider({
			jar,
			appUrl: server.url,
			login: 'kim',
			rewriteAuthorisation: (url) => {
				url.searchParams.set('state', 'a-state-the-app-never-sent-0123456789');
				return url;
			}
		});
		expect(callback.status).toBe(400);
		expect(jar.has(server.url, 'dd_org_session')).toBe(false);
		const withoutPending = await new CookieJar().fetch(`${server.url}/auth/callback?code=x&state=y`);
		expect(withoutPending.status).toBe(400);
		expect(await withoutPending.text()).toContain('Ingen har loggats in.');
	});

	it('ends the session on logout, on the server too: the old cookie no longer opens the programme', async () => {
		const jar = new CookieJar();
		await signInThroughProvider({ jar, appUrl: server.url, login: 'kim' });
		const cookie = jar.header(server.url);
		expect((await jar.fetch(`${server.url}/api/programme`)).status).toBe(200);
		const logout = await jar.fetch(`${server.url}/auth/logout`, { method: 'POST', headers: { origin: server.url } });
		expect(logout.status).toBe(303);
		expect(jar.has(server.url, 'dd_org_session')).toBe(false);
		const replayed = await fetch(`${server.url}/api/programme`, { headers: { cookie } });
		expect(replayed.status).toBe(403);
	});

	it('lets a signed-in organiser import a workshop, as the passphrase does', async () => {
		const created = await fetch(`${server.url}/api/workshops`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ title: 'Mall' })
		});
		const blank = (await created.json()) as { id: string; facilitatorSecret: string };
		const document = await (
			await fetch(`${server.url}/api/workshops/${blank.id}/export.json`, {
				headers: { authorization: `Bearer ${blank.facilitatorSecret}` }
			})
		).json();
		const importAs = (jar: CookieJar) =>
			jar.fetch(`${server.url}/api/workshops/import`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(document)
			});
		expect((await importAs(new CookieJar())).status).toBe(401);
		const jar = new CookieJar();
		await signInThroughProvider({ jar, appUrl: server.url, login: 'alex' });
		expect((await importAs(jar)).status).toBe(201);
	});

	it('gives each organiser identity its own calendar-feed token: rotating mine leaves a colleague’s working', async () => {
		const kim = new CookieJar();
		const alex = new CookieJar();
		await signInThroughProvider({ jar: kim, appUrl: server.url, login: 'kim' });
		await signInThroughProvider({ jar: alex, appUrl: server.url, login: 'alex' });
		const rotate = async (jar: CookieJar) => {
			const response = await jar.fetch(`${server.url}/api/programme/feed-token`, { method: 'POST', headers: { origin: server.url } });
			expect(response.status).toBe(201);
			return ((await response.json()) as { url: string }).url;
		};
		const byPassphrase = async () => {
			const response = await fetch(`${server.url}/api/programme/feed-token`, {
				method: 'POST',
				headers: { authorization: `Bearer ${PASSPHRASE}` }
			});
			expect(response.status).toBe(201);
			return ((await response.json()) as { url: string }).url;
		};
		const kimFirst = await rotate(kim);
		const alexFeed = await rotate(alex);
		const passphraseFeed = await byPassphrase();
		const kimSecond = await rotate(kim);
		expect((await fetch(kimFirst)).status).toBe(403);
		for (const feed of [kimSecond, alexFeed, passphraseFeed]) {
			const response = await fetch(feed);
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		}
	});
});
