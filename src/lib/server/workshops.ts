import { isJoinCode, normaliseJoinCode } from '$lib/domain/workshop/join-code';
import type { Actor } from '$lib/domain/workshop/access';
import { PARTICIPANTS_MAX, isWorkshopFull } from '$lib/domain/workshop/participant-limit';
import type { Sector } from '$lib/domain/workshop/sectors';
import type { ParticipantRow } from './persistence/participants';
import { DuplicateKeyError, type Storage } from './persistence/storage';
import type { WorkshopRow } from './persistence/workshops';
import { KeyedQueue } from './keyed-queue';
import { hashSecret, newId, newJoinCode, newSecret, secretMatches } from './secrets';

export const INITIAL_PHASE = 'valj-fraga';
export const TITLE_MAX = 120;
export const DISPLAY_NAME_MAX = 40;

export interface CreatedWorkshop {
	workshop: WorkshopRow;
	/** Returned once, to whoever created the workshop; only its hash is stored. */
	facilitatorSecret: string;
}

/** Creates a workshop with a fresh join code, retrying on the rare code collision. */
export async function createWorkshop(storage: Storage, title: string): Promise<CreatedWorkshop> {
	const facilitatorSecret = newSecret();
	for (let attempt = 0; attempt < 8; attempt++) {
		const workshop: WorkshopRow = {
			id: newId(),
			code: newJoinCode(),
			title,
			secretHash: hashSecret(facilitatorSecret),
			phase: INITIAL_PHASE,
			status: 'open',
			createdAt: new Date().toISOString()
		};
		try {
			await storage.workshops.insert(workshop);
			return { workshop, facilitatorSecret };
		} catch (error) {
			if (!(error instanceof DuplicateKeyError)) throw error;
		}
	}
	throw new Error('could not find a free join code');
}

/** Finds a workshop by join code (as typed) or by id. */
export async function findWorkshop(storage: Storage, ref: string): Promise<WorkshopRow | null> {
	const code = normaliseJoinCode(ref);
	if (isJoinCode(code)) {
		const byCode = await storage.workshops.findByCode(code);
		if (byCode) return byCode;
	}
	return /^[a-z0-9]{1,40}$/.test(ref) ? storage.workshops.findById(ref) : null;
}

export interface JoinedParticipant {
	participant: ParticipantRow;
	/** `<participantId>.<token>`: the participant's session, kept in an httpOnly cookie. */
	session: string;
}

export class WorkshopFullError extends Error {
	constructor() {
		super(`the workshop is full: at most ${PARTICIPANTS_MAX} participants`);
		this.name = 'WorkshopFullError';
	}
}

/** One join at a time per workshop on this instance, so the participant cap holds exactly. */
const joins = new KeyedQueue();

/** Adds a participant; throws WorkshopFullError once PARTICIPANTS_MAX have joined. */
export function joinWorkshop(
	storage: Storage,
	options: { workshopId: string; displayName: string; sector: Sector; organisation?: string }
): Promise<JoinedParticipant> {
	return joins.run(options.workshopId, () => addParticipant(storage, options));
}

async function addParticipant(
	storage: Storage,
	options: { workshopId: string; displayName: string; sector: Sector; organisation?: string }
): Promise<JoinedParticipant> {
	if (isWorkshopFull(await storage.participants.count(options.workshopId))) throw new WorkshopFullError();
	const token = newSecret();
	const participant: ParticipantRow = {
		id: newId(),
		workshopId: options.workshopId,
		tokenHash: hashSecret(token),
		displayName: options.displayName,
		sector: options.sector,
		organisation: options.organisation || null,
		createdAt: new Date().toISOString()
	};
	await storage.participants.insert(participant);
	return { participant, session: `${participant.id}.${token}` };
}

/**
 * Whose facilitator secret this is: the workshop's own (`linkId` null), an active
 * co-facilitator link's, or nobody's (null). Losing one browser's cookie loses nothing:
 * another facilitator's link still opens the workshop.
 */
export async function facilitatorSecretOf(
	storage: Storage,
	workshop: WorkshopRow,
	secret: string
): Promise<{ linkId: string | null } | null> {
	if (secretMatches(secret, workshop.secretHash)) return { linkId: null };
	const link = await storage.facilitatorLinks.findActive(workshop.id, hashSecret(secret));
	return link ? { linkId: link.id } : null;
}

/**
 * Resolves who is calling from the credentials presented; null when none is valid. A
 * facilitator who came in through a co-facilitator link carries its id, so revoking
 * the link can close that connection.
 */
export async function authenticate(
	storage: Storage,
	options: { workshop: WorkshopRow; facilitatorSecret?: string | null; participantSession?: string | null }
): Promise<(Actor & { linkId?: string }) | null> {
	const { workshop, facilitatorSecret, participantSession } = options;
	const facilitator = facilitatorSecret ? await facilitatorSecretOf(storage, workshop, facilitatorSecret) : null;
	if (facilitator) {
		return { role: 'facilitator', workshopId: workshop.id, ...(facilitator.linkId ? { linkId: facilitator.linkId } : {}) };
	}
	if (participantSession) {
		const participant = await findParticipantBySession(storage, workshop.id, participantSession);
		if (participant) return { role: 'participant', workshopId: workshop.id, participantId: participant.id };
	}
	return null;
}

export async function findParticipantBySession(storage: Storage, workshopId: string, session: string): Promise<ParticipantRow | null> {
	const dot = session.indexOf('.');
	if (dot <= 0) return null;
	const participant = await storage.participants.find(workshopId, session.slice(0, dot));
	if (!participant) return null;
	return secretMatches(session.slice(dot + 1), participant.tokenHash) ? participant : null;
}
