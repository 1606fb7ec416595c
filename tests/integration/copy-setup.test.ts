import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCards } from '../../src/lib/sync/cards';
import { readControl } from '../../src/lib/sync/control';
import { applied, sendCard } from '../helpers/commands';
import { clientsClosedAfterEach } from '../helpers/clients';
import { startServer, type RunningServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/workshop-api';

/** "Kopiera upplägget": POST /api/workshops/:ref/copy, the setup without the room. */
describe('copying a workshop setup', () => {
	let server: RunningServer;
	const connect = clientsClosedAfterEach();
	beforeAll(async () => {
		server = await startServer();
	});
	afterAll(async () => server?.stop());

	const copy = (w: CreatedWorkshop, headers: Record<string, string>) =>
		fetch(`${server.url}/api/workshops/${w.id}/copy`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body: '{}'
		});

	it('starts a new workshop with the goal, question, agenda, notes and starter cards, and none of the room', async () => {
		const w = await createWorkshop(server.url, 'Trygghet i Haninge');
		const facilitator = connect(server.url, w.id, { facilitator: w.facilitatorSecret });
		await applied(
			facilitator.command({
				type: 'preparation.set',
				preparation: {
					goal: { kind: 'template', goalId: 'gemensam-lagesbild' },
					themeId: 'skolnarvaro',
					question: { kind: 'theme', themeId: 'skolnarvaro', angle: 'forebyggande' },
					expectedParticipants: 8,
					firstDialogue: true
				}
			})
		);
		await applied(
			facilitator.command({
				type: 'agenda.set',
				agenda: [
					{ phase: 'valj-fraga', minutes: 5 },
					{ phase: 'samverkan', minutes: 10, note: 'Fråga efter fältassistenterna.' }
				]
			})
		);
		const plenary = facilitator.open('canvas:plenary');
		await facilitator.whenSynced('canvas:plenary');
		const at = new Date().toISOString();
		await applied(
			sendCard(plenary, {
				id: 'start-1',
				kind: 'samverkan',
				text: 'Elevhälsan',
				authorId: 'facilitator',
				sector: 'facilitator',
				createdAt: at
			})
		);
		const person = await joinWorkshop(server.url, w.code, { sector: 'polis' });
		await applied(facilitator.command({ type: 'phase.set', phase: 'samverkan' }));
		const phone = connect(server.url, w.id, { participant: person.session });
		const phoneCanvas = phone.open('canvas:plenary');
		await phone.whenSynced('canvas:plenary');
		await applied(
			sendCard(phoneCanvas, {
				id: 'rum-1',
				kind: 'samverkan',
				text: 'Nattvandrarna',
				authorId: person.participantId,
				sector: 'polis',
				createdAt: at
			})
		);

		expect((await copy(w, {})).status).toBe(401);
		expect((await copy(w, { authorization: 'Bearer wrong' })).status).toBe(403);
		const response = await copy(w, { authorization: `Bearer ${w.facilitatorSecret}` });
		expect(response.status).toBe(201);
		const created = (await response.json()) as {
			id: string;
			code: string;
			title: string;
			facilitatorSecret: string;
			facilitatorUrl: string;
		};
		expect(created.title).toBe('Kopia: Trygghet i Haninge');
		expect(created.id).not.toBe(w.id);
		expect(created.facilitatorUrl).toContain(created.facilitatorSecret);

		const other = connect(server.url, created.id, { facilitator: created.facilitatorSecret });
		const control = other.open('control');
		const cards = other.open('canvas:plenary');
		await Promise.all([other.whenSynced('control'), other.whenSynced('canvas:plenary')]);
		await waitFor(() => readControl(control.doc).preparation !== null, 'the copied preparation');
		const copied = readControl(control.doc);
		expect(copied.preparation).toMatchObject({ themeId: 'skolnarvaro', goal: { goalId: 'gemensam-lagesbild' } });
		expect(copied.live.agenda).toEqual([
			{ phase: 'valj-fraga', minutes: 5 },
			{ phase: 'samverkan', minutes: 10, note: 'Fråga efter fältassistenterna.' }
		]);
		expect(copied.live.phase).toBe('valj-fraga');
		// The facilitator's starter card, not what the room wrote.
		expect(readCards(cards.doc).map((card) => card.text)).toEqual(['Elevhälsan']);
	});
});
