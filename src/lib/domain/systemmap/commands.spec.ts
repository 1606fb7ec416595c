import { describe, expect, it } from 'vitest';
import { MAP_FACTORS_MAX } from './map';
import { checkMapCommand, mapCommandSchema, type MapBoard, type MapCommand } from './commands';

const alice = { role: 'participant', participantId: 'alice' } as const;
const bob = { role: 'participant', participantId: 'bob' } as const;
const facilitator = { role: 'facilitator' } as const;

function board(
	options: { factors?: Record<string, string>; links?: Record<string, [string, string, string]>; factorCount?: number } = {}
): MapBoard {
	const factors = options.factors ?? {};
	const links = Object.entries(options.links ?? {}).map(([id, [from, to, authorId]]) => ({ id, from, to, authorId }));
	return {
		factor: (id) => (factors[id] ? { authorId: factors[id] } : null),
		link: (id) => links.find((link) => link.id === id) ?? null,
		story: () => null,
		linksOf: (id) => links.filter((link) => link.from === id || link.to === id),
		counts: () => ({ factors: options.factorCount ?? Object.keys(factors).length, links: links.length, stories: 0 })
	};
}

const parse = (command: unknown): MapCommand => mapCommandSchema.parse(command);

describe('map commands', () => {
	const map = board({ factors: { a: 'alice', b: 'bob' }, links: { ab: ['a', 'b', 'bob'] } });

	it('lets anyone add, move, relink and edit, and people remove only what they added', () => {
		expect(
			checkMapCommand({ actor: alice, board: map }, parse({ type: 'factor.move', positions: [{ id: 'b', x: 10, y: 20 }] }))
		).toBeNull();
		expect(checkMapCommand({ actor: alice, board: map }, parse({ type: 'link.edit', id: 'ab', polarity: '-' }))).toBeNull();
		expect(checkMapCommand({ actor: alice, board: map }, parse({ type: 'link.remove', id: 'ab' }))).toMatchObject({ key: 'not-author' });
		// Alice's factor carries Bob's link, so removing it would remove his work too.
		expect(checkMapCommand({ actor: alice, board: map }, parse({ type: 'factor.remove', id: 'a' }))).toMatchObject({ key: 'not-author' });
		expect(checkMapCommand({ actor: facilitator, board: map }, parse({ type: 'factor.remove', id: 'a' }))).toBeNull();
		expect(checkMapCommand({ actor: bob, board: map }, parse({ type: 'link.remove', id: 'ab' }))).toBeNull();
	});

	it('keeps the title the facilitator’s and refuses a second arrow the same way', () => {
		expect(checkMapCommand({ actor: alice, board: map }, parse({ type: 'map.meta', title: 'Kapad' }))).toMatchObject({
			key: 'facilitator-only'
		});
		expect(
			checkMapCommand({ actor: alice, board: map }, parse({ type: 'link.add', id: 'ab2', from: 'a', to: 'b', polarity: '-' }))
		).toMatchObject({
			key: 'exists'
		});
		expect(
			checkMapCommand({ actor: alice, board: map }, parse({ type: 'link.add', id: 'ba', from: 'b', to: 'a', polarity: '-' }))
		).toBeNull();
		expect(
			checkMapCommand({ actor: alice, board: map }, parse({ type: 'link.add', id: 'x', from: 'a', to: 'nowhere', polarity: '+' }))
		).toMatchObject({
			code: 'not_found'
		});
	});

	it('caps the number of factors a map holds', () => {
		const full = board({ factorCount: MAP_FACTORS_MAX });
		expect(
			checkMapCommand({ actor: alice, board: full }, parse({ type: 'factor.add', factors: [{ id: 'n', label: 'Ny', kind: 'faktor' }] }))
		).toMatchObject({
			key: 'map-full'
		});
	});

	it('refuses invalid kinds, polarities, huge batches and non-finite positions before any rule runs', () => {
		for (const forged of [
			{ type: 'factor.add', factors: [{ id: 'f', label: 'x', kind: 'ogiltig' }] },
			{ type: 'factor.add', factors: [{ id: 'f', label: 'x', kind: 'faktor', tag: 'farlig' }] },
			{ type: 'factor.add', factors: [{ id: 'f', label: 'x', kind: 'insats', level: 'tertiär' }] },
			{ type: 'factor.add', factors: Array.from({ length: 10_000 }, (_, i) => ({ id: `f${i}`, label: 'x', kind: 'faktor' })) },
			{ type: 'factor.move', positions: [{ id: 'a', x: Number.NaN, y: 0 }] },
			{ type: 'link.add', id: 'l', from: 'a', to: 'b', polarity: '*' },
			{ type: 'factor.edit', id: 'a', authorId: 'alice' },
			{ type: 'link.flip', id: 'ab' }
		]) {
			expect(mapCommandSchema.safeParse(forged).success, JSON.stringify(forged).slice(0, 60)).toBe(false);
		}
	});
});
