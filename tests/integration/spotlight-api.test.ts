import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readControl } from '../../src/lib/sync/control';
import { INDICATORS_DOC } from '../../src/lib/sync/indicators';
import { applied, sendCard } from '../helpers/commands';
import { clientsClosedAfterEach } from '../helpers/clients';
import { startServer, type RunningServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/workshop-api';

const triangle = {
	title: 'Stress och sömn',
	factors: [
		{ id: 'stress', label: 'Stress' },
		{ id: 'somn', label: 'Sömn' },
		{ id: 'skola', label: 'Skolresultat' }
	],
	links: [
		{ from: 'stress', to: 'somn', polarity: '-' },
		{ from: 'somn', to: 'skola', polarity: '+' },
		{ from: 'skola', to: 'stress', polarity: '-' }
	]
};

describe('spotlight API', () => {
	let server: RunningServer;
	const connect = clientsClosedAfterEach();
	beforeAll(async () => {
		server = await startServer();
	});
	afterAll(async () => server?.stop());

	const asFacilitator = (w: CreatedWorkshop) => ({ authorization: `Bearer ${w.facilitatorSecret}` });
	const asParticipant = (w: CreatedWorkshop, session: string) => ({ cookie: `dd_p_${w.id}=${session}` });
	const post = (w: CreatedWorkshop, body: unknown, headers: Record<string, string> = asFacilitator(w), ref = w.id) =>
		fetch(`${server.url}/api/workshops/${ref}/spotlight`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body: typeof body === 'string' ? body : JSON.stringify(body)
		});
	const get = (w: CreatedWorkshop, headers: Record<string, string> = asFacilitator(w), ref = w.id) =>
		fetch(`${server.url}/api/workshops/${ref}/spotlight`, { headers });

	it('starts on the board, and anyone in the workshop may read it', async () => {
		const w = await createWorkshop(server.url);
		const person = await joinWorkshop(server.url, w.code);
		const facilitator = await get(w);
		expect(facilitator.status).toBe(200);
		expect(await facilitator.json()).toEqual({ kind: 'board' });
		const participant = await get(w, asParticipant(w, person.session), w.code);
		expect(participant.status).toBe(200);
		expect(await participant.json()).toEqual({ kind: 'board' });
		const nobody = await get(w, {});
		expect(nobody.status).toBe(401);
		expect((await nobody.json()).error.code).toBe('unauthorized');
	});

	it('refuses changes without the facilitator: 401 without credentials, 403 for a participant or a wrong secret', async () => {
		const w = await createWorkshop(server.url);
		const person = await joinWorkshop(server.url, w.code);
		const none = await post(w, { kind: 'join' }, {});
		expect(none.status).toBe(401);
		const participant = await post(w, { kind: 'join' }, asParticipant(w, person.session));
		expect(participant.status).toBe(403);
		const wrong = await post(w, { kind: 'join' }, { authorization: 'Bearer not-the-secret' });
		expect(wrong.status).toBe(403);
		expect((await wrong.json()).error).toMatchObject({ code: 'forbidden' });
		expect(await (await get(w)).json()).toEqual({ kind: 'board' });
	});

	it('answers 400 in English for an unknown kind, a missing, superfluous or unknown id and bad JSON', async () => {
		const w = await createWorkshop(server.url);
		const cases: [unknown, RegExp][] = [
			[{ kind: 'poster' }, /kind/],
			[{ kind: 'indicator' }, /needs the id/],
			[{ kind: 'board', id: 'x' }, /takes no id/],
			[{ kind: 'indicator', id: 'no-such-indicator' }, /no indicator with that id/],
			[{ kind: 'map', id: 'no-such-map' }, /no map with that id/],
			[{ kind: 'loop', id: 'plenary:l1 l2' }, /no loop with that id/],
			[{ kind: 'card', id: 'no-such-card' }, /no card with that id/],
			[{ kind: 'group', id: 'grupp-1' }, /no group with that id/],
			['{not json', /valid JSON/]
		];
		for (const [body, message] of cases) {
			const response = await post(w, body);
			expect(response.status, JSON.stringify(body)).toBe(400);
			const answer = await response.json();
			expect(answer.error.code).toBe('bad_request');
			expect(answer.error.message).toMatch(message);
		}
		expect(await (await get(w)).json()).toEqual({ kind: 'board' });
	});

	it('puts an indicator, a map, a loop, a card and a group on the projector, and a socket client sees each in the control document', async () => {
		const w = await createWorkshop(server.url);
		const person = await joinWorkshop(server.url, w.code, { sector: 'polis' });
		const facilitator = connect(server.url, w.id, { facilitator: w.facilitatorSecret });
		const phone = connect(server.url, w.id, { participant: person.session });
		const control = phone.open('control');
		await phone.whenSynced('control');

		// Something of each kind to show.
		const indicators = facilitator.open(INDICATORS_DOC);
		await facilitator.whenSynced(INDICATORS_DOC);
		await applied(
			indicators.edit(
				{ type: 'indicator.add', indicators: [{ id: 'egen-sov', meta: { namn: 'Sömn' } }] },
				{ authorId: 'facilitator', sector: 'facilitator' }
			)
		);
		const imported = await fetch(`${server.url}/api/workshops/${w.id}/maps`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...asFacilitator(w) },
			body: JSON.stringify(triangle)
		});
		const { mapId } = (await imported.json()) as { mapId: string };
		const map = (await (await fetch(`${server.url}/api/workshops/${w.id}/maps/${mapId}`, { headers: asFacilitator(w) })).json()) as {
			loops: { links: string[] }[];
		};
		const loopId = `${mapId}:${map.loops[0]!.links.join(' ')}`;
		await facilitator.command({ type: 'phase.set', phase: 'samverkan' });
		const canvas = facilitator.open('canvas:plenary');
		await facilitator.whenSynced('canvas:plenary');
		await applied(
			sendCard(canvas, {
				id: 'kort-1',
				kind: 'samverkan',
				text: 'Fältassistenterna',
				authorId: 'facilitator',
				sector: 'facilitator',
				createdAt: new Date().toISOString()
			})
		);
		expect(await facilitator.command({ type: 'groups.create', count: 2 })).toEqual({ ok: true });

		const shown = [
			{ kind: 'join' },
			{ kind: 'indicator', id: 'egen-sov' },
			{ kind: 'map', id: mapId },
			{ kind: 'map', id: 'plenary' },
			{ kind: 'loop', id: loopId },
			{ kind: 'card', id: 'kort-1' },
			{ kind: 'group', id: 'grupp-2' },
			{ kind: 'board' }
		];
		for (const spotlight of shown) {
			const sent = Date.now();
			const response = await post(w, spotlight, asFacilitator(w), w.code);
			expect(response.status, JSON.stringify(spotlight)).toBe(200);
			expect(await response.json()).toEqual(spotlight);
			// The control document also keeps the canvas a card is on, for the screens (not part of the API).
			const seen = spotlight.kind === 'card' ? { ...spotlight, canvas: 'canvas:plenary' } : spotlight;
			await waitFor(
				() => JSON.stringify(readControl(control.doc).spotlight) === JSON.stringify(seen),
				`the phone to see ${JSON.stringify(seen)}`
			);
			expect(Date.now() - sent).toBeLessThan(1000);
			expect(await (await get(w, asParticipant(w, person.session))).json()).toEqual(spotlight);
		}

		// A removed map can no longer be spotlighted.
		expect((await fetch(`${server.url}/api/workshops/${w.id}/maps/${mapId}`, { method: 'DELETE', headers: asFacilitator(w) })).status).toBe(
			200
		);
		expect((await post(w, { kind: 'map', id: mapId })).status).toBe(400);
	});

	it('runs the same rule for the socket commands, and only the facilitator turns "Följ mig" on', async () => {
		const w = await createWorkshop(server.url);
		const person = await joinWorkshop(server.url, w.code);
		const facilitator = connect(server.url, w.id, { facilitator: w.facilitatorSecret });
		const phone = connect(server.url, w.id, { participant: person.session });
		const control = phone.open('control');
		await phone.whenSynced('control');
		expect(readControl(control.doc).follow).toBe(false);

		expect(await phone.command({ type: 'follow.set', follow: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		expect(await phone.command({ type: 'spotlight.set', spotlight: { kind: 'join' } })).toMatchObject({
			ok: false,
			error: { code: 'forbidden' }
		});
		expect(await facilitator.command({ type: 'spotlight.set', spotlight: { kind: 'indicator', id: 'nope' } })).toMatchObject({
			ok: false,
			error: { code: 'bad_request', key: 'unknown-id' }
		});
		expect(await facilitator.command({ type: 'follow.set', follow: true })).toEqual({ ok: true });
		expect(await facilitator.command({ type: 'spotlight.set', spotlight: { kind: 'join' } })).toEqual({ ok: true });
		await waitFor(() => readControl(control.doc).follow && readControl(control.doc).spotlight.kind === 'join', 'the phone to follow');
	});

	it('refuses a change while the workshop is closed', async () => {
		const w = await createWorkshop(server.url);
		const closed = await fetch(`${server.url}/api/workshops/${w.id}/close`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...asFacilitator(w) },
			body: '{}'
		});
		expect(closed.status).toBe(200);
		expect((await post(w, { kind: 'join' })).status).toBe(409);
		expect((await get(w)).status).toBe(200);
	});
});
