/**
 * The sector tag a participant picks when joining. Cards and readings carry it so
 * results can be read per perspective without identifying anyone (docs/METHOD.md).
 */
export const SECTORS = ['socialtjanst', 'skola', 'fritid', 'polis', 'halso-sjukvard', 'civilsamhalle', 'annan-kommunal', 'annat'] as const;

export type Sector = (typeof SECTORS)[number];

export function isSector(value: unknown): value is Sector {
	return typeof value === 'string' && (SECTORS as readonly string[]).includes(value);
}
