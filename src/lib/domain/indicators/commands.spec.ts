import { describe, expect, it } from 'vitest';
import { READING_LIMITS } from './reading';
import { checkIndicatorsCommand, indicatorsCommandSchema, type IndicatorsBoard, type IndicatorsCommand } from './commands';

const alice = { role: 'participant', participantId: 'alice' } as const;
const facilitator = { role: 'facilitator' } as const;

const board = (mine = 0): IndicatorsBoard => ({
	hasIndicator: (id) => id === 'N15008',
	reading: (id) => (id === 'r-bob' ? { authorId: 'bob' } : id === 'r-alice' ? { authorId: 'alice' } : null),
	readingCounts: () => ({ mine, total: mine + 2 })
});
const parse = (command: unknown): IndicatorsCommand => indicatorsCommandSchema.parse(command);

describe('indicator commands', () => {
	it('lets a participant pin readings to an indicator and change only their own', () => {
		expect(
			checkIndicatorsCommand(
				{ actor: alice, board: board() },
				parse({ type: 'reading.add', id: 'r1', indicatorId: 'N15008', text: 'Samma ökning hos oss' })
			)
		).toBeNull();
		expect(
			checkIndicatorsCommand({ actor: alice, board: board() }, parse({ type: 'reading.add', id: 'r1', indicatorId: 'nope', text: 'x' }))
		).toMatchObject({
			code: 'not_found'
		});
		expect(checkIndicatorsCommand({ actor: alice, board: board() }, parse({ type: 'reading.edit', id: 'r-bob', text: 'x' }))).toMatchObject(
			{ key: 'not-author' }
		);
		expect(checkIndicatorsCommand({ actor: alice, board: board() }, parse({ type: 'reading.remove', id: 'r-alice' }))).toBeNull();
		expect(checkIndicatorsCommand({ actor: facilitator, board: board() }, parse({ type: 'reading.remove', id: 'r-bob' }))).toBeNull();
	});

	it('keeps the catalogue the facilitator’s, with its fixed words', () => {
		const set = parse({ type: 'indicator.set', id: 'N15008', field: 'definition', value: 'Ändrad' });
		expect(checkIndicatorsCommand({ actor: alice, board: board() }, set)).toMatchObject({ key: 'facilitator-only' });
		expect(checkIndicatorsCommand({ actor: facilitator, board: board() }, set)).toBeNull();
		expect(
			checkIndicatorsCommand(
				{ actor: facilitator, board: board() },
				parse({ type: 'indicator.set', id: 'N15008', field: 'typ', value: 'fel' })
			)
		).toMatchObject({
			key: 'bad-value'
		});
		expect(indicatorsCommandSchema.safeParse({ type: 'indicator.add', indicators: [{ id: 'x', meta: { namn: ' ' } }] }).success).toBe(
			false
		);
		expect(
			indicatorsCommandSchema.safeParse({ type: 'indicator.add', indicators: [{ id: 'x', meta: { namn: 'A', typ: 'fel' } }] }).success
		).toBe(false);
	});

	it('caps the readings one person pins', () => {
		const add = parse({ type: 'reading.add', id: 'new', indicatorId: 'N15008', text: 'x' });
		expect(checkIndicatorsCommand({ actor: alice, board: board(READING_LIMITS.perPerson) }, add)).toMatchObject({ key: 'person-limit' });
	});
});
