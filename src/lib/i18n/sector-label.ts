import type { TFunction } from 'i18next';
import { customSectorName } from '$lib/domain/workshop/sectors';

/** A sector's name in the page's language; a typed-in sector shows the name it was given. */
export function sectorLabel(t: TFunction, sector: string): string {
	return customSectorName(sector) ?? t(`sector.${sector}`);
}
