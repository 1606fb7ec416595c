import { z } from 'zod';

/**
 * The sector tag a participant picks when joining. Cards and readings carry it so
 * results can be read per perspective without identifying anyone (docs/METHOD.md).
 * Each workshop offers its own list: the eight below by default, and any of the other
 * actors the seeds name ready to add.
 */
export const DEFAULT_SECTORS = [
	'socialtjanst',
	'skola',
	'fritid',
	'polis',
	'halso-sjukvard',
	'civilsamhalle',
	'annan-kommunal',
	'annat'
] as const;

/**
 * Other actors the seeds bring to the table: property owners and business (seed 004's
 * fastighetsbolag, näringsliv), Jobbtorg (seed 001), the permit unit, the rescue service
 * (seed 004, Botkyrka), the County Administrative Board, the region, elected members
 * (förtroendevalda) and young people or residents themselves.
 */
export const MORE_SECTORS = [
	'fastighetsagare',
	'naringsliv',
	'jobbtorg',
	'tillstandsenhet',
	'raddningstjanst',
	'lansstyrelse',
	'region',
	'fortroendevalda',
	'unga-invanare'
] as const;

export const SECTORS = [...DEFAULT_SECTORS, ...MORE_SECTORS] as const;

export type KnownSector = (typeof SECTORS)[number];

/**
 * A sector the facilitator typed in (a local association, a parish, a housing company).
 * Its name is its code, behind a prefix no known code has, so a card, a reading or a row
 * in an export carries it readably without a lookup table.
 */
export type CustomSector = `${typeof CUSTOM_PREFIX}${string}`;

export type Sector = KnownSector | CustomSector;

const CUSTOM_PREFIX = 'egen:';
export const CUSTOM_SECTOR_NAME_MAX = 40;
/** How many sectors one workshop may offer (every known one and some of its own). */
export const WORKSHOP_SECTORS_MAX = SECTORS.length + 12;

// Letters of any language, digits, spaces and the punctuation names use; nothing that
// could break a CSV cell, a header or markup.
const CUSTOM_NAME = /^[\p{L}\p{N}][\p{L}\p{N} .&/()'-]*$/u;

/** The typed name as a sector code, or null when it is empty, too long or has odd characters. */
export function customSector(name: string): CustomSector | null {
	const clean = name.normalize('NFC').replace(/\s+/g, ' ').trim();
	if (clean.length < 2 || clean.length > CUSTOM_SECTOR_NAME_MAX || !CUSTOM_NAME.test(clean)) return null;
	return `${CUSTOM_PREFIX}${clean}`;
}

/** The name a typed-in sector shows; null for the known ones (they are translated). */
export function customSectorName(sector: string): string | null {
	return sector.startsWith(CUSTOM_PREFIX) ? sector.slice(CUSTOM_PREFIX.length) : null;
}

export function isSector(value: unknown): value is Sector {
	if (typeof value !== 'string') return false;
	if ((SECTORS as readonly string[]).includes(value)) return true;
	const name = customSectorName(value);
	return name !== null && customSector(name) === value;
}

export const sectorSchema = z.custom<Sector>(isSector, {
	message: `must be one of ${SECTORS.join(', ')}, or "${CUSTOM_PREFIX}" and a name of 2–${CUSTOM_SECTOR_NAME_MAX} letters`
});

/**
 * Sectors in the order every list shows them: the known ones in the canonical order, then
 * the typed-in ones alphabetically; each once.
 */
export function inSectorOrder<S extends string>(sectors: Iterable<S>): S[] {
	const present = new Set(sectors);
	const known = (SECTORS as readonly string[]).filter((sector) => present.has(sector as S)) as S[];
	const custom = [...present].filter((sector) => customSectorName(sector) !== null).sort((a, b) => a.localeCompare(b, 'sv'));
	const rest = [...present].filter((sector) => !known.includes(sector) && !custom.includes(sector));
	return [...known, ...custom, ...rest];
}

/** A workshop's own list in the canonical order, each sector once; empty means the defaults. */
export function workshopSectors(chosen: readonly Sector[]): Sector[] {
	if (chosen.length === 0) return [...DEFAULT_SECTORS];
	return inSectorOrder(chosen.filter(isSector));
}

/** How many of these come from each sector, in the order lists show sectors; absent sectors left out. */
export function countBySector<S extends string>(items: readonly { sector: S }[]): { sector: S; count: number }[] {
	return inSectorOrder(items.map((item) => item.sector)).map((sector) => ({
		sector,
		count: items.filter((item) => item.sector === sector).length
	}));
}
