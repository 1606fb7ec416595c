import { zipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SyncClient } from '../../src/lib/client/sync-client';
import { readIndicators, INDICATORS_DOC } from '../../src/lib/sync/indicators';
import type { ProblemBody } from '../../src/lib/sync/protocol';
import { readFixture } from '../fixtures/indicators/test-helpers';
import { connectClient } from '../helpers/clients';
import { freePort } from '../helpers/ports';
import { startServer, type RunningServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/workshop-api';

/** A fixture as a request body (a copy on its own ArrayBuffer, which fetch's types ask for). */
const file = (name: string) => new Uint8Array(readFixture(name));

const FIXED_PERIOD_MAPPING = {
	area: 'Stadsdelsområde',
	indicator: { column: 'Indikator' },
	period: { fixed: 'ej angivet' },
	value: 'Värde',
	unit: 'Enhet'
};

describe('indicator import API against the real server', () => {
	let server: RunningServer;
	let workshop: CreatedWorkshop;
	const clients: SyncClient[] = [];

	const post = (path: string, body: BodyInit, options: { secret?: string | null; type?: string; query?: Record<string, string> } = {}) => {
		const query = new URLSearchParams(options.query ?? {}).toString();
		const secret = options.secret === undefined ? workshop.facilitatorSecret : options.secret;
		return fetch(`${server.url}/api/workshops/${workshop.id}/indicators${path}${query ? `?${query}` : ''}`, {
			method: 'POST',
			headers: { 'content-type': options.type ?? 'application/octet-stream', ...(secret ? { authorization: `Bearer ${secret}` } : {}) },
			body
		});
	};
	const facilitatorDoc = async () => {
		const client = connectClient(server.url, workshop.id, { facilitator: workshop.facilitatorSecret });
		clients.push(client);
		const doc = client.open(INDICATORS_DOC);
		await client.whenSynced(INDICATORS_DOC);
		return { client, doc };
	};
	const storedIds = async () => {
		const { doc } = await facilitatorDoc();
		return readIndicators(doc.doc).indicators.map((i) => i.id);
	};

	beforeAll(async () => {
		// Kolada is out of reach (a closed port), as on a server without internet: uploads still work, by codes.
		server = await startServer({ env: { KOLADA_BASE_URL: `http://127.0.0.1:${await freePort()}/v3` } });
		workshop = await createWorkshop(server.url, 'Indikatorprov');
	});
	afterEach(() => {
		clients.splice(0).forEach((c) => c.destroy());
	});
	afterAll(async () => server?.stop());

	it('imports a CSV with a column mapping, answers 201 with a summary and stores it for everyone', async () => {
		const response = await post('', file('seed003-stadsdelsfakta.csv'), {
			type: 'text/csv',
			query: {
				mapping: JSON.stringify(FIXED_PERIOD_MAPPING),
				meta: JSON.stringify({ attribution: 'Källa: Stockholms stad, stadsdelsförvaltningarna' })
			}
		});
		expect(response.status).toBe(201);
		const body = (await response.json()) as {
			indicators: { id: string; name: string; series: number; points: number; missing: number }[];
			warnings: string[];
		};
		expect(body.indicators).toHaveLength(7);
		expect(body.indicators[0]).toEqual({ id: 'upload:invanare', name: 'Invånare', series: 2, points: 2, missing: 0 });
		expect(body.warnings).toEqual([]);

		const { doc } = await facilitatorDoc();
		await waitFor(() => readIndicators(doc.doc).indicators.length >= 7, 'the import in the document');
		const behorighet = readIndicators(doc.doc).indicators.find((i) => i.id === 'upload:behorighet-till-gymnasieskolan')!;
		expect(behorighet.meta).toMatchObject({
			namn: 'Behörighet till gymnasieskolan',
			unit: 'procent',
			attribution: 'Källa: Stockholms stad, stadsdelsförvaltningarna'
		});
		expect(behorighet.data!.observations.map((o) => [o.area.name, o.period, o.value])).toEqual([
			['Enskede-Årsta-Vantör', 'ej angivet', 87.4],
			['Södermalm', 'ej angivet', 93.5]
		]);
	});

	it('detects JSON-stat 2 and Kolada from the content, and keeps a missing Kolada value missing', async () => {
		const scb = await post('', file('scb-v2-tab638-folkmangd-riket.json'), { type: 'application/json' });
		expect(scb.status).toBe(201);
		expect(((await scb.json()) as { indicators: { id: string }[] }).indicators[0]!.id).toMatch(/^TAB638:/);

		const kolada = await post('', file('kolada-v3-n15008-kungsbacka-riket.json'), {
			type: 'application/json',
			query: { format: 'kolada' }
		});
		expect(kolada.status).toBe(201);
		expect(await kolada.json()).toEqual({
			indicators: [{ id: 'N15008', name: 'N15008', series: 2, points: 10, missing: 1 }],
			warnings: ['Kolada could not be reached to look up names: indicators and municipalities are shown by their codes.']
		});
		const { doc } = await facilitatorDoc();
		await waitFor(() => readIndicators(doc.doc).indicators.some((i) => i.id === 'N15008'), 'N15008 in the document');
		const riket2012 = readIndicators(doc.doc)
			.indicators.find((i) => i.id === 'N15008')!
			.data!.observations.find((o) => o.area.code === '0000' && o.period === '2012')!;
		expect(riket2012).toMatchObject({ value: null, status: 'missing' });
		expect(readIndicators(doc.doc).indicators.find((i) => i.id === 'N15008')!.meta.attribution).toBe('Källa: Kolada (RKA), CC BY 4.0');
	});

	it('answers 400 with what was wrong for malformed, unsupported and unmappable files, and stores nothing', async () => {
		const before = await storedIds();
		const truncated = new TextDecoder().decode(file('scb-v2-tab638-folkmangd-riket.json')).slice(0, 300);
		const cases: [BodyInit, Record<string, string>, string, RegExp][] = [
			[truncated, {}, 'malformed', /not valid JSON/],
			['{"hello": "world"}', {}, 'unsupported', /not a JSON-stat 2 dataset/],
			[file('seed003-stadsdelsfakta.csv'), {}, 'unsupported', /no period column/],
			['', { format: 'csv' }, 'empty', /request body|empty/],
			[file('seed003-stadsdelsfakta.csv'), { format: 'xlsx' }, 'malformed', /XLSX/]
		];
		for (const [body, query, reason, message] of cases) {
			const response = await post('', body, { query });
			expect(response.status, reason).toBe(400);
			const { error } = (await response.json()) as { error: { code: string; message: string; reason: string } };
			expect(error.code).toBe('bad_request');
			expect(error.reason).toBe(reason);
			expect(error.message).toMatch(message);
		}
		const badQuery = await post('', 'a;b\n1;2', { query: { format: 'ods' } });
		expect(badQuery.status).toBe(400);
		expect(((await badQuery.json()) as { error: { message: string } }).error.message).toMatch(/format must be one of/);
		const badMapping = await post('', 'a;b\n1;2', { query: { mapping: '{not json' } });
		expect(badMapping.status).toBe(400);
		expect(await storedIds()).toEqual(before);
	});

	it('answers 413 for a body over the limit and stores nothing', async () => {
		const response = await post('', new Uint8Array(11 * 1024 * 1024), { type: 'text/csv' });
		expect(response.status).toBe(413);
		expect(((await response.json()) as { error: { code: string } }).error.code).toBe('too_large');
	});

	it('refuses an XLSX zip bomb with 413 too_large before unpacking it, and stores nothing', async () => {
		// Built first: while it is built, an idle keep-alive connection may be closed by the server.
		const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(80 * 1024 * 1024) }, { level: 1 });
		const before = await storedIds();
		expect(bomb.length).toBeLessThan(1024 * 1024);
		const started = Date.now();
		const response = await post('', bomb, { query: { format: 'xlsx' } });
		expect(response.status).toBe(413);
		expect(await response.json()).toMatchObject({ error: { code: 'too_large', reason: 'too_large' } });
		expect(Date.now() - started).toBeLessThan(2000);
		expect(await storedIds()).toEqual(before);
	});

	it("is for the facilitator only: 401 without credentials, 403 with the wrong secret or another workshop's", async () => {
		const other = await createWorkshop(server.url, 'Annan workshop');
		const csv = file('seed003-stadsdelsfakta.csv');
		expect((await post('', csv, { secret: null })).status).toBe(401);
		expect((await post('', csv, { secret: 'not-the-secret' })).status).toBe(403);
		expect((await post('', csv, { secret: other.facilitatorSecret })).status).toBe(403);
		expect((await post('/preview', csv, { secret: null })).status).toBe(401);
		const unknown = await fetch(`${server.url}/api/workshops/nosuchworkshop/indicators`, {
			method: 'POST',
			headers: { 'content-type': 'text/csv', authorization: `Bearer ${workshop.facilitatorSecret}` },
			body: csv
		});
		expect(unknown.status).toBe(404);
	});

	it('previews a CSV for the mapping step without storing it', async () => {
		const before = await storedIds();
		const first = await post('/preview', file('seed003-stadsdelsfakta.csv'), { type: 'text/csv' });
		expect(first.status).toBe(200);
		const preview = (await first.json()) as {
			format: string;
			table: { headers: string[]; rows: unknown[][]; totalRows: number };
			suggestion: { ok: boolean; missing: string[] };
			summary?: unknown;
		};
		expect(preview.format).toBe('csv');
		expect(preview.table.headers).toEqual(['Stadsdelsområde', 'Indikator', 'Värde', 'Enhet']);
		expect(preview.table.rows[2]).toEqual(['Enskede-Årsta-Vantör', 'Behörighet till gymnasieskolan', '87,4', 'procent']);
		expect(preview.table.totalRows).toBe(14);
		expect(preview.suggestion).toMatchObject({ ok: false, missing: ['period'] });
		expect(preview.summary).toBeUndefined();

		const mapped = await post('/preview', file('seed003-stadsdelsfakta.xlsx'), {
			query: { mapping: JSON.stringify(FIXED_PERIOD_MAPPING) }
		});
		expect(mapped.status).toBe(200);
		const withSummary = (await mapped.json()) as { format: string; summary: { indicators: unknown[] } };
		expect(withSummary.format).toBe('xlsx');
		expect(withSummary.summary.indicators).toHaveLength(7);
		expect(await storedIds()).toEqual(before);
	});

	it('previews the sheet of figures in a workbook that opens with notes, names every sheet, and imports the chosen one', async () => {
		const before = await storedIds();
		type SheetPreview = {
			table: { headers: string[]; source: { format: string; sheet: string; sheets: string[] } };
			suggestion: { ok: boolean };
		};
		const byDefault = await post('/preview', file('seed003-stadsdelsfakta-two-sheets.xlsx'));
		expect(byDefault.status).toBe(200);
		const first = (await byDefault.json()) as SheetPreview;
		expect(first.table.source).toEqual({ format: 'xlsx', sheet: 'Stadsdelsfakta', sheets: ['Om tabellen', 'Stadsdelsfakta'] });
		expect(first.table.headers).toEqual(['Stadsdelsområde', 'Indikator', 'Värde', 'Enhet']);

		const notes = (await (
			await post('/preview', file('seed003-stadsdelsfakta-two-sheets.xlsx'), { query: { sheet: '1' } })
		).json()) as SheetPreview;
		expect(notes.table.source.sheet).toBe('Om tabellen');
		expect(notes.table.headers).toEqual(['Om tabellen']);
		expect(notes.suggestion.ok).toBe(false);

		const missing = await post('/preview', file('seed003-stadsdelsfakta-two-sheets.xlsx'), { query: { sheet: '3' } });
		expect(missing.status).toBe(400);
		const { error } = (await missing.json()) as { error: { reason: string; message: string } };
		expect(error.reason).toBe('unsupported');
		expect(error.message).toMatch(/sheets: Om tabellen, Stadsdelsfakta/);
		expect(await storedIds()).toEqual(before);

		const saved = await post('', file('seed003-stadsdelsfakta-two-sheets.xlsx'), {
			query: { sheet: '2', mapping: JSON.stringify(FIXED_PERIOD_MAPPING) }
		});
		expect(saved.status).toBe(201);
		expect(((await saved.json()) as { indicators: unknown[] }).indicators).toHaveLength(7);
	});

	it('lets a participant pin a reading, and refuses a participant write to the catalogue', async () => {
		const joined = await joinWorkshop(server.url, workshop.code, { sector: 'polis' });
		const participant = connectClient(server.url, workshop.id, { participant: joined.session });
		clients.push(participant);
		const problems: ProblemBody[] = [];
		participant.onProblem((p) => problems.push(p));
		const doc = participant.open(INDICATORS_DOC);
		await participant.whenSynced(INDICATORS_DOC);
		const author = { authorId: joined.participantId, sector: 'polis' } as const;
		const reading = await doc.edit(
			{
				type: 'reading.add',
				id: 'reading-1',
				indicatorId: 'N15008',
				text: 'Vi ser samma ökning i våra ärenden',
				point: { area: '1384', period: '2014', breakdown: { kon: 'T' } }
			},
			author
		);
		expect(reading).toEqual({ ok: true });
		const catalogueWrite = await doc.edit(
			{ type: 'indicator.set', id: 'N15008', field: 'definition', value: 'Ändrad av en deltagare' },
			author
		);
		expect(catalogueWrite).toMatchObject({ ok: false, error: { code: 'forbidden', key: 'facilitator-only' } });
		expect(problems.some((p) => p.code === 'forbidden')).toBe(true);

		const { doc: seen } = await facilitatorDoc();
		await waitFor(() => readIndicators(seen.doc).readings.length === 1, 'the reading on the facilitator side');
		expect(readIndicators(seen.doc).readings[0]).toMatchObject({ sector: 'polis', point: { area: '1384', period: '2014' } });
		expect(readIndicators(seen.doc).indicators.find((i) => i.id === 'N15008')!.meta.definition).toBeUndefined();
	});
});
