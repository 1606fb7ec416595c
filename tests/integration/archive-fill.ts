import type { SyncClient } from '../../src/lib/client/sync-client';
import type { Card } from '../../src/lib/domain/cards/card';
import { connectClient } from '../helpers/clients';
import { applied, sendCard } from '../helpers/commands';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/workshop-api';

/** Participants' display names: a report or export that contains any of them leaks a name. */
export const PARTICIPANT_NAMES = ['Åsa Lindqvist', 'Mohammed Berglund', 'Kim Järvinen'];

export interface FilledWorkshop {
	workshop: CreatedWorkshop;
	facilitator: SyncClient;
	participants: SyncClient[];
}

const at = (minute: number) => new Date(Date.UTC(2026, 10, 4, 9, minute)).toISOString();

const AREAS: Record<string, string> = { '0192': 'Nynäshamn', '0000': 'Riket' };

/**
 * Uploads figures of the indicator `franvaro` (share of pupils with high absence, per
 * area and year) as the facilitator's data page does, in JSON-stat 2; `null` is a gap.
 * Uploading again merges into the same indicator.
 */
export async function uploadFigures(url: string, workshop: CreatedWorkshop, rows: [string, string, number | null][]): Promise<void> {
	const areas = [...new Set(rows.map(([area]) => area))];
	const years = [...new Set(rows.map(([, year]) => year))];
	const value = areas.flatMap((area) => years.map((year) => rows.find(([a, y]) => a === area && y === year)?.[2] ?? null));
	const dataset = {
		version: '2.0',
		class: 'dataset',
		label: 'Franvaro',
		source: 'Skolverket',
		id: ['Region', 'Tid'],
		size: [areas.length, years.length],
		role: { geo: ['Region'], time: ['Tid'] },
		dimension: {
			Region: {
				label: 'region',
				category: {
					index: Object.fromEntries(areas.map((a, i) => [a, i])),
					label: Object.fromEntries(areas.map((a) => [a, AREAS[a] ?? a]))
				}
			},
			Tid: { label: 'år', category: { index: Object.fromEntries(years.map((y, i) => [y, i])) } }
		},
		value
	};
	const response = await fetch(`${url}/api/workshops/${workshop.id}/indicators?format=jsonstat2`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: `Bearer ${workshop.facilitatorSecret}` },
		body: JSON.stringify(dataset)
	});
	if (response.status !== 201) throw new Error(`upload refused: ${response.status} ${await response.text()}`);
}

/**
 * A workshop with something in every part of the method, written through the real
 * server the way the app writes it: preparation, collaborators, wishes and a
 * closed dot vote, available data, a gap with a proposed owner, next steps, a
 * system map with a named loop, an indicator over two years with readings from
 * two sectors. Three named participants take part; their names must never leave
 * the server in a report or export.
 */
