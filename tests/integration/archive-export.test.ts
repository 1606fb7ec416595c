import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SyncClient } from '../../src/lib/client/sync-client';
import { archiveDocumentSchema, type ArchiveDocument } from '../../src/lib/domain/archive/schema';
import { PostgresStorage } from '../../src/lib/server/persistence/postgres';
import { SqliteStorage } from '../../src/lib/server/persistence/sqlite';
import type { Storage } from '../../src/lib/server/persistence/storage';
import { createDatabase } from '../helpers/postgres';
import { startServer, type RunningServer } from '../helpers/server';
import { createWorkshop, type CreatedWorkshop } from '../helpers/workshop-api';
import { PARTICIPANT_NAMES, fillWorkshop } from './archive-fill';

const PASSPHRASE = 'organisatörens hemliga lösenfras';

/** What describes the copy rather than the workshop; everything else must survive a round trip. */
const content = ({ exportedAt: _at, source: _source, ...rest }: ArchiveDocument) => rest;

const backends: [string, () => Promise<string | undefined>][] = [
	['SQLite', async () => undefined],
	['PostgreSQL', async () => createDatabase(inject('postgresUrl'))]
];

describe.each(backends)('export, import, report and PDF on %s', (_name, database) => {
	let server: RunningServer;
	let databaseUrl: string | undefined;
	let filled: CreatedWorkshop;
	const clients: SyncClient[] = [];
	beforeAll(async () => {
		databaseUrl = await database();
		server = await startServer({ databaseUrl, env: { ORGANISER_PASSPHRASE: PASSPHRASE } });
		const result = await fillWorkshop(server.url);
		clients.push(result.facilitator, ...result.participants);
		filled = result.workshop;
	});
	afterAll(async () => {
		clients.forEach((c) => c.destroy());
		await server?.stop();
	});

	const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
	const get = (w: CreatedWorkshop, path: string) =>
		fetch(`${server.url}/api/workshops/${w.id}/${path}`, { headers: bearer(w.facilitatorSecret) });
	const importJson = (body: string, headers: Record<string, string> = bearer(PASSPHRASE)) =>
		fetch(`${server.url}/api/workshops/import`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
	const workshopCount = async () => {
		const storage: Storage = databaseUrl
			? new PostgresStorage({ connectionString: databaseUrl })
			: new SqliteStorage({ dataDir: server.dataDir });
		try {
			return (await storage.workshops.list()).length;
		} finally {
			await storage.close();
		}
	};

	it('exports everything as versioned JSON that holds no participant names', async () => {
		const response = await get(filled, 'export.json');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-disposition')).toContain('skolnarvaro-i-nynashamn.json');
		const text = await response.text();
		for (const name of PARTICIPANT_NAMES) expect(text).not.toContain(name);
		const document = archiveDocumentSchema.parse(JSON.parse(text));
		expect(document).toMatchObject({ schema: 'datadialog.workshop', schemaVersion: 1, source: { status: 'open', version: null } });
		expect(document.preparation?.question).toEqual({ kind: 'theme', themeId: 'skolnarvaro', angle: 'forebyggande' });
		expect(document.participants.map((p) => p.sector)).toEqual(['skola', 'polis', 'socialtjanst']);
		expect(document.vote?.tally?.[0]).toMatchObject({ cardId: 'w1', votes: 6, rank: 1 });
		expect(document.canvases[0]!.cards.map((c) => c.id)).toEqual(['s1', 's2', 'w1', 'w2', 'w3', 'a1', 'n1', 'n2']);
		expect(document.maps[0]!.loops).toEqual([
			{
				kind: 'R',
				factors: ['franvaro', 'resultat', 'motivation'],
				links: ['l1', 'l2', 'l3'],
				name: 'Frånvarospiralen',
				story: 'Den som missar lektioner tappar taget och vill gå dit ännu mindre.'
			}
		]);
		expect(document.indicators[0]!.data?.observations).toHaveLength(4);
		expect(document.readings.map((r) => [r.sector, r.text])).toEqual([
			['skola', 'Vi ser samma ökning i åk 8.'],
			['polis', 'Fler unga ute på dagtid i centrum.']
		]);
	});

	it('imports an export as a new workshop, and exporting that gives the same document', async () => {
		const first = (await (await get(filled, 'export.json')).json()) as ArchiveDocument;
		const imported = await importJson(JSON.stringify(first));
		expect(imported.status).toBe(201);
		const created = (await imported.json()) as CreatedWorkshop;
		expect(created.id).not.toBe(filled.id);
		expect(created.facilitatorUrl).toContain(`/f/${created.id}?key=`);
		const second = (await (await get(created, 'export.json')).json()) as ArchiveDocument;
		expect(content(second)).toEqual(content(first));
		expect(second.source.workshopId).toBe(created.id);

		// A facilitator of any workshop here may import too; a frozen version round-trips the same way.
		const closed = await fetch(`${server.url}/api/workshops/${created.id}/close`, {
			method: 'POST',
			headers: bearer(created.facilitatorSecret)
		});
		expect(closed.status).toBe(200);
		const frozen = (await (await get(created, 'export.json')).json()) as ArchiveDocument;
		const again = await importJson(JSON.stringify(frozen), bearer(filled.facilitatorSecret));
		expect(again.status).toBe(201);
		const third = (await (await get((await again.json()) as CreatedWorkshop, 'export.json')).json()) as ArchiveDocument;
		expect(content(third)).toEqual(content(frozen));
	});

	it('refuses a bad import with 400 and stores nothing', async () => {
		const good = (await (await get(filled, 'export.json')).json()) as ArchiveDocument;
		const before = await workshopCount();
		const bad: [string, string][] = [
			['not json', '{"schema":'],
			['wrong schema', JSON.stringify({ ...good, schema: 'something.else' })],
			['newer version', JSON.stringify({ ...good, schemaVersion: 2 })],
			[
				'card text too long',
				JSON.stringify({
					...good,
					canvases: [{ name: 'canvas:plenary', cards: [{ ...good.canvases[0]!.cards[0]!, text: 'x'.repeat(281) }] }]
				})
			],
			[
				'link to an unknown factor',
				JSON.stringify({ ...good, maps: [{ ...good.maps[0]!, links: [{ ...good.maps[0]!.links[0]!, to: 'nowhere' }] }] })
			],
			['script in a map id', JSON.stringify({ ...good, maps: [{ ...good.maps[0]!, mapId: '<script>' }] })],
			['duplicate cards', JSON.stringify({ ...good, canvases: [good.canvases[0], good.canvases[0]] })]
		];
		for (const [what, body] of bad) {
			const response = await importJson(body);
			expect(response.status, what).toBe(400);
			expect((await response.json()).error.code, what).toBe('bad_request');
		}
		const tooLongReading = { ...good, readings: [{ ...good.readings[0]!, text: 'y'.repeat(1000) }] };
		const refused = await importJson(JSON.stringify(tooLongReading));
		expect(refused.status).toBe(409);
		expect((await importJson(JSON.stringify(good), {})).status).toBe(401);
		expect((await importJson(JSON.stringify(good), bearer('not a secret of this server'))).status).toBe(403);
		expect(await workshopCount()).toBe(before);
	});

	it('exports a ZIP of CSV files for Swedish Excel, with the maps as GraphML and SVG', async () => {
		const response = await get(filled, 'export.zip');
		expect(response.headers.get('content-type')).toBe('application/zip');
		const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
		expect(Object.keys(files).sort()).toEqual([
			'deltagare-per-sektor.csv',
			'indikatorer.csv',
			'indikatorvarden.csv',
			'lasningar.csv',
			'luckor.csv',
			'nasta-steg.csv',
			'onskemal.csv',
			'samverkan.csv',
			'systemkarta-helgrupp-faktorer.csv',
			'systemkarta-helgrupp-lankar.csv',
			'systemkarta-helgrupp-loopar.csv',
			'systemkartor/helgrupp.graphml',
			'systemkartor/helgrupp.svg',
			'testa-harnast.csv',
			'tillganglig-data.csv'
		]);
		// The byte-order mark Excel needs; TextDecoder (and fflate's strFromU8) would quietly drop it.
		expect([...files['onskemal.csv']!.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const wishes = strFromU8(files['onskemal.csv']!);
		expect(wishes.startsWith('rang;prickar;delad placering;önskemål\r\n')).toBe(true);
		expect(wishes).toContain('1;6;nej;Frånvaro per skola och årskurs\r\n');
		expect(strFromU8(files['indikatorvarden.csv']!)).toContain('franvaro;0192;Nynäshamn;2024;;14,1;ok');
		expect(strFromU8(files['systemkartor/helgrupp.graphml']!)).toContain('<graphml');
		expect(strFromU8(files['systemkartor/helgrupp.svg']!)).toContain('Skolfrånvaro');
		for (const file of Object.values(files)) for (const name of PARTICIPANT_NAMES) expect(strFromU8(file)).not.toContain(name);

		const commaResponse = await get(filled, 'export.zip?separator=comma');
		expect(response.headers.get('content-disposition')).not.toContain('-komma');
		expect(commaResponse.headers.get('content-disposition')).toContain('-komma.zip');
		const comma = unzipSync(new Uint8Array(await commaResponse.arrayBuffer()));
		expect(strFromU8(comma['indikatorvarden.csv']!)).toContain('franvaro,0192,Nynäshamn,2024,,14.1,ok');
		expect((await get(filled, 'export.zip?separator=tab')).status).toBe(400);
	});

	it('reports every section of a filled workshop in Swedish, without participant names or scripts', async () => {
		const response = await get(filled, 'report');
		expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
		const html = await response.text();
		for (const heading of [
			'Mål, tema och fråga',
			'Deltagare',
			'Samverkan',
			'Önskelista',
			'Tillgänglig data',
			'Luckor',
			'Systemkartor',
			'Indikatorer',
			'Nästa steg',
			'Uppföljning'
		]) {
			expect(html).toContain(`>${heading}</h2>`);
		}
		expect(html).toContain('Att enas om en gemensam lägesbild');
		expect(html).toContain('Hur kan vi förebygga skolfrånvaro och avhopp?');
		expect(html).toMatch(/<td>Skola\/förskola<\/td><td>1<\/td>/);
		expect(html).toContain('Fältassistenterna');
		expect(html).toMatch(/Frånvaro per skola och årskurs <span class="votes">\(6 prickar\)<\/span>/);
		expect(html).toContain('<td>Skolverket</td>');
		expect(html).toContain('Fältgruppen');
		expect(html).toMatch(/<svg[^>]*role="img"[\s\S]*Frånvarospiralen/);
		expect(html).toContain('Förstärkande loop (R): Skolfrånvaro → Skolresultat → Motivation');
		expect(html).toContain('class="chart"');
		expect(html).toContain('Risk för feltolkning');
		expect(html).toContain('Fler unga ute på dagtid i centrum.');
		expect(html).toContain('Möte med rektorerna om frånvarodata');
		expect(html).toContain('15 januari 2027');
		expect(html).not.toMatch(/<script/i);
		for (const name of PARTICIPANT_NAMES) expect(html).not.toContain(name);
		expect(await (await get(filled, 'report?lang=en')).text()).toContain('>Wish list</h2>');
	});

	it("prints the seed's A3 canvas as A3 landscape pages: filled with the cards, or blank copies", async () => {
		/** Pages and their sizes in points, read from the PDF's page objects. */
		const pages = async (response: Response) => {
			const text = strFromU8(new Uint8Array(await response.arrayBuffer()), true);
			return [...text.matchAll(/\/Type\s*\/Page\b[\s\S]*?\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [
				Math.round(Number(m[1])),
				Math.round(Number(m[2]))
			]);
		};
		const a3Landscape = [1191, 842];
		const filledPdf = await get(filled, 'canvas.pdf');
		expect(filledPdf.status).toBe(200);
		expect(filledPdf.headers.get('content-type')).toBe('application/pdf');
		expect(filledPdf.headers.get('content-disposition')).toContain('-a3.pdf');
		const filledPages = await pages(filledPdf);
		expect(filledPages.length).toBeGreaterThanOrEqual(1);
		for (const size of filledPages) expect(size).toEqual(a3Landscape);

		const blank = await get(filled, 'canvas.pdf?blank=1&copies=3');
		expect(blank.status).toBe(200);
		expect(blank.headers.get('content-disposition')).toContain('-a3-tom.pdf');
		expect(await pages(blank)).toEqual([a3Landscape, a3Landscape, a3Landscape]);

		expect((await get(filled, 'canvas.pdf?blank=yes')).status).toBe(400);
		expect((await get(filled, 'canvas.pdf?blank=1&copies=0')).status).toBe(400);
		expect((await fetch(`${server.url}/api/workshops/${filled.id}/canvas.pdf`)).status).toBe(401);
	});

	it('prints the report to a PDF through Chromium, or answers 501 where there is none', async () => {
		const pdf = await get(filled, 'report.pdf');
		expect(pdf.status).toBe(200);
		expect(pdf.headers.get('content-type')).toBe('application/pdf');
		expect(strFromU8(new Uint8Array(await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');

		const bare = await startServer({ env: { CHROMIUM_PATH: '/nonexistent/chromium' } });
		try {
			const w = await createWorkshop(bare.url);
			const response = await fetch(`${bare.url}/api/workshops/${w.id}/report.pdf`, { headers: bearer(w.facilitatorSecret) });
			expect(response.status).toBe(501);
			expect((await response.json()).error.message).toContain('print the HTML report');
		} finally {
			await bare.stop();
		}
	});
});
