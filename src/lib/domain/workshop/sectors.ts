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

export type Sector = (typeof SECTORS)[number];

export function isSector(value: unknown): value is Sector {
	return typeof value === 'string' && (SECTORS as readonly string[]).includes(value);
}

/** A workshop's own list in the canonical order, each sector once; empty means the defaults. */
export function workshopSectors(chosen: readonly Sector[]): Sector[] {
	if (chosen.length === 0) return [...DEFAULT_SECTORS];
	return SECTORS.filter((sector) => chosen.includes(sector));
}
