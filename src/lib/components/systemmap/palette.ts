import type { FactorKind } from '$lib/domain/systemmap';
import type { KnownSector, Sector } from '$lib/domain/workshop/sectors';
import type { Emphasis } from '$lib/client/map-state.svelte';

/**
 * Colours of the map. Kind is also told by the box's shape (rounded, pill,
 * dashed) and sector by a stripe and the accessible name, so nothing depends on
 * colour alone; every fill is light enough for dark text at AA contrast.
 */
export const KIND_FILL: Record<FactorKind, string> = { faktor: '#ffffff', aktor: '#e3eefa', insats: '#e4f4e7' };

const KNOWN_FILL: Record<KnownSector, string> = {
	socialtjanst: '#fde4e6',
	skola: '#fff2c2',
	fritid: '#e0f3d8',
	polis: '#dde8ff',
	'halso-sjukvard': '#ece0f8',
	civilsamhalle: '#ffe5cc',
	'annan-kommunal': '#d8f1f1',
	annat: '#eceff1',
	fastighetsagare: '#f3e6d8',
	naringsliv: '#e6e6fa',
	jobbtorg: '#e2f0e9',
	tillstandsenhet: '#f6e3f0',
	raddningstjanst: '#fde2d5',
	lansstyrelse: '#e3e9f0',
	region: '#e5f2fa',
	fortroendevalda: '#f4f0d7',
	'unga-invanare': '#e9f7e1'
};

const KNOWN_STRIPE: Record<KnownSector, string> = {
	socialtjanst: '#b4232f',
	skola: '#8a6a00',
	fritid: '#2f7a1f',
	polis: '#2750a8',
	'halso-sjukvard': '#6f3fa6',
	civilsamhalle: '#b35400',
	'annan-kommunal': '#1d7474',
	annat: '#56636b',
	fastighetsagare: '#7a4b1c',
	naringsliv: '#4b3fa6',
	jobbtorg: '#2d6a4f',
	tillstandsenhet: '#9c2f7a',
	raddningstjanst: '#b3361d',
	lansstyrelse: '#3c4f66',
	region: '#1f6f9c',
	fortroendevalda: '#6b6000',
	'unga-invanare': '#3f7a12'
};

// Typed-in sectors take one of these pairs by their name, so each keeps its colour everywhere.
const TYPED_IN: readonly [fill: string, stripe: string][] = [
	['#f0e6dc', '#6e4a2a'],
	['#dcecf0', '#215e6e'],
	['#eee0ea', '#7d2e63'],
	['#e4ecdc', '#4a6a22'],
	['#e8e4f4', '#4d3f8a'],
	['#f4ece0', '#7a5300']
];

function typedInPair(sector: string): readonly [string, string] {
	let hash = 0;
	for (const char of sector) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
	return TYPED_IN[hash % TYPED_IN.length]!;
}

export function sectorFill(sector: Sector): string {
	return sector in KNOWN_FILL ? KNOWN_FILL[sector as KnownSector] : typedInPair(sector)[0];
}

export function sectorStripe(sector: Sector): string {
	return sector in KNOWN_STRIPE ? KNOWN_STRIPE[sector as KnownSector] : typedInPair(sector)[1];
}

/** Stroke per emphasis: a selected loop in red, what drives a factor in teal, what it drives in brown. */
export const TONE: Record<Emphasis, string> = {
	normal: '#40525c',
	dim: '#9aa5b1',
	loop: '#b42318',
	focus: '#14232b',
	upstream: '#0b5c6b',
	downstream: '#8a4b00',
	both: '#6b3fa0'
};

/** Corner radius per kind: a plain box for a factor, a pill for an actor, square for an intervention. */
export function kindRadius(kind: FactorKind, height: number): number {
	return kind === 'aktor' ? height / 2 : kind === 'insats' ? 0 : 6;
}
