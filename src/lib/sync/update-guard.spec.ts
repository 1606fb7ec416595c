import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Actor } from '$lib/domain/workshop/access';
import type { DocKind } from '$lib/domain/workshop/documents';
import { addCard, deleteCard, editCardText } from './cards';
import { getCards } from './schema';
import { checkParticipantUpdate } from './update-guard';

const p = (participantId: string): Actor => ({ role: 'participant', workshopId: 'w', participantId });
const facilitator: Actor = { role: 'facilitator', workshopId: 'w' };

/** A server document and a participant replica; `change` returns the verdict on the replica's update. */
function room(kind: DocKind = 'canvas') {
	const server = new Y.Doc();
	const replica = (actor: Actor) => {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
		return {
			doc,
			change(fn: (doc: Y.Doc) => void, apply = true) {
				Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
				const updates: Uint8Array[] = [];
				const listener = (u: Uint8Array) => updates.push(u);
				doc.on('update', listener);
				fn(doc);
				doc.off('update', listener);
				const update = Y.mergeUpdates(updates);
				const verdict = checkParticipantUpdate({ doc: server, kind, actor, update: Y.decodeUpdate(update) });
				if (verdict.ok && apply) Y.applyUpdate(server, update);
				return verdict;
			}
		};
	};
	return { server, replica };
}

const card = (id: string, authorId: string) => ({
	id,
	kind: 'onskvard' as const,
	text: `kort ${id}`,
	authorId,
	sector: 'skola' as const,
	createdAt: '2026-11-01T10:00:00Z'
});

describe('participant update guard', () => {
	it('lets a participant add a card in their own name', () => {
		const { replica } = room();
		expect(replica(p('p1')).change((d) => addCard(d, card('a', 'p1'), null))).toEqual({ ok: true });
	});

	it('refuses a card written in someone else’s name', () => {
		const { replica } = room();
		const verdict = replica(p('p1')).change((d) => addCard(d, card('a', 'p2'), null));
		expect(verdict).toMatchObject({ ok: false, reason: expect.stringContaining('own authorId') });
	});

	it('lets authors edit and delete their own cards, in later updates', () => {
		const { replica, server } = room();
		const alice = replica(p('p1'));
		alice.change((d) => addCard(d, card('a', 'p1'), null));
		expect(alice.change((d) => editCardText(d, 'a', 'ny text', null))).toEqual({ ok: true });
		expect(alice.change((d) => editCardText(d, 'a', 'igen', null))).toEqual({ ok: true });
		expect(alice.change((d) => deleteCard(d, 'a', null))).toEqual({ ok: true });
		expect(getCards(server).has('a')).toBe(false);
	});

	it('refuses edits and deletions of another participant’s card', () => {
		const { replica, server } = room();
		replica(p('p1')).change((d) => addCard(d, card('a', 'p1'), null));
		const bob = replica(p('p2'));
		expect(bob.change((d) => editCardText(d, 'a', 'kapat', null)).ok).toBe(false);
		expect(bob.change((d) => deleteCard(d, 'a', null)).ok).toBe(false);
		expect(bob.change((d) => addCard(d, card('a', 'p2'), null)).ok).toBe(false);
		expect(getCards(server).get('a')?.get('text')).toBe('kort a');
	});

	it('refuses moderation fields and changes of authorship from participants', () => {
		const { replica } = room();
		const alice = replica(p('p1'));
		alice.change((d) => addCard(d, card('a', 'p1'), null));
		expect(alice.change((d) => getCards(d).get('a')!.set('hidden', true)).ok).toBe(false);
		expect(alice.change((d) => getCards(d).get('a')!.set('authorId', 'p2')).ok).toBe(false);
	});

	it('refuses roots that are not open to participants', () => {
		const { replica } = room();
		expect(replica(p('p1')).change((d) => d.getMap('meta').set('question', 'x')).ok).toBe(false);
	});

	it('lets anyone move a factor on a map but only its author delete it', () => {
		const { replica } = room('map');
		const factor = (d: Y.Doc) => {
			const entry = new Y.Map<unknown>();
			entry.set('authorId', 'p1');
			entry.set('label', 'Trygghet');
			d.getMap<Y.Map<unknown>>('factors').set('f1', entry);
		};
		expect(replica(p('p1')).change(factor)).toEqual({ ok: true });
		const bob = replica(p('p2'));
		expect(bob.change((d) => d.getMap<Y.Map<unknown>>('factors').get('f1')!.set('x', 120))).toEqual({ ok: true });
		expect(bob.change((d) => d.getMap('factors').delete('f1')).ok).toBe(false);
	});

	it('lets the facilitator do anything the document allows', () => {
		const { replica } = room();
		replica(p('p1')).change((d) => addCard(d, card('a', 'p1'), null));
		const f = replica(facilitator);
		expect(f.change((d) => getCards(d).get('a')!.set('hidden', true))).toEqual({ ok: true });
		expect(f.change((d) => deleteCard(d, 'a', null))).toEqual({ ok: true });
	});

	it('accepts an update it has already applied (a re-sync after reconnect)', () => {
		const { replica, server } = room();
		const alice = replica(p('p1'));
		alice.change((d) => addCard(d, card('a', 'p1'), null));
		const whole = Y.encodeStateAsUpdate(alice.doc);
		expect(checkParticipantUpdate({ doc: server, kind: 'canvas', actor: p('p2'), update: Y.decodeUpdate(whole) })).toEqual({ ok: true });
	});

	it('refuses an update that builds on content the server never saw', () => {
		const { replica } = room();
		const alice = replica(p('p1'));
		alice.change((d) => addCard(d, card('a', 'p1'), null), false);
		expect(alice.change((d) => editCardText(d, 'a', 'ändrat', null)).ok).toBe(false);
	});
});

describe('entry rules from the workshop state', () => {
	it('passes created fields and existing entries to the rule and refuses with its reason', () => {
		const server = new Y.Doc();
		const seen: string[] = [];
		const check = (actor: Actor, fn: (d: Y.Doc) => void) => {
			const replica = new Y.Doc();
			Y.applyUpdate(replica, Y.encodeStateAsUpdate(server));
			const updates: Uint8Array[] = [];
			replica.on('update', (u: Uint8Array) => updates.push(u));
			fn(replica);
			const update = Y.mergeUpdates(updates);
			const verdict = checkParticipantUpdate({
				doc: server,
				kind: 'canvas',
				actor,
				update: Y.decodeUpdate(update),
				rule: (change) => {
					seen.push(`${change.action}:${change.action === 'create' ? change.fields.kind : change.entry.kind}`);
					const kind = change.action === 'create' ? change.fields.kind : change.entry.kind;
					return kind === 'nasta-steg' ? 'phase not reached' : null;
				}
			});
			if (verdict.ok) Y.applyUpdate(server, update);
			return verdict;
		};
		expect(check(p('p1'), (d) => addCard(d, card('a', 'p1'), null))).toEqual({ ok: true });
		expect(check(p('p1'), (d) => addCard(d, { ...card('b', 'p1'), kind: 'nasta-steg' }, null))).toEqual({
			ok: false,
			reason: 'phase not reached'
		});
		expect(check(p('p1'), (d) => editCardText(d, 'a', 'ändrad', null))).toEqual({ ok: true });
		expect(check(p('p1'), (d) => deleteCard(d, 'a', null))).toEqual({ ok: true });
		expect(seen).toEqual(['create:onskvard', 'create:nasta-steg', 'edit:onskvard', 'delete:onskvard']);
	});
});
