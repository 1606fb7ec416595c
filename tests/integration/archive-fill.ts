import type { SyncClient } from '../../src/lib/client/sync-client';
import type { Card } from '../../src/lib/domain/cards/card';
import type { Observation } from '../../src/lib/domain/indicators';
import { addCard, putCard, readCards } from '../../src/lib/sync/cards';
import { addReading, mergeImportedIndicators } from '../../src/lib/sync/indicators';
import { addFactors, addLink, setLoopStory } from '../../src/lib/sync/map';
import { connectClient } from '../helpers/clients';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/workshop-api';

/** Participants' display names: a report or export that contains any of them leaks a name. */
export const PARTICIPANT_NAMES = ['Åsa Lindqvist', 'Mohammed Berglund', 'Kim Järvinen'];

export interface FilledWorkshop {
	workshop: CreatedWorkshop;
	facilitator: SyncClient;
	participants: SyncClient[];
}

const at = (minute: number) => new Date(Date.UTC(2026, 10, 4, 9, minute)).toISOString();

const observation = (area: { code: string; name: string }, period: string, value: number | null): Observation => ({
	indicatorId: 'franvaro',
	area,
	period,
	breakdown: {},
	value,
	status: value === null ? 'missing' : 'ok'
});

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
	addCard(canvas, card('s1', 'samverkan', 'Fältassistenterna', 1), 'fill');
	addCard(canvas, card('s2', 'samverkan', 'Elevhälsan på högstadiet', 2), 'fill');
	addCard(canvas, card('w1', 'onskvard', 'Frånvaro per skola och årskurs', 3), 'fill');
	addCard(canvas, card('w2', 'onskvard', 'Var unga vistas när de inte är i skolan', 4), 'fill');
	addCard(canvas, card('w3', 'onskvard', 'Hur elever upplever trygghet i skolan', 5), 'fill');
	await facilitator.flushed();

	await command({ type: 'phase.set', phase: 'prioritera' });
	await command({ type: 'vote.open', budget: 3 });
	for (const client of participants) {
		for (const cardId of ['w1', 'w1', 'w3']) await command({ type: 'vote.cast', cardId }, client);
	}
	await command({ type: 'vote.close' });

	await command({ type: 'phase.set', phase: 'tillganglig' });
	addCard(
		canvas,
		card('a1', 'tillganglig', 'Frånvarostatistik per skola', 6, {
			available: { wishIds: ['w1'], source: 'Skolverket', level: 'nationell', uses: ['utforska', 'folja-upp'], frequency: 'varje termin' }
		}),
		'fill'
	);
	const wish = readCards(canvas).find((c) => c.id === 'w2')!;
	putCard(canvas, { ...wish, proposedDataOwner: 'Fältgruppen' }, 'fill');

	await command({ type: 'phase.set', phase: 'nasta-steg' });
	addCard(
		canvas,
		card('n1', 'nasta-steg', 'Möte med rektorerna om frånvarodata', 7, { nextStep: { prompt: 'boka-mote', owner: 'Socialtjänsten', due: '2027-01-15' } }),
		'fill'
	);
	addCard(
		canvas,
		card('n2', 'nasta-steg', 'Visualisera frånvaron per stadsdel', 8, { nextStep: { prompt: 'visualisera-data', owner: 'Analysenheten' } }),
		'fill'
	);
	await facilitator.flushed();

	const map = facilitator.open('map:plenary');
	await facilitator.whenSynced('map:plenary');
	const author = { authorId: 'facilitator', sector: 'facilitator' } as const;
	addFactors(
		map,
		{
			factors: [
				{ id: 'franvaro', label: 'Skolfrånvaro', kind: 'faktor', x: 0, y: 0 },
				{ id: 'resultat', label: 'Skolresultat', kind: 'faktor', x: 240, y: 120 },
				{ id: 'motivation', label: 'Motivation', kind: 'faktor' }
			],
			author
		},
		'fill'
	);
	addLink(map, { link: { id: 'l1', from: 'franvaro', to: 'resultat', polarity: '-' }, author }, 'fill');
	addLink(map, { link: { id: 'l2', from: 'resultat', to: 'motivation', polarity: '+' }, author }, 'fill');
	addLink(map, { link: { id: 'l3', from: 'motivation', to: 'franvaro', polarity: '-' }, author }, 'fill');
	setLoopStory(
		map,
		{
			id: 'story1',
			loop: { key: 'l1 l2 l3', factors: ['franvaro', 'resultat', 'motivation'], kind: 'R' },
			name: 'Frånvarospiralen',
			story: 'Den som missar lektioner tappar taget och vill gå dit ännu mindre.',
			author
		},
		'fill'
	);

	const indicators = facilitator.open('indicators');
	await facilitator.whenSynced('indicators');
	const nynashamn = { code: '0192', name: 'Nynäshamn' };
	const riket = { code: '0000', name: 'Riket' };
	mergeImportedIndicators(
		indicators,
		[
			{
				id: 'franvaro',
				name: 'Elever med hög frånvaro',
				unit: 'procent',
				meta: { namn: 'Elever med hög frånvaro', datakalla: 'Skolverket', riskForFeltolkning: 'Små skolor ger stora svängningar.', typ: 'utfall' },
				observations: [
					observation(nynashamn, '2023', 12.5),
					observation(nynashamn, '2024', 14.1),
					observation(riket, '2023', 10.2),
					observation(riket, '2024', null)
				]
			}
		],
		{ now: at(9) },
		'fill'
	);
	await facilitator.flushed();

	const readingDoc = participants[0]!.open('indicators');
	await participants[0]!.whenSynced('indicators');
	addReading(
		readingDoc,
		{ id: 'r1', indicatorId: 'franvaro', authorId: people[0]!.participantId, sector: 'skola', text: 'Vi ser samma ökning i åk 8.', createdAt: at(10) },
		'fill'
	);
	await participants[0]!.flushed();
	const policeDoc = participants[1]!.open('indicators');
	await participants[1]!.whenSynced('indicators');
	addReading(
		policeDoc,
		{ id: 'r2', indicatorId: 'franvaro', authorId: people[1]!.participantId, sector: 'polis', text: 'Fler unga ute på dagtid i centrum.', createdAt: at(11) },
		'fill'
	);
	await participants[1]!.flushed();
	return { workshop, facilitator, participants };
}
