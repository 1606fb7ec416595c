import ICAL from 'ical.js';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncClient } from '../../src/lib/client/sync-client';
import type { ProgrammeGapsResponse, ProgrammeResponse, ProgrammeStepsResponse } from '../../src/lib/api/programme';
import type { ArchiveDocument } from '../../src/lib/domain/archive/schema';
import type { Card } from '../../src/lib/domain/cards/card';
import { startServer, type RunningServer } from '../helpers/server';
import type { CreatedWorkshop } from '../helpers/workshop-api';
import { readControl } from '../../src/lib/sync/control';
import { waitFor } from '../helpers/wait';
import { fillWorkshop, PARTICIPANT_NAMES } from './archive-fill';

const PASSPHRASE = 'programmet över alla kommunbesök';
const bearer = (secret: string): Record<string, string> => ({ authorization: `Bearer ${secret}` });
const ORGANISER = bearer(PASSPHRASE);

/** Changes the plenary cards of a copy of an export. */
function withCards(document: ArchiveDocument, title: string, change: (cards: Card[]) => Card[]): ArchiveDocument {
	const copy = structuredClone(document);
	copy.workshop.title = title;
	copy.canvases = copy.canvases.map((canvas) => (canvas.name === 'canvas:plenary' ? { ...canvas, cards: change(canvas.cards) } : canvas));
	return copy;
}

/** Sets how many answered 1…5 to "I plan new initiatives" in a copy's evaluation. */
function withInitiatives(document: ArchiveDocument, counts: number[]): ArchiveDocument {
	const respondents = counts.reduce((sum, n) => sum + n, 0);
	const mean = Math.round((counts.reduce((sum, n, i) => sum + n * (i + 1), 0) / respondents) * 10) / 10;
	const summary = { questionId: 'nya-initiativ', kind: 'scale' as const, respondents, counts, mean, agree: counts[3]! + counts[4]! };
	const utvardering = (document.responses.summaries.utvardering ?? []).map((s) => (s.questionId === 'nya-initiativ' ? summary : s));
	return { ...document, responses: { ...document.responses, summaries: { ...document.responses.summaries, utvardering } } };
}

