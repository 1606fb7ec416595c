import type { Sector } from '../../src/lib/domain/workshop/sectors';

export interface CreatedWorkshop {
	id: string;
	code: string;
	joinUrl: string;
	facilitatorUrl: string;
	facilitatorSecret: string;
}

export async function createWorkshop(baseUrl: string, title = 'Testworkshop'): Promise<CreatedWorkshop> {
	const response = await fetch(`${baseUrl}/api/workshops`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ title })
	});
	if (response.status !== 201) throw new Error(`create failed: ${response.status} ${await response.text()}`);
	return (await response.json()) as CreatedWorkshop;
}

/** Joins through the JSON API and returns the participant's session string. */
export async function joinWorkshop(
	baseUrl: string,
	code: string,
	options: { displayName?: string; sector?: Sector } = {}
): Promise<{ participantId: string; session: string }> {
	const response = await fetch(`${baseUrl}/api/workshops/${code}/participants`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ displayName: options.displayName ?? '', sector: options.sector ?? 'skola' })
	});
	if (response.status !== 201) throw new Error(`join failed: ${response.status} ${await response.text()}`);
	return (await response.json()) as { participantId: string; session: string };
}

/** The join request as a client sends it, whatever the body; the caller reads the answer. */
export function postJoin(baseUrl: string, code: string, body: Record<string, unknown>): Promise<Response> {
	return fetch(`${baseUrl}/api/workshops/${code}/participants`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
}
