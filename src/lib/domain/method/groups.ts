import type { Sector } from '../workshop/sectors';
import type { MethodActor } from './method-actor';
import type { QuestionChoice } from './preparation';
import { err, ok, type Result } from './result';
import { shuffled } from './seeded-random';

/** A municipality's or organisation's name as given at joining. */
export const ORGANISATION_MAX = 80;

/** The seed's A3 exercise: "max 5 per grupp", so everyone gets to speak. */
export const GROUP_SIZE_MAX = 5;

export interface GroupMember {
	id: string;
	sector: Sector;
	/** The municipality or organisation given at joining, if asked. */
	organisation?: string | null;
}

export interface Group {
	/**
	 * `grupp-<n>` in the first round of groups, `grupp-<n>-v<round>` in later ones, so a
	 * new round never reopens an earlier round's canvas (`canvas:<id>`).
	 */
	id: string;
	memberIds: string[];
	/** Each group may work on its own question; null until one is chosen. */
	question: QuestionChoice | null;
	/** Groups formed by municipality (seed 003: "Hitta någon/ra från din kommun") carry its name. */
	organisation?: string;
}

/**
 * Splits participants into as few groups as the size limit allows, of near-equal size,
 * mixing sectors so that each group meets other perspectives (the point of a dialogue
 * across silos). Members are sorted by sector, largest sector first, and dealt to the
 * groups in turn, so each sector is spread as evenly as possible across the groups.
 * Order within a sector comes from `random` (inject `seededRandom(seed)`), so the
 * same seed always gives the same groups, whatever order the participants arrive in.
 * With `count`, the facilitator's number of groups wins (never more groups than
 * people), even when that makes groups larger than `maxSize`.
 */
export function splitIntoGroups(options: {
	members: readonly GroupMember[];
	random: () => number;
	maxSize?: number;
	count?: number;
	round?: number;
}): Result<Group[], 'bad-size'> {
	const maxSize = options.maxSize ?? GROUP_SIZE_MAX;
	if (!Number.isInteger(maxSize) || maxSize < 2) return err('bad-size');
	if (options.count !== undefined && (!Number.isInteger(options.count) || options.count < 1)) return err('bad-size');
	const bySector = new Map<Sector, string[]>();
	const seen = new Set<string>();
	for (const member of [...options.members].sort((a, b) => a.id.localeCompare(b.id))) {
		if (seen.has(member.id)) continue;
		seen.add(member.id);
		bySector.set(member.sector, [...(bySector.get(member.sector) ?? []), member.id]);
	}
	const sectors = [...bySector.entries()].sort(([a, aIds], [b, bIds]) => bIds.length - aIds.length || a.localeCompare(b));
	const dealOrder = sectors.flatMap(([, ids]) => shuffled(ids, options.random));
	const wanted = options.count ?? Math.ceil(dealOrder.length / maxSize);
	const groups = emptyGroups(Math.min(wanted, dealOrder.length), options.round ?? 1);
	dealOrder.forEach((memberId, index) => groups[index % groups.length]!.memberIds.push(memberId));
	return ok(groups);
}

/**
 * The conference's groups (seed 003: "Hitta någon/ra från din kommun … max 5 per grupp"):
 * people who gave the same municipality or organisation (case and spacing aside) work
 * together, each municipality in as few groups of at most `maxSize` as it needs, sectors
 * mixed within it as in {@link splitIntoGroups}. Municipalities come in alphabetical
 * order; people who gave none form the last groups, without a name.
 */
export function splitByOrganisation(options: {
	members: readonly GroupMember[];
	random: () => number;
	maxSize?: number;
	round?: number;
}): Result<Group[], 'bad-size'> {
	const maxSize = options.maxSize ?? GROUP_SIZE_MAX;
	if (!Number.isInteger(maxSize) || maxSize < 2) return err('bad-size');
	const byKey = new Map<string, { name: string | null; members: GroupMember[] }>();
	for (const member of options.members) {
		const name = member.organisation?.trim() || null;
		const key = name ? name.toLocaleLowerCase('sv').replace(/\s+/g, ' ') : '';
		const entry = byKey.get(key) ?? { name, members: [] };
		entry.members.push(member);
		byKey.set(key, entry);
	}
	const ordered = [...byKey.entries()].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'sv')));
	const groups: Group[] = [];
	for (const [, { name, members }] of ordered) {
		const split = splitIntoGroups({ members, random: options.random, maxSize });
		if (!split.ok) return split;
		for (const group of split.value) groups.push({ ...group, ...(name ? { organisation: name } : {}) });
	}
	const ids = emptyGroups(groups.length, options.round ?? 1).map((group) => group.id);
	return ok(groups.map((group, index) => ({ ...group, id: ids[index]! })));
}

/**
 * Whether `actor` may set a group's question: the facilitator for any group, a
 * participant only for the group they are in (each conference group chooses its own).
 */
export function mayChooseGroupQuestion(groups: readonly Group[], actor: MethodActor, groupId: string): boolean {
	if (actor.role === 'facilitator') return true;
	return groups.some((group) => group.id === groupId && group.memberIds.includes(actor.participantId));
}

/** `count` empty groups for people to choose from themselves. */
export function createGroups(count: number, round = 1): Group[] {
	return emptyGroups(Math.max(0, Math.floor(count)), round);
}

/** The number people see for a group ("Grupp 2"), whatever round it belongs to. */
export function groupNumber(groupId: string): string {
	return /^grupp-(\d+)/.exec(groupId)?.[1] ?? groupId;
}

/**
 * A participant chooses a group; they leave any group they were in. Refused when the
 * group is already at `maxSize`. Choosing one's current group changes nothing.
 */
export function joinGroup(
	groups: readonly Group[],
	options: { participantId: string; groupId: string; maxSize?: number }
): Result<Group[], 'unknown-group' | 'group-full'> {
	const { participantId, groupId } = options;
	const target = groups.find((group) => group.id === groupId);
	if (!target) return err('unknown-group');
	if (target.memberIds.includes(participantId)) return ok([...groups]);
	if (target.memberIds.length >= (options.maxSize ?? GROUP_SIZE_MAX)) return err('group-full');
	return ok(
		leaveGroup(groups, participantId).map((group) =>
			group.id === groupId ? { ...group, memberIds: [...group.memberIds, participantId] } : group
		)
	);
}

/** The groups without the participant; unchanged groups are the same objects. */
export function leaveGroup(groups: readonly Group[], participantId: string): Group[] {
	return groups.map((group) =>
		group.memberIds.includes(participantId) ? { ...group, memberIds: group.memberIds.filter((id) => id !== participantId) } : group
	);
}

export function setGroupQuestion(
	groups: readonly Group[],
	groupId: string,
	question: QuestionChoice | null
): Result<Group[], 'unknown-group'> {
	if (!groups.some((group) => group.id === groupId)) return err('unknown-group');
	return ok(groups.map((group) => (group.id === groupId ? { ...group, question } : group)));
}

export function groupOf(groups: readonly Group[], participantId: string): Group | null {
	return groups.find((group) => group.memberIds.includes(participantId)) ?? null;
}

function emptyGroups(count: number, round: number): Group[] {
	return Array.from({ length: count }, (_, index) => ({
		id: round > 1 ? `grupp-${index + 1}-v${round}` : `grupp-${index + 1}`,
		memberIds: [],
		question: null
	}));
}
