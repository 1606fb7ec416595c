import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SyncClient } from '../../src/lib/client/sync-client';
import { defaultSelection, pxwebV1Query, type PxWebV1Table } from '../../src/lib/domain/indicators/pxweb-selection';
import { INDICATORS_DOC, readIndicators } from '../../src/lib/sync/indicators';
import { readFixture, readJsonFixture } from '../fixtures/indicators/test-helpers';
import { connectClient } from '../helpers/clients';
import { freePort } from '../helpers/ports';
import { startServer, type RunningServer } from '../helpers/server';
import { createWorkshop, type CreatedWorkshop } from '../helpers/workshop-api';

/**
 * The online path (Kolada v3, SCB PxWebApi 2, Folkhälsodata PxWeb v1) against a
 * local fake that replays the real captured responses in tests/fixtures/indicators,
 * because this machine has no internet. The server finds it through
 * KOLADA_BASE_URL and PXWEB_ALLOWED_HOSTS, exactly as an operator would configure it.
 */
interface Recorded {
	method: string;
	url: string;
	body: string;
}

const KPI_METADATA = readJsonFixture('kolada-v3-kpi-metadata.json') as { values: { id: string; title: string }[] };
/** Kolada's /municipality answer for Kungsbacka (id and title as every Kolada client prints them; no response is committed). */
const KUNGSBACKA = { id: '1384', title: 'Kungsbacka', type: 'K' };
const FOHM_TABLE = '/Folkhalsodata/api/v1/sv/B_HLV/aLevvanor/aagLevvanorskola/MobbningReg.px';
const SCB_V1_TABLE = '/OV0104/v1/doris/sv/ssd/BE/BE0101/BE0101A/BefolkningNy';

function startFakeUpstream(port: number): Promise<{ server: Server; requests: Recorded[] }> {
	const requests: Recorded[] = [];
	const send = (res: import('node:http').ServerResponse, status: number, body: unknown) => {
		res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
		res.end(body instanceof Uint8Array ? body : JSON.stringify(body));
	};
	const server = createServer(async (req: IncomingMessage, res) => {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
		requests.push({ method: req.method ?? '', url: `${url.pathname}${url.search}`, body: Buffer.concat(chunks).toString() });
		const title = (url.searchParams.get('title') ?? '').toLowerCase();
		if (url.pathname === '/v3/kpi' && title) {
			return send(res, 200, { values: KPI_METADATA.values.filter((k) => k.title.toLowerCase().includes(title)), next_url: null });
		}
		const kpi = url.pathname.match(/^\/v3\/kpi\/([A-Z]\d{5}(?:,[A-Z]\d{5})*)$/);
		if (kpi) return send(res, 200, { values: KPI_METADATA.values.filter((k) => kpi[1]!.split(',').includes(k.id)), next_url: null });
		const places = url.pathname.match(/^\/v3\/municipality\/([\d,]+)$/);
		if (places) return send(res, 200, { values: places[1]!.split(',').includes(KUNGSBACKA.id) ? [KUNGSBACKA] : [] });
		if (url.pathname === '/v3/municipality') {
			return send(res, 200, { values: KUNGSBACKA.title.toLowerCase().includes(title) ? [KUNGSBACKA] : [] });
		}
		if (url.pathname === '/v3/data/kpi/N15008/municipality/0000,1384') {
			return send(res, 200, readFixture('kolada-v3-n15008-kungsbacka-riket.json'));
		}
		if (url.pathname === '/OV0104/v2beta/api/v2/tables/TAB638/data' && url.searchParams.get('outputFormat') === 'json-stat2') {
			return send(res, 200, readFixture('scb-v2-tab638-folkmangd-riket.json'));
		}
		if (url.pathname === FOHM_TABLE && req.method === 'POST') return send(res, 200, readFixture('fohm-jsonstat2-mobbning.json'));
		if (url.pathname === SCB_V1_TABLE) {
			return send(
				res,
				200,
				readFixture(req.method === 'POST' ? 'scb-v1-befolkningny-region-kon.json' : 'scb-v1-befolkningny-metadata.json')
			);
		}
		// Answers nothing, for the deadline.
		if (url.pathname === '/slow/tables/TAB1/data') return;
		return send(res, 404, { error: 'not found' });
	});
	return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve({ server, requests })));
}

