import { describe, expect, it } from 'vitest';
import { createLiveState, type LiveState } from '../method/live-state';
import { agendaFromTemplate } from '../method/templates';
import { DEFAULT_AGENDA_TEMPLATE } from '../method/default-templates';
import type { Card } from './card';
import { CARD_LIMITS } from './card-limits';
import { boardOf, cardCommandSchema, checkCardCommand, type CardCommand } from './commands';

const alice = { role: 'participant', participantId: 'alice' } as const;
const bob = { role: 'participant', participantId: 'bob' } as const;
const facilitator = { role: 'facilitator' } as const;

function liveAt(phase: LiveState['phase'], change: (live: LiveState) => void = () => {}): LiveState {
	const result = createLiveState(agendaFromTemplate(DEFAULT_AGENDA_TEMPLATE));
	if (!result.ok) throw new Error('default agenda');
	const live = { ...result.value, phase };
	change(live);
	return live;
}

const card = (id: string, authorId: string, extra: Partial<Card> = {}): Card => ({
	id,
	kind: 'onskvard',
	text: `kort ${id}`,
	authorId,
	sector: 'skola',
	createdAt: '2026-12-02T10:00:00Z',
	...extra
});

const parse = (command: unknown): CardCommand => cardCommandSchema.parse(command);