export async function fillWorkshop(url: string, title = 'Skolnärvaro i Nynäshamn'): Promise<FilledWorkshop> {
	const workshop = await createWorkshop(url, title);
	const sectors = ['skola', 'polis', 'socialtjanst'] as const;
	const people = [];
	for (const [index, displayName] of PARTICIPANT_NAMES.entries()) {
		people.push(await joinWorkshop(url, workshop.code, { displayName, sector: sectors[index] }));
	}
	const facilitator = connectClient(url, workshop.id, { facilitator: workshop.facilitatorSecret });
	const participants = people.map((p) => connectClient(url, workshop.id, { participant: p.session }));
	const command = async (c: Parameters<SyncClient['command']>[0], client: SyncClient = facilitator) => {
		const result = await client.command(c);
		if (!result.ok) throw new Error(`${c.type} refused: ${result.error.message}`);
	};

	await command({
		type: 'preparation.set',
		preparation: {
			goal: { kind: 'template', goalId: 'gemensam-lagesbild' },
			themeId: 'skolnarvaro',
			question: { kind: 'theme', themeId: 'skolnarvaro', angle: 'forebyggande' },
			expectedParticipants: 8,
			firstDialogue: true
		}
	});

	const canvas = facilitator.open('canvas:plenary');
	await facilitator.whenSynced('canvas:plenary');
	const card = (id: string, kind: Card['kind'], text: string, minute: number, extra: Partial<Card> = {}): Card => ({
		id,
		kind,
		text,
		authorId: 'facilitator',
		sector: 'facilitator',
		createdAt: at(minute),
		...extra
	});
	const facilitatorAuthor = { authorId: 'facilitator', sector: 'facilitator' } as const;
	for (const each of [
		card('s1', 'samverkan', 'Fältassistenterna', 1),
		card('s2', 'samverkan', 'Elevhälsan på högstadiet', 2),
		card('w1', 'onskvard', 'Frånvaro per skola och årskurs', 3),
		card('w2', 'onskvard', 'Var unga vistas när de inte är i skolan', 4),
		card('w3', 'onskvard', 'Hur elever upplever trygghet i skolan', 5)
	]) {
		await applied(sendCard(canvas, each));
	}

	await command({ type: 'phase.set', phase: 'prioritera' });
	await command({ type: 'vote.open', budget: 3 });
	for (const client of participants) {
		for (const cardId of ['w1', 'w1', 'w3']) await command({ type: 'vote.cast', cardId }, client);
	}
	await command({ type: 'vote.close' });

	await command({ type: 'phase.set', phase: 'tillganglig' });
	await applied(
		sendCard(
			canvas,
			card('a1', 'tillganglig', 'Frånvarostatistik per skola', 6, {
				available: { wishIds: ['w1'], source: 'Skolverket', level: 'nationell', uses: ['utforska', 'folja-upp'], frequency: 'varje termin' }
			})
		)
	);
	await applied(canvas.edit({ type: 'card.propose-owner', id: 'w2', owner: 'Fältgruppen' }, facilitatorAuthor));

	await command({ type: 'phase.set', phase: 'nasta-steg' });
	await applied(
		sendCard(
			canvas,
			card('n1', 'nasta-steg', 'Möte med rektorerna om frånvarodata', 7, {
				nextStep: { prompt: 'boka-mote', owner: 'Socialtjänsten', due: '2027-01-15' }
			})
		)
	);
	await applied(
		sendCard(
			canvas,
			card('n2', 'nasta-steg', 'Visualisera frånvaron per stadsdel', 8, {
				nextStep: { prompt: 'visualisera-data', owner: 'Analysenheten' }
			})
		)
	);

	const map = facilitator.open('map:plenary');
	await facilitator.whenSynced('map:plenary');
	await applied(
		map.edit(
			{
				type: 'factor.add',
				factors: [
					{ id: 'franvaro', label: 'Skolfrånvaro', kind: 'faktor', x: 0, y: 0 },
					{ id: 'resultat', label: 'Skolresultat', kind: 'faktor', x: 240, y: 120 },
					{ id: 'motivation', label: 'Motivation', kind: 'faktor' }
				]
			},
			facilitatorAuthor
		)
	);
	await applied(map.edit({ type: 'link.add', id: 'l1', from: 'franvaro', to: 'resultat', polarity: '-' }, facilitatorAuthor));
	await applied(map.edit({ type: 'link.add', id: 'l2', from: 'resultat', to: 'motivation', polarity: '+' }, facilitatorAuthor));
	await applied(map.edit({ type: 'link.add', id: 'l3', from: 'motivation', to: 'franvaro', polarity: '-' }, facilitatorAuthor));
	await applied(
		map.edit(
			{
				type: 'loop.name',
				id: 'story1',
				loop: { key: 'l1 l2 l3', factors: ['franvaro', 'resultat', 'motivation'], kind: 'R' },
				name: 'Frånvarospiralen',
				story: 'Den som missar lektioner tappar taget och vill gå dit ännu mindre.'
			},
			facilitatorAuthor
		)
	);

	// Figures arrive as they do in the app: an upload (here JSON-stat 2, whose label names the indicator `franvaro`).
	await uploadFigures(url, workshop, [
		['0192', '2023', 12.5],
		['0192', '2024', 14.1],
		['0000', '2023', 10.2],
		['0000', '2024', null]
	]);
	const indicators = facilitator.open('indicators');
	await facilitator.whenSynced('indicators');
	const catalogue = {
		namn: 'Elever med hög frånvaro',
		datakalla: 'Skolverket',
		riskForFeltolkning: 'Små skolor ger stora svängningar.',
		typ: 'utfall',
		unit: 'procent'
	} as const;
	for (const [field, value] of Object.entries(catalogue)) {
		await applied(
			indicators.edit({ type: 'indicator.set', id: 'franvaro', field: field as keyof typeof catalogue, value }, facilitatorAuthor)
		);
	}

	const readingDoc = participants[0]!.open('indicators');
	await participants[0]!.whenSynced('indicators');
	await applied(
		readingDoc.edit(
			{ type: 'reading.add', id: 'r1', indicatorId: 'franvaro', text: 'Vi ser samma ökning i åk 8.' },
			{ authorId: people[0]!.participantId, sector: 'skola' }
		)
	);
	const policeDoc = participants[1]!.open('indicators');
	await participants[1]!.whenSynced('indicators');
	await applied(
		policeDoc.edit(
			{ type: 'reading.add', id: 'r2', indicatorId: 'franvaro', text: 'Fler unga ute på dagtid i centrum.' },
			{ authorId: people[1]!.participantId, sector: 'polis' }
		)
	);
	return { workshop, facilitator, participants };
}
