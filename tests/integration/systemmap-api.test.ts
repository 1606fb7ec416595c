import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SyncClient } from '../../src/lib/client/sync-client';
import { readMap } from '../../src/lib/sync/map';
import { connectClient } from '../helpers/clients';
import { startServer, type RunningServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/workshop-api';

const triangle = {
	title: 'Stress och sömn',
	factors: [
		{ id: 'stress', label: 'Stress' },
		{ id: 'somn', label: 'Sömn', kind: 'faktor' },
		{ id: 'skola', label: 'Skolresultat' }
	],
	links: [
		{ from: 'stress', to: 'somn', polarity: '-' },
		{ from: 'somn', to: 'skola', polarity: '+' },
		{ from: 'skola', to: 'stress', polarity: '-' }
	]
};

describe('system map API', () => {
	let server: RunningServer;
	const clients: SyncClient[] = [];
	beforeAll(async () => {
		server = await startServer();
	});
	afterEach(() => {
		clients.splice(0).forEach((client) => client.destroy());
	});
	afterAll(async () => server?.stop());

	const asFacilitator = (w: CreatedWorkshop) => ({ authorization: `Bearer ${w.facilitatorSecret}` });
	const asParticipant = (w: CreatedWorkshop, session: string) => ({ cookie: `dd_p_${w.id}=${session}` });
	const importMap = (
		w: CreatedWorkshop,
		body: string,
		type = 'application/json',
		headers: Record<string, string> = asFacilitator(w),
		query = ''
	) => fetch(`${server.url}/api/workshops/${w.id}/maps${query}`, { method: 'POST', headers: { 'content-type': type, ...headers }, body });
	const get = (w: CreatedWorkshop, path: string, headers: Record<string, string> = asFacilitator(w)) =>
		fetch(`${server.url}/api/workshops/${w.id}/maps${path}`, { headers });
	const mapCount = async (w: CreatedWorkshop) => ((await (await get(w, '')).json()).maps as unknown[]).length;

	it('imports a JSON map into a new document and reads it back with its loop classified', async () => {
		const w = await createWorkshop(server.url);
		const created = await importMap(w, JSON.stringify(triangle));
		expect(created.status).toBe(201);
		const { mapId } = await created.json();
		expect(mapId).toMatch(/^[a-z0-9]+$/);

		const response = await get(w, `/${mapId}`);
		expect(response.status).toBe(200);
		const body = await response.json();
		expect(body.title).toBe('Stress och sömn');
		expect(body.factors.map((f: { id: string; kind: string }) => [f.id, f.kind])).toEqual([
			['skola', 'faktor'],
			['somn', 'faktor'],
			['stress', 'faktor']
		]);
		expect(body.factors.every((f: { x?: number; y?: number }) => typeof f.x === 'number' && typeof f.y === 'number')).toBe(true);
		expect(body.links).toHaveLength(3);
		expect(body.loops).toEqual([{ kind: 'R', factors: ['skola', 'stress', 'somn'], links: ['link-3', 'link-1', 'link-2'] }]);
		expect(body.loopsTruncated).toBe(false);
	});

	it('imports a CSV of links with the title from the query and names factors from the file', async () => {
		const w = await createWorkshop(server.url);
		const csv = 'från;till;polaritet\r\nOro;Sömnbrist;+\r\nSömnbrist;Oro;+\r\nSömnbrist;Frånvaro;\u2212\r\n';
		const created = await importMap(w, csv, 'text/csv; charset=utf-8', asFacilitator(w), '?title=Fr%C3%A5nvaro');
		expect(created.status).toBe(201);
		const body = await (await get(w, `/${(await created.json()).mapId}`)).json();
		expect(body.title).toBe('Frånvaro');
		expect(body.factors.map((f: { label: string }) => f.label).sort()).toEqual(['Frånvaro', 'Oro', 'Sömnbrist']);
		expect(body.loops.map((loop: { kind: string }) => loop.kind)).toEqual(['R']);
	});

	it('answers 400 for a link to an unknown factor and stores no map', async () => {
		const w = await createWorkshop(server.url);
		const broken = { ...triangle, links: [...triangle.links, { from: 'stress', to: 'ensamhet', polarity: '+' }] };
		const response = await importMap(w, JSON.stringify(broken));
		expect(response.status).toBe(400);
		const body = await response.json();
		expect(body.error.code).toBe('bad_request');
		expect(body.error.message).toContain("unknown factor 'ensamhet'");
		expect(await mapCount(w)).toBe(1);
	});

	it('answers 400 with the line number for a bad polarity in a CSV and stores no map', async () => {
		const w = await createWorkshop(server.url);
		const response = await importMap(w, 'Oro;Sömn;+\nSömn;Oro;?\n', 'text/csv');
		expect(response.status).toBe(400);
		const body = await response.json();
		expect(body.error.message).toContain('line 2');
		expect(body.error.details).toEqual([{ line: 2, message: "polarity: expected '+' or '-', got '?'" }]);
		expect(await mapCount(w)).toBe(1);
	});

	it('refuses other content types, oversized bodies and malformed JSON', async () => {
		const w = await createWorkshop(server.url);
		// Same origin, or SvelteKit's CSRF guard answers a text/plain POST with 403 before the route sees it.
		expect((await importMap(w, 'a;b;+', 'text/plain', { ...asFacilitator(w), origin: server.url })).status).toBe(415);
		expect((await importMap(w, `Oro;Sömn;+\n${'x'.repeat(1024 * 1024)}`, 'text/csv')).status).toBe(413);
		expect((await importMap(w, '{"factors": [', 'application/json')).status).toBe(400);
		expect(await mapCount(w)).toBe(1);
	});

	it('lets only the facilitator import: a participant gets 403 and a stranger 401', async () => {
		const w = await createWorkshop(server.url);
		const p = await joinWorkshop(server.url, w.code);
		expect((await importMap(w, JSON.stringify(triangle), 'application/json', asParticipant(w, p.session))).status).toBe(403);
		expect((await importMap(w, JSON.stringify(triangle), 'application/json', {})).status).toBe(401);
		const other = await createWorkshop(server.url);
		expect((await importMap(w, JSON.stringify(triangle), 'application/json', asFacilitator(other))).status).toBe(401);
		expect(await mapCount(w)).toBe(1);
	});

	it('lets a participant of the workshop read a map, and nobody else', async () => {
		const w = await createWorkshop(server.url);
		const { mapId } = await (await importMap(w, JSON.stringify(triangle))).json();
		const p = await joinWorkshop(server.url, w.code);
		expect((await get(w, `/${mapId}`, asParticipant(w, p.session))).status).toBe(200);
		expect((await get(w, `/${mapId}`, {})).status).toBe(401);
		const other = await createWorkshop(server.url);
		const stranger = await joinWorkshop(server.url, other.code);
		expect((await get(w, `/${mapId}`, asParticipant(other, stranger.session))).status).toBe(401);
	});

	it('answers 404 for a map that does not exist, and an empty plenary map before anyone drew on it', async () => {
		const w = await createWorkshop(server.url);
		expect((await get(w, '/abc123')).status).toBe(404);
		expect((await get(w, '/Not%20a%20map')).status).toBe(404);
		expect(await (await get(w, '/plenary')).json()).toEqual({ title: null, factors: [], links: [], loops: [], loopsTruncated: false });
	});

	it('reads what participants drew live on the plenary map', async () => {
		const w = await createWorkshop(server.url);
		const p = await joinWorkshop(server.url, w.code, { sector: 'fritid' });
		const client = connectClient(server.url, w.id, { participant: p.session });
		clients.push(client);
		const doc = client.open('map:plenary');
		await client.whenSynced('map:plenary');
		expect(
			await doc.edit(
				{ type: 'factor.add', factors: [{ id: 'f1', label: 'Fritidsgård', kind: 'insats' }] },
				{ authorId: p.participantId, sector: 'fritid' }
			)
		).toEqual({ ok: true });
		const body = await (await get(w, '/plenary')).json();
		expect(body.factors).toEqual([{ id: 'f1', label: 'Fritidsgård', kind: 'insats', proposedBySector: 'fritid' }]);
		expect(readMap(doc.doc).factors).toHaveLength(1);
	});

	it('exports CSV with a byte-order mark, and JSON, GraphML and SVG as attachments', async () => {
		const w = await createWorkshop(server.url);
		const { mapId } = await (await importMap(w, JSON.stringify(triangle))).json();
		const csv = await get(w, `/${mapId}/export.csv`);
		expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		const bytes = new Uint8Array(await csv.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(new TextDecoder().decode(bytes)).toContain('from;to;polarity\r\nStress;Sömn;-\r\n');

		const json = await get(w, `/${mapId}/export.json`);
		expect((await json.json()).title).toBe('Stress och sömn');
		const graphml = await (await get(w, `/${mapId}/export.graphml`)).text();
		expect(graphml).toContain('<edge id="link-1" source="stress" target="somn">');
		const svg = await get(w, `/${mapId}/export.svg`);
		expect(svg.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
		expect(svg.headers.get('content-disposition')).toContain('attachment');
		expect(await svg.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
		expect((await get(w, `/${mapId}/export.pdf`)).status).toBe(404);
	});

	it('lists the plenary map first, then imported maps, for the facilitator only', async () => {
		const w = await createWorkshop(server.url);
		const { mapId } = await (await importMap(w, JSON.stringify(triangle))).json();
		const body = await (await get(w, '')).json();
		expect(body.maps).toEqual([
			{ mapId: 'plenary', title: null },
			{ mapId, title: 'Stress och sömn' }
		]);
		const p = await joinWorkshop(server.url, w.code);
		expect((await get(w, '', asParticipant(w, p.session))).status).toBe(403);
	});

	it('shows an imported map to a participant who opens its document over the socket', async () => {
		const w = await createWorkshop(server.url);
		const { mapId } = await (await importMap(w, JSON.stringify(triangle))).json();
		const p = await joinWorkshop(server.url, w.code);
		const client = connectClient(server.url, w.id, { participant: p.session });
		clients.push(client);
		const doc = client.open(`map:${mapId}`);
		await client.whenSynced(`map:${mapId}`);
		await waitFor(() => readMap(doc.doc).links.length === 3, 'the imported links');
		expect(readMap(doc.doc)).toMatchObject({ title: 'Stress och sömn' });
		expect(readMap(doc.doc).factors.every((factor) => factor.authorId === 'facilitator')).toBe(true);
	});

	it('removes an imported map for everyone: unlisted, unreadable, closed to writes; the plenary and group maps stay; undo brings it back', async () => {
		const w = await createWorkshop(server.url);
		const { mapId } = await (await importMap(w, JSON.stringify(triangle))).json();
		const p = await joinWorkshop(server.url, w.code);
		const remove = (id: string, headers: Record<string, string> = asFacilitator(w)) =>
			fetch(`${server.url}/api/workshops/${w.id}/maps/${id}`, { method: 'DELETE', headers });

		// Someone has it open and is drawing when it goes.
		const drawer = connectClient(server.url, w.id, { participant: p.session });
		clients.push(drawer);
		const problems: string[] = [];
		drawer.onProblem((problem) => problems.push(problem.code));
		const doc = drawer.open(`map:${mapId}`);
		await drawer.whenSynced(`map:${mapId}`);

		expect((await remove(mapId, asParticipant(w, p.session))).status).toBe(403);
		expect((await remove(mapId, {})).status).toBe(401);
		expect((await remove('plenary')).status).toBe(409);
		const facilitator = connectClient(server.url, w.id, { facilitator: w.facilitatorSecret });
		clients.push(facilitator);
		expect(await facilitator.command({ type: 'groups.create', count: 1 })).toMatchObject({ ok: true });
		expect((await remove('grupp-1')).status).toBe(409);
		expect((await remove('finnsinte')).status).toBe(404);

		const removed = await remove(mapId);
		expect(removed.status).toBe(200);
		expect(await removed.json()).toEqual({ removed: true });
		expect((await remove(mapId)).status).toBe(404);
		expect(((await (await get(w, '')).json()).maps as { mapId: string }[]).map((m) => m.mapId)).toEqual(['plenary']);
		expect((await get(w, `/${mapId}`)).status).toBe(404);
		expect((await get(w, `/${mapId}/export.json`)).status).toBe(404);
		const archived = await (await fetch(`${server.url}/api/workshops/${w.id}/export.json`, { headers: asFacilitator(w) })).json();
		expect((archived.maps as { mapId: string }[]).map((m) => m.mapId)).toEqual(['plenary']);

		// A write from the open tab is refused and stored nowhere; nobody can open it again.
		const refused = await doc.edit(
			{ type: 'factor.add', factors: [{ id: 'sent-efter', label: 'Skrivet efteråt', kind: 'faktor' }] },
			{ authorId: p.participantId, sector: 'skola' }
		);
		expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
		const late = connectClient(server.url, w.id, { facilitator: w.facilitatorSecret });
		clients.push(late);
		late.open(`map:${mapId}`);
		const lateProblems: string[] = [];
		late.onProblem((problem) => lateProblems.push(problem.code));
		await waitFor(() => lateProblems.includes('not_found'), 'opening the removed map to be refused');

		// Undo: listed and readable again, with what it held before and nothing written after.
		expect(await facilitator.command({ type: 'map.restore', mapId })).toMatchObject({ ok: true });
		expect(((await (await get(w, '')).json()).maps as { mapId: string }[]).map((m) => m.mapId)).toEqual(['plenary', mapId]);
		const body = await (await get(w, `/${mapId}`)).json();
		expect(body.factors.map((f: { id: string }) => f.id).sort()).toEqual(['skola', 'somn', 'stress']);
		expect(await facilitator.command({ type: 'map.restore', mapId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
	});
});
