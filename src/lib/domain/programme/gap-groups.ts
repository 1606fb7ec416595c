import { diceCoefficient } from 'dice-coefficient';

/**
 * Shared data gaps across workshops: the wishes ("Önskvärd") that no available data
 * answered, with similar wishes grouped. Similarity is the Sørensen–Dice coefficient
 * over character bigrams (the `dice-coefficient` package) of the normalised texts, which
 * tolerates word order, inflection ("skolan"/"skola") and typos, all common when many
 * rooms write the same need in their own words.
 */

/** A gap as one workshop left it. */
export interface GapEntry {
	workshopId: string;
	text: string;
	/** The sector of the wish's author ('facilitator' for the facilitator's own). */
	sector: string;
	/** Who could produce the data, if someone was proposed. */
	proposedDataOwner: string | null;
	/** The rank the wish reached in the workshop's closed vote; null if it was not on a closed ballot. */
	rank: number | null;
}

export interface GapGroup {
	/** The wording most workshops used (the earliest of the most common). */
	text: string;
	/** Every distinct wording in the group, in the order first seen. */
	variants: string[];
	/** How many workshops asked for it. */
	workshops: number;
	workshopIds: string[];
	/** How many of the wishes came from each sector. */
	sectors: Record<string, number>;
	/** Distinct proposals of who could produce the data, in the order first seen. */
	proposals: string[];
	/** The best (lowest) vote rank any of the wishes reached; null if none was ranked. */
	bestRank: number | null;
}

/** Two wishes at or above this similarity are the same need. */
export const DEFAULT_GAP_SIMILARITY = 0.7;

/** Letters Swedish keeps apart from their base letter: å, ä, ö are letters of their own, not a with a mark. */
const SWEDISH_LETTERS: Record<string, string> = { å: '\uE001', ä: '\uE002', ö: '\uE003' };
const RESTORED: Record<string, string> = { '\uE001': 'å', '\uE002': 'ä', '\uE003': 'ö' };

/**
 * A wish's text as compared: lower case by Swedish rules; å, ä and ö kept (with æ and ø
 * read as ä and ö), other diacritics dropped (é → e, ü → u); punctuation and repeated
 * spaces gone. "Frånvaro – per skola!" and "frånvaro per Skola" become the same text,
 * "får" and "far" do not.
 */
export function normaliseWish(text: string): string {
	return text
		.normalize('NFC')
		.toLocaleLowerCase('sv')
		.replace(/æ/g, 'ä')
		.replace(/ø/g, 'ö')
		.replace(/[åäö]/g, (letter) => SWEDISH_LETTERS[letter]!)
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/[\uE001-\uE003]/g, (mark) => RESTORED[mark]!)
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/**
 * Small words that carry no need of their own ("antal", "per", "och"...): dropped before
 * comparing, so two wishes are not called alike for sharing them.
 */
const FILLER_WORDS = new Set(
	'antal andel av de den det där eller efter en ett for för från hur i inom inte med mellan när och om på per som till under vad var vid vilka vilken är över'.split(
		' '
	)
);

/** The normalised text without filler words: what two wishes are compared on. */
export function wishKey(text: string): string {
	const words = normaliseWish(text).split(' ');
	const content = words.filter((word) => !FILLER_WORDS.has(word));
	return (content.length > 0 ? content : words).join(' ');
}

/** How alike two wishes are, 0–1: the Dice coefficient of their keys' character bigrams. */
export function wishSimilarity(a: string, b: string): number {
	return keySimilarity(wishKey(a), wishKey(b));
}

function keySimilarity(x: string, y: string): number {
	if (x === y) return 1;
	if (x.length < 2 || y.length < 2) return 0;
	return diceCoefficient(x, y);
}

/**
 * Groups gaps: each entry, in the order given, joins the first group whose first
 * wording it is similar enough to, else starts a new group. Comparing against a group's
 * first wording (not any member) keeps a chain of small changes from merging unrelated
 * wishes. Groups come back with the most workshops first, then best rank, then as first
 * seen.
 */
export function groupGaps(entries: readonly GapEntry[], options: { threshold?: number } = {}): GapGroup[] {
	const threshold = options.threshold ?? DEFAULT_GAP_SIMILARITY;
	const groups: { key: string; members: GapEntry[] }[] = [];
	for (const entry of entries) {
		const key = wishKey(entry.text);
		if (key === '') continue;
		const home = groups.find((group) => keySimilarity(group.key, key) >= threshold);
		if (home) home.members.push(entry);
		else groups.push({ key, members: [entry] });
	}
	const summaries = groups.map((group, order) => ({ order, summary: summarise(group.members) }));
	return summaries
		.sort(
			(a, b) =>
				b.summary.workshops - a.summary.workshops ||
				(a.summary.bestRank ?? Infinity) - (b.summary.bestRank ?? Infinity) ||
				a.order - b.order
		)
		.map(({ summary }) => summary);
}

function summarise(members: readonly GapEntry[]): GapGroup {
	const variants: string[] = [];
	const uses = new Map<string, number>();
	for (const member of members) {
		const text = member.text.trim();
		if (!uses.has(text)) variants.push(text);
		uses.set(text, (uses.get(text) ?? 0) + 1);
	}
	const text = variants.reduce((best, candidate) => ((uses.get(candidate) ?? 0) > (uses.get(best) ?? 0) ? candidate : best));
	const workshopIds = [...new Set(members.map((member) => member.workshopId))];
	const sectors: Record<string, number> = {};
	for (const member of members) sectors[member.sector] = (sectors[member.sector] ?? 0) + 1;
	const proposals = [...new Set(members.flatMap((member) => (member.proposedDataOwner?.trim() ? [member.proposedDataOwner.trim()] : [])))];
	const ranks = members.flatMap((member) => (member.rank === null ? [] : [member.rank]));
	return {
		text,
		variants,
		workshops: workshopIds.length,
		workshopIds,
		sectors,
		proposals,
		bestRank: ranks.length > 0 ? Math.min(...ranks) : null
	};
}
