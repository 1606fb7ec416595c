import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';
import { createWorkshop } from '../helpers/workshop-api';

const PASSPHRASE = 'organisatörens fras för mallar';

describe('organisers keep workshop setups as templates for their municipality', () => {
	let server: RunningServer;
	const organiser = { authorization: `Bearer ${PASSPHRASE}`, 'content-type': 'application/json' };
	const templates = () => `${server.url}/api/programme/templates`;
	const put = (workshopId: string, body: unknown, headers: Record<string, string> = organiser) =>
		fetch(`${templates()}/${workshopId}`, { method: 'PUT', headers, body: JSON.stringify(body) });

	beforeAll(async () => {
		server = await startServer({ env: { ORGANISER_PASSPHRASE: PASSPHRASE } });
	});
	afterAll(async () => server?.stop());

	it('keeps, lists, renames and removes a template, and a new workshop starts from it', async () => {
		const source = await createWorkshop(server.url, 'Kommunbesök, upplägg');
		const kept = await put(source.id, { name: 'Kommunbesök Botkyrka', municipality: 'Botkyrka' });
		expect(kept.status).toBe(200);
		expect(await kept.json()).toMatchObject({
			workshopId: source.id,
			name: 'Kommunbesök Botkyrka',
			municipality: 'Botkyrka',
			title: 'Kommunbesök, upplägg'
		});

		await put(source.id, { name: 'Kommunbesök, halvdag', municipality: 'Botkyrka' });
		const other = await createWorkshop(server.url, 'Konferens');
		await put(other.id, { name: 'Konferensens miniworkshop' });
		const listed = await (await fetch(templates(), { headers: organiser })).json();
		expect(listed.templates.map((t: { name: string; municipality: string | null }) => [t.name, t.municipality])).toEqual([
			['Kommunbesök, halvdag', 'Botkyrka'],
			['Konferensens miniworkshop', null]
		]);

		const started = await fetch(`${server.url}/api/workshops/${source.id}/copy`, { method: 'POST', headers: organiser });
		expect(started.status).toBe(201);
		expect((await started.json()).title).toMatch(/Kommunbesök, upplägg/);

		expect((await fetch(`${templates()}/${other.id}`, { method: 'DELETE', headers: organiser })).status).toBe(204);
		expect((await fetch(`${templates()}/${other.id}`, { method: 'DELETE', headers: organiser })).status).toBe(404);
		// Deleting the workshop takes its template with it.
		const deleted = await fetch(`${server.url}/api/workshops/${source.id}/delete`, {
			method: 'POST',
			headers: organiser,
			body: JSON.stringify({ confirm: source.code })
		});
		expect(deleted.status).toBe(200);
		expect((await (await fetch(templates(), { headers: organiser })).json()).templates).toEqual([]);
	});

	it('is for organisers only, and refuses a bad name or an unknown workshop with English messages', async () => {
		const w = await createWorkshop(server.url, 'Skyddad');
		expect((await fetch(templates())).status).toBe(401);
		expect((await fetch(templates(), { headers: { authorization: `Bearer ${w.facilitatorSecret}` } })).status).toBe(403);
		expect(
			(await put(w.id, { name: 'Min mall' }, { authorization: `Bearer ${w.facilitatorSecret}`, 'content-type': 'application/json' })).status
		).toBe(403);
		for (const body of [
			{},
			{ name: '' },
			{ name: 'x'.repeat(81) },
			{ name: 'Mall\u202E' },
			{ name: 'Mall', municipality: 'y'.repeat(81) },
			{ name: 'Mall', extra: 1 }
		]) {
			const answer = await put(w.id, body);
			expect(answer.status, JSON.stringify(body)).toBe(400);
			expect((await answer.json()).error.message).toMatch(/[a-z]/);
		}
		expect((await put('finnsinte0000000', { name: 'Mall' })).status).toBe(404);
		expect((await (await fetch(templates(), { headers: organiser })).json()).templates).toEqual([]);
	});
});
