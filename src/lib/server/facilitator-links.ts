import type { App } from './app';
import { audit } from './archive/lifecycle';
import type { FacilitatorLinkRow } from './persistence/facilitator-links';
import type { WorkshopRow } from './persistence/workshops';
import { facilitatorLinkRoom } from './realtime/socket-server';
import { hashSecret, newId, newSecret } from './secrets';

/** A handful per workshop (co-facilitators, a second laptop, the organiser); more is a leak, not a team. */
export const FACILITATOR_LINKS_MAX = 20;
export const LINK_LABEL_MAX = 60;

/** A link as the API and the page show it: never its secret or hash. */
export interface FacilitatorLinkView {
	id: string;
	label: string;
	createdAt: string;
	revokedAt: string | null;
}

export function linkView(row: FacilitatorLinkRow): FacilitatorLinkView {
	return { id: row.id, label: row.label, createdAt: row.createdAt, revokedAt: row.revokedAt };
}

/**
 * A new facilitator link of its own for the workshop. The secret is returned once, to
 * put in the link; only its hash is kept. Null when the workshop already has the
 * maximum number of active links.
 */
export async function createFacilitatorLink(
	app: App,
	options: { workshop: WorkshopRow; label: string; actor: 'facilitator' | 'organiser'; now: Date }
): Promise<{ link: FacilitatorLinkView; secret: string } | null> {
	const { workshop, label, now } = options;
	const active = (await app.storage.facilitatorLinks.list(workshop.id)).filter((row) => row.revokedAt === null);
	if (active.length >= FACILITATOR_LINKS_MAX) return null;
	const secret = newSecret();
	const row: FacilitatorLinkRow = {
		id: newId(),
		workshopId: workshop.id,
		label,
		secretHash: hashSecret(secret),
		createdAt: now.toISOString(),
		revokedAt: null
	};
	await app.storage.facilitatorLinks.insert(row);
	await audit(app, { action: 'link-created', workshopId: workshop.id, actor: options.actor }, now);
	return { link: linkView(row), secret };
}

/** Revokes a link: it stops opening the workshop, and whoever is connected through it is disconnected at once. */
export async function revokeFacilitatorLink(
	app: App,
	options: { workshopId: string; linkId: string; actor: 'facilitator' | 'organiser'; now: Date }
): Promise<boolean> {
	const { workshopId, linkId, now } = options;
	const revoked = await app.storage.facilitatorLinks.revoke(workshopId, linkId, now.toISOString());
	if (!revoked) return false;
	app.io?.in(facilitatorLinkRoom(linkId)).disconnectSockets(true);
	await audit(app, { action: 'link-revoked', workshopId, actor: options.actor }, now);
	return true;
}