describe('the organisers’ programme across workshops', () => {
	let server: RunningServer;
	const clients: SyncClient[] = [];
	let a: CreatedWorkshop;
	let b: CreatedWorkshop;
	let c: CreatedWorkshop;
	let original: ArchiveDocument;

	const api = (path: string, headers: Record<string, string> = ORGANISER) => fetch(`${server.url}${path}`, { headers });
	const post = (path: string, body: unknown, headers: Record<string, string> = ORGANISER) =>
		fetch(`${server.url}${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body: JSON.stringify(body)
		});

	beforeAll(async () => {
		server = await startServer({ env: { ORGANISER_PASSPHRASE: PASSPHRASE } });
		// Workshop A through the real room; B and C are imported copies with the wishes worded otherwise.
		const filled = await fillWorkshop(server.url, 'Kommunbesök Nynäshamn');
		clients.push(filled.facilitator, ...filled.participants);
		a = filled.workshop;
		// The room answers the evaluation on its phones before the workshop closes.
		await filled.facilitator.command({ type: 'phase.set', phase: 'utvardering' });
		for (const [index, phone] of filled.participants.entries()) {
			for (const [questionId, values] of [
				['nya-initiativ', [5, 4, 2]],
				['samverkan', [4, 3, 5]]
			] as const) {
				const answered = await phone.command({ type: 'responses.answer', phase: 'utvardering', questionId, value: values[index]! });
				expect(answered.ok).toBe(true);
			}
		}
		const control = filled.facilitator.open('control');
		await waitFor(() => {
			const summaries = readControl(control.doc).responses.utvardering ?? [];
			return ['samverkan', 'nya-initiativ'].every((id) => summaries.find((s) => s.questionId === id)?.respondents === 3);
		}, 'the evaluation to be summarised');
		expect((await post(`/api/workshops/${a.id}/close`, {}, bearer(a.facilitatorSecret))).status).toBe(200);
		original = (await (await api(`/api/workshops/${a.id}/export.json`)).json()) as ArchiveDocument;
		const [skola, polis] = original.participants;
		const by = (participant: typeof skola) => ({ authorId: participant!.id, sector: participant!.sector });

		const docB = withCards(original, 'Kommunbesök Haninge', (cards) => [
			...cards.map((card) =>
				card.id === 'w2'
					? { ...card, text: 'Var vistas unga när de inte är i skolan?', ...by(skola) }
					: card.id === 'w3'
						? { ...card, text: 'Elevers upplevda trygghet i skolan', ...by(polis) }
						: card
			),
			{ id: 'w9', kind: 'onskvard', text: 'Antal orosanmälningar per stadsdel', createdAt: '2026-11-04T09:09:00.000Z', ...by(polis) }
		]);
		const docC = withCards(original, 'Kommunbesök Tyresö', (cards) =>
			cards
				.filter((card) => card.id !== 'w3')
				.map((card) =>
					card.id === 'w2' ? { ...card, text: 'var unga vistas efter skoltid', proposedDataOwner: 'Polisen', ...by(polis) } : card
				)
		);
		for (const [document, assign] of [
			[withInitiatives(docB, [0, 0, 0, 2, 1]), (w: CreatedWorkshop) => (b = w)],
			[withInitiatives(docC, [1, 0, 0, 1, 2]), (w: CreatedWorkshop) => (c = w)]
		] as const) {
			const imported = await post('/api/workshops/import', document);
			expect(imported.status).toBe(201);
			const created = (await imported.json()) as CreatedWorkshop;
			assign(created);
			expect((await post(`/api/workshops/${created.id}/close`, {})).status).toBe(200);
		}
	});
	afterAll(async () => {
		clients.splice(0).forEach((client) => client.destroy());
		await server?.stop();
	});

	it('answers 401 without organiser credentials and 403 with wrong ones on every organiser route', async () => {
		const routes = ['/api/programme', '/api/programme/gaps', '/api/programme/gaps.csv', '/api/programme/gaps.xlsx', '/api/programme/steps'];
		for (const route of routes) {
			expect((await api(route, {})).status, route).toBe(401);
			// A stale or forged organiser cookie is presented credentials, and wrong.
			expect((await api(route, { cookie: 'dd_org=forged' })).status, route).toBe(403);
		}
		// A facilitator's secret is not an organiser's (one wrong Bearer per route would trip the rate limit, so two routes).
		expect((await api('/api/programme', bearer(a.facilitatorSecret))).status).toBe(403);
		expect((await api('/api/programme/gaps', bearer('fel lösenfras'))).status).toBe(403);
		expect((await api('/api/programme?status=maybe')).status).toBe(400);
	});

	it('lists the workshops with participants by sector, filtered by municipality, and totals them', async () => {
		const all = (await (await api('/api/programme')).json()) as ProgrammeResponse;
		expect(all.workshops.map((w) => w.title).sort()).toEqual(['Kommunbesök Haninge', 'Kommunbesök Nynäshamn', 'Kommunbesök Tyresö']);
		const sectors = Object.fromEntries(
			Object.entries(
				original.participants.reduce<Record<string, number>>((counts, p) => ({ ...counts, [p.sector]: (counts[p.sector] ?? 0) + 1 }), {})
			)
		);
		for (const workshop of all.workshops) {
			expect(workshop.sectors).toEqual(sectors);
			expect(workshop).toMatchObject({ status: 'closed', themeId: 'skolnarvaro', municipality: null });
		}
		expect(all.totals).toMatchObject({ workshops: 3, participants: 3 * original.participants.length, byStatus: { open: 0, closed: 3 } });
		expect(all.totals.sectors.skola).toBe(3 * (sectors.skola ?? 0));

		// The organiser records the municipality on the archive page (a form action).
		for (const [workshop, municipality] of [
			[a, 'Nynäshamn'],
			[b, 'Haninge']
		] as const) {
			const saved = await fetch(`${server.url}/arkiv?/municipality`, {
				method: 'POST',
				headers: { ...ORGANISER, origin: server.url, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
				body: new URLSearchParams({ workshopId: workshop.id, municipality })
			});
			expect(saved.status).toBe(200);
			expect(((await saved.json()) as { type: string }).type).toBe('success');
		}
		const nynashamn = (await (await api('/api/programme?municipality=nynäshamn')).json()) as ProgrammeResponse;
		expect(nynashamn.workshops.map((w) => [w.title, w.municipality])).toEqual([['Kommunbesök Nynäshamn', 'Nynäshamn']]);
		expect(nynashamn.totals).toMatchObject({ workshops: 1, participants: original.participants.length, byMunicipality: { Nynäshamn: 1 } });
		const after = (await (await api('/api/programme')).json()) as ProgrammeResponse;
		expect(after.workshops.find((w) => w.id === c.id)!.municipality).toBeNull();
		expect(after.totals.byMunicipality).toEqual({ Nynäshamn: 1, Haninge: 1, '': 1 });
		const none = (await (await api('/api/programme?theme=trygghet-och-brott&status=open')).json()) as ProgrammeResponse;
		expect(none.totals.workshops).toBe(0);
	});

	it('counts the evaluation per workshop and across the programme: 8 av 10 planerar nya initiativ', async () => {
		const all = (await (await api('/api/programme')).json()) as ProgrammeResponse;
		expect(all.outcomes.total).toEqual({ collaboration: { agree: 6, of: 9 }, initiatives: { agree: 8, of: 10 } });
		const byTitle = Object.fromEntries(all.outcomes.workshops.map((w) => [w.title, w.outcomes.initiatives]));
		expect(byTitle).toEqual({
			'Kommunbesök Nynäshamn': { agree: 2, of: 3 },
			'Kommunbesök Haninge': { agree: 3, of: 3 },
			'Kommunbesök Tyresö': { agree: 3, of: 4 }
		});
		// Every field the programme had before stays as it was.
		expect(Object.keys(all).sort()).toEqual(['outcomes', 'totals', 'workshops']);
		const one = (await (await api(`/api/programme?municipality=nynäshamn`)).json()) as ProgrammeResponse;
		expect(one.outcomes.total.initiatives).toEqual({ agree: 2, of: 3 });
		// The archive page shows the same sums; the report of one workshop its own.
		const page = await (await fetch(`${server.url}/arkiv`, { headers: ORGANISER })).text();
		expect(page).toContain('8 av 10 planerar nya initiativ');
		const report = await (await api(`/api/workshops/${c.id}/report`)).text();
		expect(report).toContain('3 av 4 planerar nya initiativ');
		expect(JSON.stringify(original)).not.toContain(PARTICIPANT_NAMES[0]);
	});

	it('groups the wishes nothing answered across the three workshops', async () => {
		const { gaps } = (await (await api('/api/programme/gaps')).json()) as ProgrammeGapsResponse;
		const tally = original.vote?.tally ?? [];
		const rankOf = (id: string) => tally.find((row) => row.cardId === id)?.rank ?? null;
		expect(gaps.map((gap) => [gap.text, gap.workshops])).toEqual([
			[expect.stringMatching(/vistas/), 3],
			['Hur elever upplever trygghet i skolan', 2],
			['Antal orosanmälningar per stadsdel', 1]
		]);
		const [where, safety, reports] = gaps;
		expect(where).toEqual({
			text: 'Var unga vistas när de inte är i skolan',
			variants: ['Var unga vistas när de inte är i skolan', 'Var vistas unga när de inte är i skolan?', 'var unga vistas efter skoltid'],
			workshops: 3,
			sectors: { facilitator: 1, skola: 1, polis: 1 },
			proposals: ['Fältgruppen', 'Polisen'],
			bestRank: rankOf('w2')
		});
		expect(safety).toMatchObject({ sectors: { facilitator: 1, polis: 1 }, bestRank: rankOf('w3') });
		expect(reports).toMatchObject({
			variants: ['Antal orosanmälningar per stadsdel'],
			sectors: { polis: 1 },
			proposals: [],
			bestRank: null
		});
		// The answered wish (w1) is no gap anywhere.
		expect(gaps.some((gap) => gap.variants.some((text) => /Frånvaro per skola/.test(text)))).toBe(false);
		// A filter narrows the workshops counted.
		const haninge = (await (await api('/api/programme/gaps?municipality=Haninge')).json()) as ProgrammeGapsResponse;
		expect(haninge.gaps.map((gap) => gap.workshops)).toEqual([1, 1, 1]);
	});

	it('downloads the gaps as Swedish-Excel CSV and as XLSX that parse back', async () => {
		const csvResponse = await api('/api/programme/gaps.csv');
		expect(csvResponse.status).toBe(200);
		expect(csvResponse.headers.get('content-type')).toMatch(/^text\/csv/);
		expect(csvResponse.headers.get('content-disposition')).toContain('datagap.csv');
		const bytes = new Uint8Array(await csvResponse.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder().decode(bytes.slice(3));
		expect(text).toContain('\r\n');
		const parsed = Papa.parse<string[]>(text.trimEnd(), { delimiter: ';' });
		expect(parsed.errors).toEqual([]);
		const [header, first] = parsed.data;
		expect(header!.slice(0, 3)).toEqual(['önskemål', 'varianter', 'antal workshoppar']);
		expect(first![0]).toBe('Var unga vistas när de inte är i skolan');
		expect(first![2]).toBe('3');
		expect(first![header!.indexOf('polis')]).toBe('1');
		expect(first![header!.indexOf('förslag på vem som kan ta fram')]).toBe('Fältgruppen | Polisen');
		expect(parsed.data).toHaveLength(4);

		const comma = Papa.parse<string[]>(
			(await (await api('/api/programme/gaps.csv?separator=comma')).text()).replace(/^\uFEFF/, '').trimEnd(),
			{
				delimiter: ','
			}
		);
		expect(comma.data[1]![2]).toBe('3');

		const xlsx = await api('/api/programme/gaps.xlsx');
		expect(xlsx.status).toBe(200);
		expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
		const sheets = await readXlsxFile(Buffer.from(await xlsx.arrayBuffer()));
		const rows = sheets[0]!.data;
		expect(rows[0]!.slice(0, 3)).toEqual(['önskemål', 'varianter', 'antal workshoppar']);
		expect(rows[1]![0]).toBe('Var unga vistas när de inte är i skolan');
		expect(rows[1]![2]).toBe(3);
		expect(rows).toHaveLength(4);
	});

	it('lists the next steps with the verdicts of follow-ups, per workshop', async () => {
		const started = await post(`/api/workshops/${a.id}/follow-up`, {});
		expect(started.status).toBe(201);
		const followUp = (await started.json()) as CreatedWorkshop;
		const verdict = await fetch(`${server.url}/api/workshops/${followUp.id}/follow-up/steps/n1`, {
			method: 'PUT',
			headers: { 'content-type': 'application/json', ...bearer(followUp.facilitatorSecret) },
			body: JSON.stringify({ status: 'done' })
		});
		expect(verdict.status).toBe(200);
		const { steps } = (await (await api('/api/programme/steps')).json()) as ProgrammeStepsResponse;
		// Three closed workshops with two steps each; the open follow-up adds none.
		expect(steps).toHaveLength(6);
		const n1 = steps.filter((step) => step.cardId === 'n1');
		expect(n1.map((step) => [step.workshopTitle, step.status]).sort()).toEqual([
			['Kommunbesök Haninge', 'open'],
			['Kommunbesök Nynäshamn', 'done'],
			['Kommunbesök Tyresö', 'open']
		]);
		expect(n1[0]).toMatchObject({ owner: 'Socialtjänsten', due: '2027-01-15' });
		// Overdue first: n1 is due 2027-01-15; overdue exactly when that date has passed and the step is not done.
		const today = new Date().toISOString().slice(0, 10);
		for (const step of steps) expect(step.overdue).toBe(step.due !== null && step.due < today && step.status !== 'done');
		const firstNotOverdue = steps.findIndex((step) => !step.overdue);
		expect(steps.slice(firstNotOverdue).some((step) => step.overdue)).toBe(false);
	});

	/** The events of an iCalendar text, parsed by ical.js: the all-day date, summary, description and URL. */
	const events = (text: string) =>
		new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((vevent) => {
			const event = new ICAL.Event(vevent);
			return {
				uid: event.uid,
				date: event.startDate.toString(),
				allDay: event.startDate.isDate,
				summary: event.summary,
				description: event.description,
				url: String(vevent.getFirstPropertyValue('url'))
			};
		});

	it('gives a workshop’s follow-up dates as an iCalendar file', async () => {
		expect((await api(`/api/workshops/${a.id}/follow-up.ics`, {})).status).toBe(401);
		const response = await api(`/api/workshops/${a.id}/follow-up.ics`, bearer(a.facilitatorSecret));
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		const parsed = events(await response.text());
		const dates = ((await (await api(`/api/workshops/${a.id}/archive`)).json()) as { followUpDates: string[] }).followUpDates;
		expect(dates).toHaveLength(2);
		expect(parsed.map((event) => event.date)).toEqual(dates);
		for (const event of parsed) {
			expect(event.allDay).toBe(true);
			expect(event.summary).toBe('Uppföljning: Kommunbesök Nynäshamn');
			expect(event.description).toContain('Frågan: ');
			expect(event.description).toContain(`${server.url}/arkiv`);
			expect(event.url).toBe(`${server.url}/arkiv`);
		}
		expect(new Set(parsed.map((event) => event.uid)).size).toBe(2);
		const english = events(await (await api(`/api/workshops/${a.id}/follow-up.ics?lang=en`)).text());
		expect(english[0]!.summary).toBe('Follow-up: Kommunbesök Nynäshamn');
	});

	it('serves every follow-up as a feed to subscribe to, with a token that can be rotated', async () => {
		expect((await api('/api/programme/follow-ups.ics', {})).status).toBe(401);
		expect((await api('/api/programme/follow-ups.ics?token=gissning', {})).status).toBe(403);
		expect((await post('/api/programme/feed-token', {}, {})).status).toBe(401);
		expect((await post('/api/programme/feed-token', {}, { cookie: 'dd_org=forged' })).status).toBe(403);

		const created = await post('/api/programme/feed-token', {});
		expect(created.status).toBe(201);
		const { url } = (await created.json()) as { url: string };
		expect(url).toMatch(new RegExp(`^${server.url}/api/programme/follow-ups\\.ics\\?token=[\\w-]{43}$`));
		const feed = await fetch(url);
		expect(feed.status).toBe(200);
		expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		const parsed = events(await feed.text());
		// Three closed workshops with two dates each (the follow-up workshop is still open).
		expect(parsed).toHaveLength(6);
		expect(parsed.map((event) => event.summary).sort()).toEqual(
			['Haninge', 'Haninge', 'Nynäshamn', 'Nynäshamn', 'Tyresö', 'Tyresö'].map((place) => `Uppföljning: Kommunbesök ${place}`)
		);

		const rotated = (await (await post('/api/programme/feed-token', {})).json()) as { url: string };
		expect(rotated.url).not.toBe(url);
		expect((await fetch(url)).status).toBe(403);
		expect((await fetch(rotated.url)).status).toBe(200);
	});
});
