import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SyncClient } from '../../src/lib/client/sync-client';
import type { ArchiveDocument } from '../../src/lib/domain/archive/schema';
import { readCards } from '../../src/lib/sync/cards';
import { applied, sendCard } from '../helpers/commands';
import { SqliteStorage } from '../../src/lib/server/persistence/sqlite';
import { connectClient } from '../helpers/clients';
import { startServer, type RunningServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/workshop-api';
import { fillWorkshop, uploadFigures, type FilledWorkshop } from './archive-fill';

const PASSPHRASE = 'en lång lösenfras för arkivet';

describe('closing, reopening, following up and deleting a workshop', () => {
	let server: RunningServer;
	const clients: SyncClient[] = [];
	beforeAll(async () => {
		server = await startServer({ env: { ORGANISER_PASSPHRASE: PASSPHRASE } });
	});
	afterEach(() => clients.splice(0).forEach((c) => c.destroy()));
	afterAll(async () => server?.stop());

	const fill = async (): Promise<FilledWorkshop> => {
		const filled = await fillWorkshop(server.url);
		clients.push(filled.facilitator, ...filled.participants);
		return filled;
	};
	const bearer = (secret: string): Record<string, string> => ({ authorization: `Bearer ${secret}` });
	const post = (w: CreatedWorkshop, path: string, body: unknown = {}, headers = bearer(w.facilitatorSecret)) =>
		fetch(`${server.url}/api/workshops/${w.id}/${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body: JSON.stringify(body)
		});
	const get = (w: CreatedWorkshop, path: string, headers = bearer(w.facilitatorSecret)) =>
		fetch(`${server.url}/api/workshops/${w.id}/${path}`, { headers });
	const exportOf = async (w: CreatedWorkshop, query = '') => (await (await get(w, `export.json${query}`)).json()) as ArchiveDocument;

	it('freezes a version with default follow-up dates, then refuses every change until reopened', async () => {
		const { workshop, facilitator, participants } = await fill();
		const closed = await post(workshop, 'close');
		expect(closed.status).toBe(200);
		const body = await closed.json();
		expect(body.version).toBe(1);
		const closedAt = new Date(body.closedAt);
		const plus = (months: number) => {
			const d = new Date(Date.UTC(closedAt.getUTCFullYear(), closedAt.getUTCMonth() + months, 1));
			return d.toISOString().slice(0, 7);
		};
		expect(body.followUpDates.map((d: string) => d.slice(0, 7))).toEqual([plus(3), plus(12)]);
		expect((await post(workshop, 'close')).status).toBe(409);

		// Yjs writes from the facilitator and from participants are refused with 'forbidden'.
		const problems: string[] = [];
		facilitator.onProblem((p) => problems.push(p.code));
		const canvas = facilitator.open('canvas:plenary');
		void sendCard(canvas, {
			id: 'late',
			kind: 'samverkan',
			text: 'För sent',
			authorId: 'facilitator',
			sector: 'facilitator',
			createdAt: new Date().toISOString()
		});
		await waitFor(() => problems.includes('forbidden'), 'the late card to be refused');
		const fresh = connectClient(server.url, workshop.id, { facilitator: workshop.facilitatorSecret });
		clients.push(fresh);
		fresh.open('canvas:plenary');
		expect(readCards((await fresh.whenSynced('canvas:plenary')).doc).some((c) => c.id === 'late')).toBe(false);
		expect(await participants[0]!.command({ type: 'ready.set', ready: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		expect(await facilitator.command({ type: 'phase.set', phase: 'sammanfattning' })).toMatchObject({
			ok: false,
			error: { code: 'forbidden' }
		});
		expect((await facilitator.command({ type: 'vote.view' })).ok).toBe(true);

		// Nobody new can join: the API answers 409, the join page says so in Swedish.
		const join = await fetch(`${server.url}/api/workshops/${workshop.code}/participants`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ sector: 'skola' })
		});
		expect(join.status).toBe(409);
		expect((await join.json()).error.code).toBe('conflict');
		const page = await (await fetch(`${server.url}/j/${workshop.code}`)).text();
		expect(page).toContain('Workshopen är avslutad');
		expect(page).not.toContain('name="sector"');

		// Reopened, it takes changes again; closing once more freezes version 2 and version 1 stays as it was.
		expect((await post(workshop, 'reopen')).status).toBe(200);
		expect((await post(workshop, 'reopen')).status).toBe(409);
		const again = fresh.open('canvas:plenary');
		void sendCard(again, {
			id: 'v2',
			kind: 'samverkan',
			text: 'Biblioteket',
			authorId: 'facilitator',
			sector: 'facilitator',
			createdAt: new Date().toISOString()
		});
		await fresh.flushed();
		const second = await post(workshop, 'close', { followUpDates: ['2027-03-01', '2027-11-01'] });
		expect(await second.json()).toMatchObject({ version: 2, followUpDates: ['2027-03-01', '2027-11-01'] });
		const v1 = await exportOf(workshop, '?version=1');
		const v2 = await exportOf(workshop);
		const texts = (d: ArchiveDocument) => d.canvases[0]!.cards.map((c) => c.text);
		expect(texts(v1)).not.toContain('Biblioteket');
		expect(texts(v2)).toContain('Biblioteket');
		expect(v2.source).toMatchObject({ status: 'closed', version: 2 });
		expect(v2.followUp.dates).toEqual(['2027-03-01', '2027-11-01']);
		expect((await get(workshop, 'export.json?version=3')).status).toBe(404);
		const state = await (await get(workshop, 'archive')).json();
		expect(state.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
		expect(state.nextFollowUp).toEqual({ date: '2027-03-01', due: false });
	});

	it('validates the follow-up dates and stores nothing for bad ones', async () => {
		const workshop = await createWorkshop(server.url);
		for (const followUpDates of [['2027-02-30'], ['2027-05-01', '2027-01-01'], 'soon']) {
			const response = await post(workshop, 'close', { followUpDates });
			expect(response.status).toBe(400);
			expect((await response.json()).error.code).toBe('bad_request');
		}
		expect((await (await get(workshop, 'archive')).json()).status).toBe('open');
	});

	it('lets only the facilitator and organisers in', async () => {
		const one = await createWorkshop(server.url);
		const other = await createWorkshop(server.url);
		expect((await fetch(`${server.url}/api/workshops/${one.id}/archive`)).status).toBe(401);
		expect((await get(one, 'archive', bearer(other.facilitatorSecret))).status).toBe(403);
		expect((await get(one, 'archive', bearer('wrong passphrase entirely'))).status).toBe(403);
		const participant = await joinWorkshop(server.url, one.code);
		expect((await get(one, 'report', { cookie: `dd_p_${one.id}=${participant.session}` })).status).toBe(401);
		expect((await get(one, 'archive', bearer(PASSPHRASE))).status).toBe(200);
		expect((await post(one, 'close', {}, bearer(PASSPHRASE))).status).toBe(200);
	});

	it('signs organisers in on the archive page with the passphrase and lists every workshop for them', async () => {
		const a = await createWorkshop(server.url, 'Arkivprov A');
		const b = await createWorkshop(server.url, 'Arkivprov B');
		const login = (passphrase: string) =>
			fetch(`${server.url}/arkiv?/login`, {
				method: 'POST',
				redirect: 'manual',
				headers: { origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ passphrase })
			});
		const wrong = await login('fel lösenfras för arkivet');
		expect(wrong.status).toBe(400);
		expect(await wrong.text()).toContain('Fel lösenfras.');
		expect(wrong.headers.get('set-cookie')).toBeNull();

		const right = await login(PASSPHRASE);
		expect(right.status).toBe(303);
		const cookie = right.headers.get('set-cookie')!;
		expect(cookie).toMatch(/^dd_org=[0-9a-f]{64}; .*HttpOnly; SameSite=Strict/);
		expect(cookie).not.toContain(encodeURIComponent(PASSPHRASE));
		const session = cookie.split(';')[0]!;
		const page = await (await fetch(`${server.url}/arkiv?q=arkivprov`, { headers: { cookie: session } })).text();
		expect(page).toContain('Arkivprov A');
		expect(page).toContain('Arkivprov B');
		expect((await get(a, 'report', { cookie: session })).status).toBe(200);
		expect((await get(b, 'export.json', { cookie: session })).status).toBe(200);

		// Without the passphrase, the archive shows only what this browser facilitates.
		const own = await (await fetch(`${server.url}/arkiv`, { headers: { cookie: `dd_f_${a.id}=${a.facilitatorSecret}` } })).text();
		expect(own).toContain('Arkivprov A');
		expect(own).not.toContain('Arkivprov B');
		const stranger = await (await fetch(`${server.url}/arkiv`)).text();
		expect(stranger).not.toContain('Arkivprov');
		expect(stranger).toContain('Logga in som organisatör');
	});

	it('starts a follow-up with the open next steps, the maps and the indicators, and shows then against now', async () => {
		const { workshop } = await fill();
		expect((await post(workshop, 'follow-up')).status).toBe(409);
		await post(workshop, 'close');
		const started = await post(workshop, 'follow-up');
		expect(started.status).toBe(201);
		const followUp = (await started.json()) as CreatedWorkshop & { title: string };
		expect(followUp.title).toBe('Uppföljning: Skolnärvaro i Nynäshamn');
		expect(followUp.facilitatorUrl).toContain(`/f/${followUp.id}?key=`);

		const state = await (await get(followUp, 'archive')).json();
		expect(state.followUpOf).toEqual({ workshopId: workshop.id, title: 'Skolnärvaro i Nynäshamn', version: 1 });
		expect(state.steps.map((s: { cardId: string; status: string }) => [s.cardId, s.status])).toEqual([
			['n1', 'open'],
			['n2', 'open']
		]);
		const carried = await exportOf(followUp);
		expect(carried.preparation?.themeId).toBe('skolnarvaro');
		expect(carried.canvases[0]!.cards.map((c) => [c.id, c.kind, c.nextStep?.owner])).toEqual([
			['n1', 'nasta-steg', 'Socialtjänsten'],
			['n2', 'nasta-steg', 'Analysenheten']
		]);
		expect(carried.maps[0]!.factors.map((f) => f.id)).toEqual(['franvaro', 'motivation', 'resultat']);
		expect(carried.maps[0]!.loops[0]).toMatchObject({ kind: 'R', name: 'Frånvarospiralen' });
		expect(carried.indicators.map((i) => i.id)).toEqual(['franvaro']);
		expect(carried.readings).toEqual([]);
		expect(carried.followUp.baseline).toContainEqual(expect.objectContaining({ seriesKey: 'franvaro|0192', period: '2024', value: 14.1 }));

		const step = (cardId: string, body: unknown) =>
			fetch(`${server.url}/api/workshops/${followUp.id}/follow-up/steps/${cardId}`, {
				method: 'PUT',
				headers: { 'content-type': 'application/json', ...bearer(followUp.facilitatorSecret) },
				body: JSON.stringify(body)
			});
		expect((await step('n1', { status: 'done' })).status).toBe(200);
		expect(await (await step('n2', { status: 'changed', note: 'Görs av skolan i stället' })).json()).toEqual({
			cardId: 'n2',
			status: 'changed',
			note: 'Görs av skolan i stället'
		});
		expect((await step('n2', { status: 'finished' })).status).toBe(400);
		expect((await step('nope', { status: 'done' })).status).toBe(404);

		// New figures for 2025 arrive in the follow-up: the report sets them against 2024.
		await uploadFigures(server.url, followUp, [['0192', '2025', 11.9]]);
		const report = await (await get(followUp, 'report')).text();
		expect(report).toContain('Då och nu');
		expect(report).toMatch(/14,1 procent \(2024\)/);
		expect(report).toMatch(/11,9 procent \(2025\)/);
		expect(report).toContain('−2,2 procent');
		expect(report).toContain('Genomfört');
		expect(report).toContain('Görs av skolan i stället');

		// A second follow-up, after closing this one, carries only what is not done.
		await post(followUp, 'close');
		const next = (await (await post(followUp, 'follow-up')).json()) as CreatedWorkshop;
		const nextSteps = (await (await get(next, 'archive')).json()).steps;
		expect(nextSteps.map((s: { cardId: string }) => s.cardId)).toEqual(['n2']);
		const originState = await (await get(workshop, 'archive')).json();
		expect(originState.nextFollowUp.date).toBe(originState.followUpDates[1]);
	});

	it('deletes a workshop and all its data, keeping only a content-free line in the audit log', async () => {
		const { workshop, participants, facilitator } = await fill();
		const distinctive = `Raderingsprov ${workshop.id}`;
		const canvas = facilitator.open('canvas:plenary');
		await facilitator.whenSynced('canvas:plenary');
		await applied(
			sendCard(canvas, {
				id: 'erase-me',
				kind: 'samverkan',
				text: distinctive,
				authorId: 'facilitator',
				sector: 'facilitator',
				createdAt: new Date().toISOString()
			})
		);
		const inDatabaseFiles = () =>
			['datadialog.sqlite', 'datadialog.sqlite-wal'].some((name) => {
				const file = join(server.dataDir, name);
				return existsSync(file) && readFileSync(file).includes(Buffer.from(distinctive));
			});
		await waitFor(inDatabaseFiles, 'the card to be stored');
		await post(workshop, 'close');
		expect((await post(workshop, 'delete', { confirm: 'WRONG1' })).status).toBe(400);
		const deleted = await post(workshop, 'delete', { confirm: workshop.code.toLowerCase() });
		expect(deleted.status).toBe(200);
		await waitFor(() => participants[0]!.socket.disconnected, 'the participants to be disconnected');
		expect((await fetch(`${server.url}/api/workshops/${workshop.code}`)).status).toBe(404);
		expect((await get(workshop, 'export.json', bearer(PASSPHRASE))).status).toBe(404);
		// secure_delete and a WAL checkpoint: the text is not left readable in the file or its WAL.
		expect(inDatabaseFiles()).toBe(false);

		const storage = new SqliteStorage({ dataDir: server.dataDir });
		try {
			expect(await storage.docs.listDocNames(workshop.id)).toEqual([]);
			expect(await storage.archive.listVersions(workshop.id)).toEqual([]);
			expect(await storage.participants.list(workshop.id)).toEqual([]);
			const lines = (await storage.audit.list()).filter((entry) => entry.workshopId === workshop.id);
			expect(lines.map((entry) => [entry.action, entry.actor])).toEqual([
				['close', 'facilitator'],
				['delete', 'facilitator']
			]);
			expect(Object.keys(lines[1]!).sort()).toEqual(['action', 'actor', 'at', 'workshopId']);
		} finally {
			await storage.close();
		}
	});
});
