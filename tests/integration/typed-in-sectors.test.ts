import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveDocument } from '../../src/lib/domain/archive/schema';
import { readCards } from '../../src/lib/sync/cards';
import { readControl } from '../../src/lib/sync/control';
import { clientsClosedAfterEach } from '../helpers/clients';
import { startServer, type RunningServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import { createWorkshop, postJoin } from '../helpers/workshop-api';

const PASSPHRASE = 'organisatorens-losenfras';
const KYRKAN = 'egen:Svenska kyrkan';

/** Issue 19: sectors "ready to add … or typed in" by the facilitator, carried wherever a sector goes. */
describe('sectors the facilitator types in', () => {
	let server: RunningServer;
	const connect = clientsClosedAfterEach();
	beforeAll(async () => {
		server = await startServer({ env: { ORGANISER_PASSPHRASE: PASSPHRASE } });
	});
	afterAll(async () => server?.stop());

	const join = (code: string, body: Record<string, unknown>) => postJoin(server.url, code, body);
	const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

	it('are offered at joining, tag what the participant writes, and reach the report, the export and an import', async () => {
		const w = await createWorkshop(server.url, 'Trygghet i centrum med församlingen');
		const facilitator = connect(server.url, w.id, { facilitator: w.facilitatorSecret });
		const control = facilitator.open('control');
		await facilitator.whenSynced('control');
		expect(await facilitator.command({ type: 'sectors.set', sectors: [KYRKAN, 'polis', 'skola'] })).toEqual({ ok: true });
		await waitFor(() => readControl(control.doc).sectors.includes(KYRKAN), 'the typed-in sector in the join form');
		expect(readControl(control.doc).sectors).toEqual(['skola', 'polis', KYRKAN]);
		// A second device (or a reload) gets the list from the server.
		const second = connect(server.url, w.id, { facilitator: w.facilitatorSecret });
		const secondControl = second.open('control');
		await second.whenSynced('control');
		expect(readControl(secondControl.doc).sectors).toEqual(['skola', 'polis', KYRKAN]);

		const joined = await join(w.code, { sector: KYRKAN, displayName: 'Diakon' });
		expect(joined.status).toBe(201);
		const notOffered = await join(w.code, { sector: 'egen:Fältgruppen' });
		expect(notOffered.status).toBe(400);
		expect((await notOffered.json()).error.message).toBe(
			"sector: must be one of this workshop's sectors: skola, polis, egen:Svenska kyrkan"
		);

		expect(await facilitator.command({ type: 'phase.set', phase: 'onskvard' })).toEqual({ ok: true });
		const participant = connect(server.url, w.id, { participant: (await joined.json()).session });
		const canvas = participant.open('canvas:plenary');
		await participant.whenSynced('canvas:plenary');
		expect(
			await canvas.edit(
				{ type: 'card.add', id: 'w1', kind: 'onskvard', text: 'Otrygghet kvällstid per område' },
				{ authorId: 'preview', sector: KYRKAN }
			)
		).toEqual({
			ok: true
		});
		await waitFor(() => readCards(canvas.doc).some((card) => card.id === 'w1'), 'the card');
		expect(readCards(canvas.doc).find((card) => card.id === 'w1')?.sector).toBe(KYRKAN);
		// A card written on paper by someone from the typed-in sector, entered by the facilitator.
		const board = facilitator.open('canvas:plenary');
		await facilitator.whenSynced('canvas:plenary');
		expect(
			await board.edit(
				{ type: 'card.add', id: 'p1', kind: 'onskvard', text: 'Besök på öppna verksamheter', paperSector: KYRKAN },
				{ authorId: 'facilitator', sector: 'facilitator' }
			)
		).toEqual({ ok: true });

		const report = await (await fetch(`${server.url}/api/workshops/${w.id}/report`, { headers: bearer(w.facilitatorSecret) })).text();
		expect(report).toContain('Svenska kyrkan');
		expect(report).not.toContain('sector.egen');
		expect(report).not.toContain('egen:');

		const exported = (await (
			await fetch(`${server.url}/api/workshops/${w.id}/export.json`, { headers: bearer(w.facilitatorSecret) })
		).json()) as ArchiveDocument;
		expect(exported.participants.map((p) => p.sector)).toEqual([KYRKAN]);
		const imported = await fetch(`${server.url}/api/workshops/import`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...bearer(PASSPHRASE) },
			body: JSON.stringify(exported)
		});
		expect(imported.status).toBe(201);
		const copy = (await imported.json()) as { code: string };
		expect((await join(copy.code, { sector: KYRKAN })).status).toBe(201);
	});

	it('refuses names that could break a CSV, markup or the list, in English, and keeps the saved list', async () => {
		const w = await createWorkshop(server.url, 'Hostile sectors');
		const facilitator = connect(server.url, w.id, { facilitator: w.facilitatorSecret });
		const control = facilitator.open('control');
		await facilitator.whenSynced('control');
		expect(await facilitator.command({ type: 'sectors.set', sectors: ['polis', KYRKAN] })).toEqual({ ok: true });
		for (const sector of [
			'egen:<img src=x>',
			'egen:=HYPERLINK("x")',
			'egen:',
			`egen:${'a'.repeat(41)}`,
			'egen: Svenska kyrkan',
			'Svenska kyrkan'
		]) {
			const answer = await facilitator.command({ type: 'sectors.set', sectors: ['polis', sector] } as never);
			expect(answer, sector).toMatchObject({ ok: false, error: { code: 'bad_request' } });
			expect((await join(w.code, { sector })).status, sector).toBe(400);
		}
		const tooMany = Array.from({ length: 40 }, (_, i) => `egen:Förening ${i + 1}`);
		expect(await facilitator.command({ type: 'sectors.set', sectors: tooMany } as never)).toMatchObject({
			ok: false,
			error: { code: 'bad_request' }
		});
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(readControl(control.doc).sectors).toEqual(['polis', KYRKAN]);
	});
});