describe('card commands', () => {
	const board = boardOf([card('a1', 'alice'), card('b1', 'bob'), card('hidden', 'alice', { hidden: true })]);
	const at = (phase: LiveState['phase']) => ({ live: liveAt(phase), board, groupIds: [] });

	it("lets only the facilitator type in a paper card under its writer's sector", () => {
		const paper = parse({ type: 'card.add', id: 'p1', kind: 'onskvard', text: 'Skrivet på papper', paperSector: 'polis' });
		expect(checkCardCommand({ ...at('onskvard'), actor: facilitator }, paper)).toBeNull();
		expect(checkCardCommand({ ...at('onskvard'), actor: alice }, paper)).toMatchObject({
			code: 'forbidden',
			key: 'paper-facilitator-only'
		});
		expect(
			cardCommandSchema.safeParse({ type: 'card.add', id: 'p2', kind: 'onskvard', text: 'x', paperSector: 'facilitator' }).success
		).toBe(false);
	});

	it('lets a participant add a card of a reached phase, and edit and remove only their own', () => {
		const context = { ...at('onskvard'), actor: alice };
		expect(checkCardCommand(context, parse({ type: 'card.add', id: 'a2', kind: 'onskvard', text: 'Frånvaro per skola' }))).toBeNull();
		expect(checkCardCommand(context, parse({ type: 'card.edit', id: 'a1', text: 'Ny text' }))).toBeNull();
		expect(checkCardCommand(context, parse({ type: 'card.edit', id: 'b1', text: 'Förfalskad' }))).toMatchObject({
			code: 'forbidden',
			key: 'not-author'
		});
		expect(checkCardCommand(context, parse({ type: 'card.remove', id: 'b1' }))).toMatchObject({ code: 'forbidden', key: 'not-author' });
		expect(checkCardCommand(context, parse({ type: 'card.edit', id: 'hidden', text: 'x' }))).toMatchObject({ key: 'card-hidden' });
	});

	it('refuses a card ahead of the phase and on a locked board, and takes removing a gone card as done', () => {
		expect(
			checkCardCommand({ ...at('samverkan'), actor: alice }, parse({ type: 'card.add', id: 'x', kind: 'nasta-steg', text: 'Tidigt' }))
		).toMatchObject({
			key: 'phase-not-reached'
		});
		const locked = { live: liveAt('onskvard', (live) => (live.phases.onskvard.locked = true)), board, groupIds: [], actor: alice };
		expect(checkCardCommand(locked, parse({ type: 'card.add', id: 'x', kind: 'onskvard', text: 'Låst' }))).toMatchObject({
			key: 'phase-locked'
		});
		expect(checkCardCommand({ ...at('onskvard'), actor: alice }, parse({ type: 'card.remove', id: 'gone' }))).toBeNull();
	});

	it('never lets a participant take over someone else’s card id', () => {
		const context = { ...at('onskvard'), actor: alice };
		expect(checkCardCommand(context, parse({ type: 'card.add', id: 'b1', kind: 'onskvard', text: 'Kapad' }))).toMatchObject({
			key: 'id-taken'
		});
		// Their own id sent again (a retry) changes nothing and is not an error.
		expect(checkCardCommand(context, parse({ type: 'card.add', id: 'a1', kind: 'onskvard', text: 'Igen' }))).toBeNull();
	});

	it('keeps author, sector and moderation out of what a command can say', () => {
		for (const forged of [
			{ type: 'card.add', id: 'x', kind: 'onskvard', text: 'hej', authorId: 'bob' },
			{ type: 'card.add', id: 'x', kind: 'onskvard', text: 'hej', sector: 'facilitator' },
			{ type: 'card.add', id: 'x', kind: 'onskvard', text: 'hej', hidden: false },
			{ type: 'card.edit', id: 'x', text: 'x'.repeat(900_000) },
			{ type: 'card.add', id: 'x', kind: 'tillganglig', text: 'data', available: {} },
			{
				type: 'card.add',
				id: 'x',
				kind: 'tillganglig',
				text: 'data',
				available: { wishIds: ['a1'], source: 'S', level: 'kommunal', uses: ['utforska'], url: 'javascript:alert(1)' }
			},
			{ type: 'card.add', id: 'x', kind: 'nasta-steg', text: 'steg', nextStep: { prompt: 'boka-mote', owner: 'Jag', due: 'not-a-date' } },
			{ type: 'card.add', id: 'x y', kind: 'onskvard', text: 'mellanslag i id' }
		]) {
			expect(cardCommandSchema.safeParse(forged).success, JSON.stringify(forged).slice(0, 80)).toBe(false);
		}
	});

	it('links available data only to wishes on the same board, and details only to their own kind', () => {
		const context = { ...at('tillganglig'), actor: alice };
		const available = { wishIds: ['a1'], source: 'Skolverket', level: 'nationell', uses: ['utforska'] };
		expect(
			checkCardCommand(context, parse({ type: 'card.add', id: 'd1', kind: 'tillganglig', text: 'Frånvarostatistik', available }))
		).toBeNull();
		expect(
			checkCardCommand(
				context,
				parse({ type: 'card.add', id: 'd2', kind: 'tillganglig', text: 'x', available: { ...available, wishIds: ['elsewhere'] } })
			)
		).toMatchObject({ code: 'bad_request', key: 'unknown-wish' });
		expect(checkCardCommand(context, parse({ type: 'card.add', id: 'd3', kind: 'samverkan', text: 'x', available }))).toMatchObject({
			key: 'bad-details'
		});
	});

	it('takes a group id only for the canvas’s own group', () => {
		const context = { live: liveAt('onskvard'), board, groupIds: ['grupp-1'], actor: alice };
		expect(checkCardCommand(context, parse({ type: 'card.add', id: 'g', kind: 'onskvard', text: 'x', groupId: 'grupp-1' }))).toBeNull();
		expect(checkCardCommand(context, parse({ type: 'card.add', id: 'g', kind: 'onskvard', text: 'x', groupId: 'grupp-2' }))).toMatchObject({
			key: 'bad-group'
		});
	});

	it('caps a participant’s cards, but not the facilitator’s', () => {
		const full = boardOf(Array.from({ length: CARD_LIMITS.perPerson }, (_, i) => card(`a${i}`, 'alice')));
		const add = parse({ type: 'card.add', id: 'one-more', kind: 'onskvard', text: 'x' });
		expect(checkCardCommand({ live: liveAt('onskvard'), board: full, groupIds: [], actor: alice }, add)).toMatchObject({
			key: 'person-limit'
		});
		expect(checkCardCommand({ live: liveAt('onskvard'), board: full, groupIds: [], actor: bob }, add)).toBeNull();
		expect(checkCardCommand({ live: liveAt('onskvard'), board: full, groupIds: [], actor: facilitator }, add)).toBeNull();
	});

	it('lets anyone propose who could produce a wished figure, on wishes only', () => {
		const context = { ...at('tillganglig'), actor: bob };
		expect(checkCardCommand(context, parse({ type: 'card.propose-owner', id: 'a1', owner: 'Fältgruppen' }))).toBeNull();
		const withCollaborator = boardOf([card('s1', 'alice', { kind: 'samverkan' })]);
		expect(
			checkCardCommand({ ...context, board: withCollaborator }, parse({ type: 'card.propose-owner', id: 's1', owner: 'x' }))
		).toMatchObject({
			key: 'not-a-wish'
		});
	});
});
