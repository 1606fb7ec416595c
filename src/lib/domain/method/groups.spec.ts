import { describe, expect, it } from 'vitest';
import type { KnownSector, Sector } from '../workshop/sectors';
import {
	createGroups,
	groupNumber,
	groupOf,
	joinGroup,
	leaveGroup,
	mayChooseGroupQuestion,
	setGroupQuestion,
	splitByOrganisation,
	splitIntoGroups,
	type Group,
	type GroupMember
} from './groups';
import type { Result } from './result';
import { seededRandom } from './seeded-random';

function value<T>(result: Result<T, string>): T {
	if (!result.ok) throw new Error(result.error);
	return result.value;
}

function members(spec: Partial<Record<KnownSector, number>>): GroupMember[] {
	return Object.entries(spec).flatMap(([sector, count]) =>
		Array.from({ length: count }, (_, i) => ({ id: `${sector}-${i}`, sector: sector as Sector }))
	);
}

const room = members({ skola: 4, socialtjanst: 3, fritid: 2, polis: 1, 'halso-sjukvard': 2 });

describe('splitIntoGroups', () => {
	it('makes as few groups as the limit of five allows, of near-equal size', () => {
		const groups = value(splitIntoGroups({ members: room, random: seededRandom(1) }));
		expect(groups.map((group) => group.id)).toEqual(['grupp-1', 'grupp-2', 'grupp-3']);
		expect(groups.map((group) => group.memberIds.length)).toEqual([4, 4, 4]);
	});

	it('places everyone exactly once', () => {
		const groups = value(splitIntoGroups({ members: room, random: seededRandom(1) }));
		expect(groups.flatMap((group) => group.memberIds).sort()).toEqual(room.map((m) => m.id).sort());
	});

	it('spreads each sector as evenly as possible over the groups', () => {
		const groups = value(splitIntoGroups({ members: room, random: seededRandom(5) }));
		const sectorOf = new Map(room.map((m) => [m.id, m.sector]));
		for (const sector of ['skola', 'socialtjanst', 'fritid', 'halso-sjukvard'] as const) {
			const perGroup = groups.map((group) => group.memberIds.filter((id) => sectorOf.get(id) === sector).length);
			expect(Math.max(...perGroup) - Math.min(...perGroup), sector).toBeLessThanOrEqual(1);
		}
	});

	it('gives the same groups for the same seed, whatever order people joined in', () => {
		const first = value(splitIntoGroups({ members: room, random: seededRandom(9) }));
		const again = value(splitIntoGroups({ members: [...room].reverse(), random: seededRandom(9) }));
		expect(again).toEqual(first);
	});

	it('respects a smaller group size', () => {
		const groups = value(splitIntoGroups({ members: room, random: seededRandom(1), maxSize: 3 }));
		expect(groups).toHaveLength(4);
		expect(groups.every((group) => group.memberIds.length <= 3)).toBe(true);
	});

	it('makes one group for a small room and none for an empty one', () => {
		expect(value(splitIntoGroups({ members: members({ skola: 2, polis: 2 }), random: seededRandom(1) }))).toHaveLength(1);
		expect(value(splitIntoGroups({ members: [], random: seededRandom(1) }))).toEqual([]);
	});

	it('places a participant listed twice only once', () => {
		const twice = [...members({ skola: 2 }), { id: 'skola-0', sector: 'skola' as const }];
		const groups = value(splitIntoGroups({ members: twice, random: seededRandom(1) }));
		expect(groups.flatMap((group) => group.memberIds).sort()).toEqual(['skola-0', 'skola-1']);
	});

	it("makes the facilitator's number of groups, mixed, never more than people", () => {
		const three = members({ skola: 1, polis: 1, socialtjanst: 1 });
		const groups = value(splitIntoGroups({ members: three, random: seededRandom(1), count: 2 }));
		expect(groups.map((group) => group.memberIds.length).sort()).toEqual([1, 2]);
		expect(value(splitIntoGroups({ members: three, random: seededRandom(1), count: 5 }))).toHaveLength(3);
		expect(splitIntoGroups({ members: three, random: seededRandom(1), count: 0 })).toEqual({ ok: false, error: 'bad-size' });
	});

	it('names a later round of groups apart from the first, with the same numbers', () => {
		const second = value(splitIntoGroups({ members: room, random: seededRandom(1), round: 2 }));
		expect(second[0]!.id).toBe('grupp-1-v2');
		expect(second.map((group) => groupNumber(group.id))).toEqual(second.map((_, index) => String(index + 1)));
		expect(createGroups(1, 3)[0]!.id).toBe('grupp-1-v3');
		expect(groupNumber('grupp-4')).toBe('4');
	});

	it('refuses a group size below two', () => {
		expect(splitIntoGroups({ members: room, random: seededRandom(1), maxSize: 1 })).toEqual({ ok: false, error: 'bad-size' });
	});
});

