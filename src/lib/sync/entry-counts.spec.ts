import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { entryCounts } from './entry-counts';

const AUTHORS = ['p1', 'p2', 'facilitator'];

function entry(authorId: unknown): Y.Map<unknown> {
	const map = new Y.Map<unknown>();
	map.set('authorId', authorId);
	map.set('text', 'Oro för ungas psykiska hälsa');
	return map;
}

/** What the index must agree with: a walk over every entry. */
function walked(root: Y.Map<unknown>, authorId: string): { mine: number; total: number } {
	let mine = 0;
	for (const value of root.values()) if (value instanceof Y.Map && value.get('authorId') === authorId) mine++;
	return { mine, total: root.size };
}

const operation = fc.oneof(
	fc.record({ op: fc.constant('set' as const), key: fc.integer({ min: 0, max: 6 }), author: fc.constantFrom(...AUTHORS) }),
	fc.record({ op: fc.constant('delete' as const), key: fc.integer({ min: 0, max: 6 }) }),
	fc.record({ op: fc.constant('plain' as const), key: fc.integer({ min: 0, max: 6 }) }),
	fc.record({ op: fc.constant('remote' as const), key: fc.integer({ min: 0, max: 6 }), author: fc.constantFrom(...AUTHORS) }),
	fc.record({ op: fc.constant('undo' as const) })
);

describe('entryCounts', () => {
	it('counts the entries already there when first asked', () => {
		const doc = new Y.Doc();
		const cards = doc.getMap<unknown>('cards');
		cards.set('a', entry('p1'));
		cards.set('b', entry('p1'));
		cards.set('c', entry('p2'));
		cards.set('d', 'not a card');
		cards.set('e', entry(42));
		expect(AUTHORS.map((a) => entryCounts(cards, a))).toEqual([
			{ mine: 2, total: 5 },
			{ mine: 1, total: 5 },
			{ mine: 0, total: 5 }
		]);
	});

	it('agrees with a walk over the entries after any adds, replacements, deletions, remote updates and undos', () => {
		fc.assert(
			fc.property(fc.array(operation, { maxLength: 40 }), (operations) => {
				const doc = new Y.Doc();
				const cards = doc.getMap<unknown>('cards');
				const undo = new Y.UndoManager(cards, { captureTimeout: 0 });
				const remote = new Y.Doc();
				entryCounts(cards, 'p1');
				for (const step of operations) {
					if (step.op === 'set') cards.set(`k${step.key}`, entry(step.author));
					else if (step.op === 'delete') cards.delete(`k${step.key}`);
					else if (step.op === 'plain') cards.set(`k${step.key}`, 'text');
					else if (step.op === 'undo') undo.undo();
					else {
						Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
						remote.getMap<unknown>('cards').set(`k${step.key}`, entry(step.author));
						Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote));
					}
					for (const author of AUTHORS) expect(entryCounts(cards, author)).toEqual(walked(cards, author));
				}
			})
		);
	});
});
