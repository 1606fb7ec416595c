import type { Sector } from '$lib/domain/workshop/sectors';
import { readControl } from '$lib/sync/control';
import type { App } from './app';

/** What the workshop's join form asks: its own sectors, and whether the municipality is asked. */
export async function joinForm(app: App, workshopId: string): Promise<{ sectors: Sector[]; askOrganisation: boolean }> {
	const { sectors, askOrganisation } = readControl((await app.docs.get(workshopId, 'control')).doc);
	return { sectors, askOrganisation };
}

/** Null when the sector is one this workshop offers, else the English reason for a 400. */
export function sectorProblem(sector: Sector, offered: readonly Sector[]): string | null {
	return offered.includes(sector) ? null : `sector: must be one of this workshop's sectors: ${offered.join(', ')}`;
}
