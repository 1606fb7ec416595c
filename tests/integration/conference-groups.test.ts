import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncClient } from '../../src/lib/client/sync-client';
import { readControl } from '../../src/lib/sync/control';
import { clientsClosedAfterEach } from '../helpers/clients';
import { startServer, type RunningServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import { createWorkshop, postJoin } from '../helpers/workshop-api';

/** Seed 003's conference: "Hitta någon/ra från din kommun (max 5 per grupp). Välj en fråga." */
describe('conference groups: joining with a municipality, groups by municipality, each group its own question', () => {
	let server: RunningServer;
	const connect = clientsClosedAfterEach();
	beforeAll(async () => {
		server = await startServer();
	});
	afterAll(async () => server?.stop());

	const join = (code: string, body: Record<string, unknown>) => postJoin(server.url, code, body);

	it('groups the people present by the municipality they gave, and lets each group choose only its own question', async () => {
		const w = await createWorkshop(server.url, 'Länskonferens');
		const facilitator = connect(server.url, w.id, { facilitator: w.facilitatorSecret });
		const control = facilitator.open('control');
		await facilitator.whenSynced('control');
		expect(await facilitator.command({ type: 'join.ask', organisation: true })).toEqual({ ok: true });
		await waitFor(() => readControl(control.doc).askOrganisation, 'the join form to ask for the municipality');

		const people = [
			['Botkyrka', 'polis'],
			['Botkyrka', 'skola'],
			[' botkyrka', 'fritid'],
			['Huddinge', 'socialtjanst'],
			['Huddinge', 'skola'],
			['', 'annat']
		] as const;
		const sessions: { id: string; client: SyncClient }[] = [];
		for (const [organisation, sector] of people) {
			const response = await join(w.code, { sector, organisation });
			expect(response.status).toBe(201);
			const { participantId, session } = await response.json();
			const client = connect(server.url, w.id, { participant: session });
			client.open('control');
			await client.whenSynced('control');
			sessions.push({ id: participantId, client });
		}
		await waitFor(async () => {
			await facilitator.command({ type: 'groups.split', by: 'organisation' });
			return readControl(control.doc).groups.flatMap((g) => g.memberIds).length === people.length;
		}, 'everyone present to be grouped');
		const groups = readControl(control.doc).groups;
		expect(groups.map((g) => [g.organisation ?? null, g.memberIds.length])).toEqual([
			['Botkyrka', 3],
			['Huddinge', 2],
			[null, 1]
		]);
		const botkyrka = groups[0]!;
		expect(botkyrka.memberIds.sort()).toEqual(
			sessions
				.slice(0, 3)
				.map((s) => s.id)
				.sort()
		);

		// A member of Botkyrka's group chooses its question; nobody may choose another group's.
		const member = sessions[0]!.client;
		const question = { kind: 'theme', themeId: 'skolnarvaro', angle: 'forebyggande' } as const;
		expect(await member.command({ type: 'group.question', groupId: botkyrka.id, question })).toEqual({ ok: true });
		const refused = await member.command({ type: 'group.question', groupId: groups[1]!.id, question });
		expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		await waitFor(() => readControl(control.doc).groups[0]!.question?.kind === 'theme', 'the group question');
		expect(readControl(control.doc).groups[1]!.question).toBeNull();
		// The facilitator may set any group's question, and participants may not change the join form.
		expect(
			await facilitator.command({
				type: 'group.question',
				groupId: groups[1]!.id,
				question: { kind: 'theme', themeId: 'fritid', angle: 'framjande' }
			})
		).toEqual({ ok: true });
		expect(await member.command({ type: 'join.ask', organisation: false })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
	});

	it('refuses a municipality that is not one line of at most 80 characters, in English, and joins nobody', async () => {
		const w = await createWorkshop(server.url, 'Felaktiga kommuner');
		for (const organisation of ['x'.repeat(81), 'Botkyrka\u202E', 'Bot\nkyrka', 42]) {
			const response = await join(w.code, { sector: 'skola', organisation });
			expect(response.status, JSON.stringify(organisation)).toBe(400);
			expect((await response.json()).error.message).toMatch(/organisation/);
		}
		const info = await (await fetch(`${server.url}/api/workshops/${w.code}`)).json();
		expect(info.participantCount).toBe(0);
	});

	it("offers the workshop's own sectors at joining, with the seeds' other actors, and keeps them in a copy", async () => {
		const w = await createWorkshop(server.url, 'Trygghet med fastighetsägare');
		const facilitator = connect(server.url, w.id, { facilitator: w.facilitatorSecret });
		expect(await facilitator.command({ type: 'sectors.set', sectors: ['polis', 'fastighetsagare', 'raddningstjanst'] })).toEqual({
			ok: true
		});
		expect((await join(w.code, { sector: 'fastighetsagare' })).status).toBe(201);
		const refused = await join(w.code, { sector: 'skola' });
		expect(refused.status).toBe(400);
		expect((await refused.json()).error.message).toBe(
			"sector: must be one of this workshop's sectors: polis, fastighetsagare, raddningstjanst"
		);
		for (const sectors of [[], ['polis', 'polis'], ['brandkar']]) {
			expect(await facilitator.command({ type: 'sectors.set', sectors } as never), JSON.stringify(sectors)).toMatchObject({
				ok: false,
				error: { code: 'bad_request' }
			});
		}
		const { session } = await (await join(w.code, { sector: 'polis' })).json();
		const participant = connect(server.url, w.id, { participant: session });
		expect(await participant.command({ type: 'sectors.set', sectors: ['annat'] })).toMatchObject({
			ok: false,
			error: { code: 'forbidden' }
		});

		const copy = await fetch(`${server.url}/api/workshops/${w.id}/copy`, {
			method: 'POST',
			headers: { authorization: `Bearer ${w.facilitatorSecret}` }
		});
		expect(copy.status).toBe(201);
		const { code } = await copy.json();
		expect((await join(code, { sector: 'raddningstjanst' })).status).toBe(201);
		expect((await join(code, { sector: 'skola' })).status).toBe(400);
	});
});