describe('online indicator sources through a local fake of Kolada and PxWeb', () => {
	let upstream: { server: Server; requests: Recorded[] };
	let host: string;
	let server: RunningServer;
	let workshop: CreatedWorkshop;
	const clients: SyncClient[] = [];

	const call = (path: string, init: { method?: string; body?: unknown } = {}) =>
		fetch(`${server.url}/api/workshops/${workshop.id}/indicators${path}`, {
			method: init.method ?? 'GET',
			headers: { authorization: `Bearer ${workshop.facilitatorSecret}`, 'content-type': 'application/json' },
			...(init.body === undefined ? {} : { body: JSON.stringify(init.body) })
		});
	const errorOf = async (response: Response) =>
		((await response.json()) as { error: { code: string; reason: string; message: string } }).error;

	beforeAll(async () => {
		const port = await freePort();
		host = `127.0.0.1:${port}`;
		upstream = await startFakeUpstream(port);
		server = await startServer({
			env: { KOLADA_BASE_URL: `http://${host}/v3`, PXWEB_ALLOWED_HOSTS: host, INDICATOR_FETCH_TIMEOUT_MS: '1500' }
		});
		workshop = await createWorkshop(server.url, 'Kolada-prov');
	});
	afterEach(() => {
		clients.splice(0).forEach((c) => c.destroy());
	});
	afterAll(async () => {
		await server?.stop();
		upstream?.server.closeAllConnections();
		await new Promise((resolve) => upstream?.server.close(resolve));
	});

	it('searches Kolada KPIs by title and municipalities by name', async () => {
		const kpis = await call('/kolada/kpis?title=grundskola');
		expect(kpis.status).toBe(200);
		const { kpis: hits } = (await kpis.json()) as { kpis: { id: string; title: string; description?: string }[] };
		expect(hits.map((k) => k.id)).toEqual(['N15008', 'N00023']);
		expect(hits[0]!.description).toMatch(/^Kostnad totalt för grundskola/);

		const places = await call('/kolada/municipalities?title=kungs');
		expect(await places.json()).toEqual({ municipalities: [KUNGSBACKA] });
		expect((await call('/kolada/kpis?title=x')).status).toBe(400);
	});

	it('fetches a KPI for the chosen municipality plus riket and stores it, so it is there with the sources gone', async () => {
		const response = await call('/kolada', {
			method: 'POST',
			body: { kpi: 'N15008', municipalities: [{ id: '1384', title: 'Kungsbacka' }] }
		});
		expect(response.status).toBe(201);
		expect(await response.json()).toEqual({
			indicators: [{ id: 'N15008', name: 'Kostnad för kommunal grundskola åk 1-9, kr/elev', series: 2, points: 10, missing: 1 }],
			warnings: []
		});
		expect(upstream.requests.map((r) => r.url)).toContain('/v3/data/kpi/N15008/municipality/0000,1384?per_page=5000');

		const client = connectClient(server.url, workshop.id, { facilitator: workshop.facilitatorSecret });
		clients.push(client);
		const doc = client.open(INDICATORS_DOC);
		await client.whenSynced(INDICATORS_DOC);
		const indicator = readIndicators(doc.doc).indicators.find((i) => i.id === 'N15008')!;
		expect(indicator.meta).toMatchObject({
			namn: 'Kostnad för kommunal grundskola åk 1-9, kr/elev',
			datakalla: 'Kolada',
			attribution: 'Källa: Kolada (RKA), CC BY 4.0',
			licence: 'CC BY 4.0'
		});
		expect(indicator.meta.definition).toMatch(/^Kostnad totalt för grundskola/);
		expect(new Set(indicator.data!.observations.map((o) => o.area.name))).toEqual(new Set(['Kungsbacka', 'Riket']));
	});

	it("names an uploaded Kolada file's KPI and municipality from Kolada's registers, not by their codes", async () => {
		const response = await fetch(`${server.url}/api/workshops/${workshop.id}/indicators?format=kolada`, {
			method: 'POST',
			headers: { authorization: `Bearer ${workshop.facilitatorSecret}`, 'content-type': 'application/json' },
			body: new TextDecoder().decode(readFixture('kolada-v3-n15008-kungsbacka-riket.json'))
		});
		expect(response.status).toBe(201);
		expect(await response.json()).toEqual({
			indicators: [{ id: 'N15008', name: 'Kostnad för kommunal grundskola åk 1-9, kr/elev', series: 2, points: 10, missing: 1 }],
			warnings: []
		});
		expect(upstream.requests.map((r) => r.url)).toEqual(expect.arrayContaining(['/v3/kpi/N15008', '/v3/municipality/1384']));
		const client = connectClient(server.url, workshop.id, { facilitator: workshop.facilitatorSecret });
		clients.push(client);
		const doc = client.open(INDICATORS_DOC);
		await client.whenSynced(INDICATORS_DOC);
		const indicator = readIndicators(doc.doc).indicators.find((i) => i.id === 'N15008')!;
		expect(new Set(indicator.data!.observations.map((o) => o.area.name))).toEqual(new Set(['Kungsbacka', 'Riket']));
	});

	it('refuses an unknown KPI and a malformed request with 400', async () => {
		const unknown = await call('/kolada', { method: 'POST', body: { kpi: 'N99999', municipalities: [] } });
		expect(unknown.status).toBe(400);
		expect(await errorOf(unknown)).toMatchObject({ reason: 'unsupported', message: 'Kolada has no KPI with the id N99999.' });
		const bad = await call('/kolada', { method: 'POST', body: { kpi: 'grundskola' } });
		expect(bad.status).toBe(400);
		expect((await errorOf(bad)).message).toMatch(/kpi must be a Kolada KPI id/);
	});

	it('fetches a pasted SCB PxWebApi 2 table URL as JSON-stat 2', async () => {
		const response = await call('/pxweb', { method: 'POST', body: { url: `http://${host}/OV0104/v2beta/api/v2/tables/TAB638?lang=sv` } });
		expect(response.status).toBe(201);
		const body = (await response.json()) as { indicators: { id: string; points: number }[] };
		expect(body.indicators).toEqual([expect.objectContaining({ id: 'TAB638:BE0101N1', points: 1 })]);
		expect(upstream.requests.at(-1)).toMatchObject({
			method: 'GET',
			url: '/OV0104/v2beta/api/v2/tables/TAB638/data?lang=sv&outputFormat=json-stat2'
		});
	});

	it('posts a PxWeb v1 query asking for JSON-stat 2, and asks for the query when it is missing', async () => {
		const url = `http://${host}${FOHM_TABLE}`;
		const query = { query: [{ code: 'Region', selection: { filter: 'item', values: ['00', '21'] } }], response: { format: 'json' } };
		const response = await call('/pxweb', { method: 'POST', body: { url, query } });
		expect(response.status).toBe(201);
		expect(((await response.json()) as { indicators: unknown[] }).indicators).toEqual([
			{
				id: 'mobbning-i-skolan-efter-region-kon-alder-och-ar',
				name: 'Mobbning i skolan efter region, kön, ålder och år',
				series: 2,
				points: 2,
				missing: 0
			}
		]);
		expect(JSON.parse(upstream.requests.at(-1)!.body)).toEqual({ ...query, response: { format: 'json-stat2' } });

		const without = await call('/pxweb', { method: 'POST', body: { url } });
		expect(without.status).toBe(400);
		expect((await errorOf(without)).message).toMatch(/needs its query/);
	});

	it('describes a PxWeb v1 table so values can be chosen instead of a pasted query, then fetches exactly those', async () => {
		const url = `http://${host}${SCB_V1_TABLE}`;
		const described = await call(`/pxweb/variables?url=${encodeURIComponent(url)}`);
		expect(described.status).toBe(200);
		const table = (await described.json()) as PxWebV1Table;
		expect(table.title).toBe('Folkmängden efter region, civilstånd, ålder, kön, tabellinnehåll och år');
		expect(table.variables.map((variable) => variable.code)).toEqual(['Region', 'Civilstand', 'Alder', 'Kon', 'ContentsCode', 'Tid']);
		expect(table.variables.at(-1)).toMatchObject({ code: 'Tid', time: true });
		expect(upstream.requests.at(-1)).toMatchObject({ method: 'GET', url: SCB_V1_TABLE });

		const query = pxwebV1Query(table.variables, { ...defaultSelection(table.variables), Region: ['0138', '0180'], Kon: ['1', '2'] });
		const fetched = await call('/pxweb', { method: 'POST', body: { url, query } });
		expect(fetched.status).toBe(201);
		expect(((await fetched.json()) as { indicators: unknown[] }).indicators.length).toBeGreaterThan(0);
		expect(JSON.parse(upstream.requests.at(-1)!.body)).toEqual(query);

		// A PxWebApi 2 address describes no v1 table; a host outside the list is never asked.
		const v2 = await call(
			`/pxweb/variables?url=${encodeURIComponent(`http://${host}/OV0104/v2beta/api/v2/tables/TAB638/data?outputFormat=json-stat2`)}`
		);
		expect(v2.status).toBe(400);
		expect(await errorOf(v2)).toMatchObject({ reason: 'unsupported', message: expect.stringMatching(/did not describe a PxWeb v1 table/) });
		const before = upstream.requests.length;
		const outside = await call(`/pxweb/variables?url=${encodeURIComponent('http://169.254.169.254/latest/meta-data')}`);
		expect(outside.status).toBe(400);
		expect(upstream.requests.length).toBe(before);
		expect((await call('/pxweb/variables')).status).toBe(400);
	});

	it('fetches only from allowed PxWeb hosts', async () => {
		const before = upstream.requests.length;
		const response = await call('/pxweb', { method: 'POST', body: { url: 'http://169.254.169.254/latest/meta-data/tables/X' } });
		expect(response.status).toBe(400);
		expect(await errorOf(response)).toMatchObject({ reason: 'unsupported', message: expect.stringMatching(/not an allowed PxWeb host/) });
		expect(upstream.requests.length).toBe(before);
	});

	it('gives up on a source that does not answer within the deadline, with 503 timeout', async () => {
		const started = Date.now();
		const response = await call('/pxweb', { method: 'POST', body: { url: `http://${host}/slow/tables/TAB1` } });
		expect(response.status).toBe(503);
		expect(await errorOf(response)).toMatchObject({ code: 'unavailable', reason: 'timeout' });
		expect(Date.now() - started).toBeLessThan(5000);
	});
});

describe('online indicator sources when the server has no network', () => {
	let server: RunningServer;
	let workshop: CreatedWorkshop;

	beforeAll(async () => {
		// A port nobody listens on stands in for a machine without internet: the connection is refused.
		const closed = await freePort();
		server = await startServer({ env: { KOLADA_BASE_URL: `http://127.0.0.1:${closed}/v3`, PXWEB_ALLOWED_HOSTS: `127.0.0.1:${closed}` } });
		workshop = await createWorkshop(server.url, 'Offline-prov');
	});
	afterAll(async () => server?.stop());

	it('answers 503 with reason offline and a message the facilitator can act on', async () => {
		const response = await fetch(`${server.url}/api/workshops/${workshop.id}/indicators/kolada/kpis?title=grundskola`, {
			headers: { authorization: `Bearer ${workshop.facilitatorSecret}` }
		});
		expect(response.status).toBe(503);
		const { error } = (await response.json()) as { error: { code: string; reason: string; message: string } };
		expect(error).toMatchObject({ code: 'unavailable', reason: 'offline' });
		expect(error.message).toMatch(
			/^Could not reach Kolada \(127\.0\.0\.1:\d+\).*ECONNREFUSED.*Data already stored in the workshop still works\.$/
		);
	});
});
