import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';
import { createWorkshop } from '../helpers/workshop-api';

const LONG_NAME = 'Andel elever i årskurs 9 som är behöriga till yrkesprogram, hemkommun, andel (%) 2024';

describe('an uploaded indicator with a long name', () => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startServer();
	});
	afterAll(async () => server?.stop());

	it('gets an id the archive accepts, so export → import works', async () => {
		expect(LONG_NAME.length).toBeGreaterThan(80);
		const workshop = await createWorkshop(server.url, 'Långa namn');
		const auth = { authorization: `Bearer ${workshop.facilitatorSecret}` };
		const mapping = JSON.stringify({ area: 'Område', period: { fixed: '2024' }, value: 'Värde', indicator: { name: LONG_NAME } });
		const uploaded = await fetch(
			`${server.url}/api/workshops/${workshop.id}/indicators?format=csv&mapping=${encodeURIComponent(mapping)}`,
			{
				method: 'POST',
				headers: { 'content-type': 'text/csv', ...auth },
				body: 'Område;Värde\nNynäshamn;81,5\nRiket;84,2\n'
			}
		);
		expect(uploaded.status).toBe(201);
		const [indicator] = (await uploaded.json()).indicators as { id: string; name: string }[];
		expect(indicator!.name).toBe(LONG_NAME);
		expect(indicator!.id.length).toBeLessThanOrEqual(64);

		const exported = await fetch(`${server.url}/api/workshops/${workshop.id}/export.json`, { headers: auth });
		expect(exported.status).toBe(200);
		const imported = await fetch(`${server.url}/api/workshops/import`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...auth },
			body: await exported.text()
		});
		expect(imported.status).toBe(201);
	});
});
