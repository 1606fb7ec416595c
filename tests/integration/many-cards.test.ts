import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD_LIMITS } from '../../src/lib/domain/cards/card-limits';
import type { SharedDoc } from '../../src/lib/client/shared-doc';
import type { SyncClient } from '../../src/lib/client/sync-client';
import { readCards } from '../../src/lib/sync/cards';
import { sendCard } from '../helpers/commands';
import type { ProblemBody } from '../../src/lib/sync/protocol';
import { connectClient, openPhase } from '../helpers/clients';
import { startServer, type RunningServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import { createWorkshop, joinWorkshop } from '../helpers/workshop-api';

const CANVAS = 'canvas:plenary';
const WISH_TEXTS = [
	'Andel elever i årskurs 9 som känner sig trygga i skolan',
	'Hur många unga deltar i föreningslivet, per stadsdel?',
	'Orosanmälningar för barn 13–17 år, över tid'
];

async function participant(url: string, workshop: { id: string; code: string }) {
	const { participantId, session } = await joinWorkshop(url, workshop.code);
	const client = connectClient(url, workshop.id, { participant: session });
	const doc = client.open(CANVAS);
	await client.whenSynced(CANVAS);
	const problems: ProblemBody[] = [];
	client.onProblem((p) => problems.push(p));
	return { participantId, client, doc, problems };
}

function writeCards(doc: SharedDoc, authorId: string, from: number, count: number): void {
	for (let i = from; i < from + count; i++) {
		const text = `${WISH_TEXTS[i % WISH_TEXTS.length]} (${authorId.slice(0, 6)} #${i})`;
		void sendCard(doc, { id: `${authorId}-${i}`, kind: 'onskvard', text, authorId, sector: 'skola', createdAt: new Date().toISOString() });
	}
}

/**
 * Thousands of cards on one board: the caps hold against a flood (one big update and
 * card by card), the full board is stored and served to a late joiner and after a
 * restart, and another workshop keeps working meanwhile.
 */
describe('thousands of cards', () => {
	let server: RunningServer;
	const clients: SyncClient[] = [];
	beforeAll(async () => {
		server = await startServer();
	});
	afterAll(async () => {
		clients.forEach((c) => c.destroy());
		await server?.stop();
	});

	it(`fills a board to ${CARD_LIMITS.perCanvas} cards, refuses more, and keeps it all across a restart`, async () => {
		const full = await createWorkshop(server.url);
		const other = await createWorkshop(server.url);
		await openPhase(server.url, full, 'onskvard');
		await openPhase(server.url, other, 'onskvard');

		// A script sends more cards than a person may write: the cap holds, every card past it is refused.
		const flooder = await participant(server.url, full);
		clients.push(flooder.client);
		writeCards(flooder.doc, flooder.participantId, 0, CARD_LIMITS.perPerson + 50);
		await flooder.client.flushed(60_000);
		expect(flooder.problems).toHaveLength(50);
		expect(flooder.problems.every((p) => p.code === 'forbidden' && p.message.includes('person-limit'))).toBe(true);

		const writers = await Promise.all(
			Array.from({ length: CARD_LIMITS.perCanvas / CARD_LIMITS.perPerson - 1 }, () => participant(server.url, full))
		);
		clients.push(...writers.map((w) => w.client));
		const bystander = await participant(server.url, other);
		const watcher = await participant(server.url, other);
		clients.push(bystander.client, watcher.client);

		// Every writer sends their whole quota while another workshop carries on.
		for (const w of writers) writeCards(w.doc, w.participantId, 0, CARD_LIMITS.perPerson);
		writeCards(bystander.doc, bystander.participantId, 0, 1);
		await Promise.all([...writers, bystander].map((w) => w.client.flushed(60_000)));
		expect(writers.flatMap((w) => w.problems)).toEqual([]);
		await waitFor(() => readCards(watcher.doc.doc).length === 1, "the other workshop's card");

		// The board is full: one more card from a new person, or card 201 from a writer, is refused.
		const late = await participant(server.url, full);
		clients.push(late.client);
		writeCards(late.doc, late.participantId, 0, 1);
		writeCards(writers[0]!.doc, writers[0]!.participantId, CARD_LIMITS.perPerson, 1);
		await Promise.all([late.client.flushed(), writers[0]!.client.flushed()]);
		expect(late.problems[0]?.message).toContain('canvas-limit');
		expect(writers[0]!.problems[0]?.message).toContain('person-limit');

		// A refused card leaves nothing behind on the writer's screen, and their next edit is stored and seen.
		const [first] = writers;
		await waitFor(() => readCards(first!.doc.doc).length === CARD_LIMITS.perCanvas, 'the writer to show the stored board');
		const revised = await first!.doc.edit(
			{ type: 'card.edit', id: `${first!.participantId}-0`, text: 'Reviderad: trygghet per årskurs' },
			{ authorId: first!.participantId, sector: 'skola' }
		);
		expect(revised).toEqual({ ok: true });
		expect(first!.problems).toHaveLength(1);

		// A late joiner gets exactly the stored board, and so does everyone after a restart.
		const reader = await participant(server.url, full);
		const cards = readCards(reader.doc.doc);
		expect(cards).toHaveLength(CARD_LIMITS.perCanvas);
		expect(cards.filter((c) => c.authorId === late.participantId)).toEqual([]);
		expect(cards.filter((c) => c.authorId === flooder.participantId)).toHaveLength(CARD_LIMITS.perPerson);
		expect(cards.find((c) => c.id === `${first!.participantId}-0`)?.text).toBe('Reviderad: trygghet per årskurs');
		reader.client.destroy();

		clients.splice(0).forEach((c) => c.destroy());
		await server.stop();
		server = await startServer({ dataDir: server.dataDir, port: server.port });
		const afterRestart = await participant(server.url, full);
		clients.push(afterRestart.client);
		expect(readCards(afterRestart.doc.doc)).toHaveLength(CARD_LIMITS.perCanvas);
		const otherAfter = await participant(server.url, other);
		clients.push(otherAfter.client);
		expect(readCards(otherAfter.doc.doc)).toHaveLength(1);
	}, 180_000);
});
