import type { App } from './app';
import { workshopRoom } from './realtime/socket-server';

/**
 * Removes a participant: their session stops authenticating, they no longer count
 * toward the cap, and their open connections to the workshop are closed at once.
 * What they wrote stays. False when there was no such participant.
 */
export async function removeParticipant(app: App, workshopId: string, participantId: string): Promise<boolean> {
	if (!(await app.storage.participants.delete(workshopId, participantId))) return false;
	if (app.io) {
		const sockets = await app.io.in(workshopRoom(workshopId)).fetchSockets();
		for (const socket of sockets) {
			const actor = socket.data.actor;
			if (actor?.role === 'participant' && actor.participantId === participantId) socket.disconnect(true);
		}
	}
	return true;
}
