import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CARD_LIMITS } from '$lib/domain/cards/card-limits';
import { goToPhase } from '$lib/domain/method/live-state';
import type { Actor } from '$lib/domain/workshop/access';
import { cardRule } from './card-rules';
import { addCard, editCardText } from './cards';
import { initialLiveState } from './control';
import { getCards } from './schema';
import { checkParticipantUpdate } from './update-guard';

const live = goToPhase(initialLiveState(), 'onskvard');
const participant = (participantId: string): Actor => ({ role: 'participant', workshopId: 'w', participantId });
const card = (id: string, authorId: string) => ({
	id,
	kind: 'onskvard' as const,
	text: `kort ${id}`,
	authorId,
	sector: 'skola' as const,
	createdAt: '2026-11-01T10:00:00Z'
});

/** The server's verdict on what `write` does to a replica of `server`; applied when accepted. */
function submit(server: Y.Doc, actor: Actor, write: (doc: Y.Doc) => void) {
	const replica = new Y.Doc();
	Y.applyUpdate(replica, Y.encodeStateAsUpdate(server));
	const before = Y.encodeStateVector(replica);
	write(replica);
	const update = Y.encodeStateAsUpdate(replica, before);
	const rule = cardRule(actor, live, getCards(server));
	const verdict = checkParticipantUpdate({ doc: server, kind: 'canvas', actor, update: Y.decodeUpdate(update), rule });
	if (verdict.ok) Y.applyUpdate(server, update);
	return verdict;
}

const addMany = (authorId: string, from: number, count: number) => (doc: Y.Doc) =>
	doc.transact(() => {
		for (let i = from; i < from + count; i++) addCard(doc, card(`${authorId}-${i}`, authorId), null);
	});

describe('card caps on raw updates', () => {
	it(`refuses a participant's card number ${CARD_LIMITS.perPerson + 1}, also when sent in one big update`, () => {
		const server = new Y.Doc();
		expect(submit(server, participant('p1'), addMany('p1', 0, CARD_LIMITS.perPerson + 1))).toMatchObject({
			ok: false,
			reason: expect.stringContaining('person-limit')
		});
		expect(getCards(server).size).toBe(0);
		expect(submit(server, participant('p1'), addMany('p1', 0, CARD_LIMITS.perPerson))).toEqual({ ok: true });
		expect(submit(server, participant('p1'), addMany('p1', 500, 1))).toMatchObject({ ok: false });
		expect(getCards(server).size).toBe(CARD_LIMITS.perPerson);
	});

	it('still lets a participant at the cap edit their cards, and others add theirs', () => {
		const server = new Y.Doc();
		submit(server, participant('p1'), addMany('p1', 0, CARD_LIMITS.perPerson));
		expect(submit(server, participant('p1'), (d) => editCardText(d, 'p1-3', 'ny text', null))).toEqual({ ok: true });
		expect(submit(server, participant('p2'), addMany('p2', 0, 1))).toEqual({ ok: true });
	});

	it('refuses everyone once the canvas is full', () => {
		const server = new Y.Doc();
		const people = Math.ceil(CARD_LIMITS.perCanvas / CARD_LIMITS.perPerson);
		for (let i = 0; i < people; i++) {
			const count = Math.min(CARD_LIMITS.perPerson, CARD_LIMITS.perCanvas - getCards(server).size);
			expect(submit(server, participant(`p${i}`), addMany(`p${i}`, 0, count))).toEqual({ ok: true });
		}
		expect(getCards(server).size).toBe(CARD_LIMITS.perCanvas);
		expect(submit(server, participant('late'), addMany('late', 0, 1))).toMatchObject({
			ok: false,
			reason: expect.stringContaining('canvas-limit')
		});
	});
});