describe('choosing groups', () => {
	const groups: Group[] = createGroups(2);

	it('creates numbered empty groups without questions', () => {
		expect(groups).toEqual([
			{ id: 'grupp-1', memberIds: [], question: null },
			{ id: 'grupp-2', memberIds: [], question: null }
		]);
	});

	it('lets a participant join and moves them out of their earlier group', () => {
		const joined = value(joinGroup(groups, { participantId: 'anna', groupId: 'grupp-1' }));
		const moved = value(joinGroup(joined, { participantId: 'anna', groupId: 'grupp-2' }));
		expect(moved.map((group) => group.memberIds)).toEqual([[], ['anna']]);
		expect(groupOf(moved, 'anna')?.id).toBe('grupp-2');
	});

	it('refuses a full group and an unknown group', () => {
		let state = groups;
		for (const id of ['a', 'b', 'c', 'd', 'e']) state = value(joinGroup(state, { participantId: id, groupId: 'grupp-1' }));
		expect(joinGroup(state, { participantId: 'f', groupId: 'grupp-1' })).toEqual({ ok: false, error: 'group-full' });
		expect(joinGroup(state, { participantId: 'f', groupId: 'grupp-9' })).toEqual({ ok: false, error: 'unknown-group' });
	});

	it('lets someone already in a full group stay there', () => {
		const full = value(joinGroup(groups, { participantId: 'a', groupId: 'grupp-1', maxSize: 1 }));
		expect(joinGroup(full, { participantId: 'a', groupId: 'grupp-1', maxSize: 1 })).toEqual({ ok: true, value: full });
	});

	it('lets a participant leave', () => {
		const joined = value(joinGroup(groups, { participantId: 'anna', groupId: 'grupp-1' }));
		expect(groupOf(leaveGroup(joined, 'anna'), 'anna')).toBeNull();
	});

	it('gives each group its own question', () => {
		const question = { kind: 'theme' as const, themeId: 'fritid', angle: 'framjande' as const };
		const updated = value(setGroupQuestion(groups, 'grupp-2', question));
		expect(updated.map((group) => group.question)).toEqual([null, question]);
		expect(setGroupQuestion(groups, 'grupp-7', question)).toEqual({ ok: false, error: 'unknown-group' });
	});
});

describe('splitByOrganisation (conference groups, seed 003: "Hitta någon/ra från din kommun")', () => {
	const person = (id: string, organisation: string | null, sector: Sector = 'skola'): GroupMember => ({ id, sector, organisation });
	const members = [
		person('a1', 'Botkyrka', 'polis'),
		person('a2', 'botkyrka ', 'skola'),
		person('a3', 'Botkyrka', 'fritid'),
		person('a4', 'BOTKYRKA', 'socialtjanst'),
		person('a5', 'Botkyrka', 'skola'),
		person('a6', 'Botkyrka', 'civilsamhalle'),
		person('h1', 'Huddinge', 'polis'),
		person('h2', 'Huddinge', 'skola'),
		person('n1', null, 'annat')
	];

	it('keeps each municipality together, in groups of at most five, alphabetically, with no-municipality last', () => {
		const groups = value(splitByOrganisation({ members, random: seededRandom(7) }));
		expect(groups.map((group) => [group.id, group.organisation ?? null, group.memberIds.length])).toEqual([
			['grupp-1', 'Botkyrka', 3],
			['grupp-2', 'Botkyrka', 3],
			['grupp-3', 'Huddinge', 2],
			['grupp-4', null, 1]
		]);
		const botkyrka = groups.filter((group) => group.organisation === 'Botkyrka').flatMap((group) => group.memberIds);
		expect(botkyrka.sort()).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
		expect(groups.every((group) => group.question === null)).toBe(true);
	});

	it('numbers a later round apart and refuses a size below two', () => {
		expect(value(splitByOrganisation({ members, random: seededRandom(1), round: 2 }))[0]!.id).toBe('grupp-1-v2');
		expect(splitByOrganisation({ members, random: seededRandom(1), maxSize: 1 })).toEqual({ ok: false, error: 'bad-size' });
	});
});

describe('mayChooseGroupQuestion', () => {
	const groups: Group[] = [
		{ id: 'grupp-1', memberIds: ['anna'], question: null },
		{ id: 'grupp-2', memberIds: ['bo'], question: null }
	];

	it("lets a group choose its own question, the facilitator any group's, and nobody another group's", () => {
		expect(mayChooseGroupQuestion(groups, { role: 'participant', participantId: 'anna' }, 'grupp-1')).toBe(true);
		expect(mayChooseGroupQuestion(groups, { role: 'participant', participantId: 'anna' }, 'grupp-2')).toBe(false);
		expect(mayChooseGroupQuestion(groups, { role: 'participant', participantId: 'anna' }, 'grupp-9')).toBe(false);
		expect(mayChooseGroupQuestion(groups, { role: 'facilitator' }, 'grupp-2')).toBe(true);
	});
});
