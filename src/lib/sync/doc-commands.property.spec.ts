import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { archiveDocumentSchema } from '$lib/domain/archive/schema';
import { buildArchiveDocument } from '$lib/domain/archive/snapshot';
import { buildReportModel } from '$lib/domain/archive/report-model';
import { authorIdOf, checkCardCommand } from '$lib/domain/cards/commands';
import { checkIndicatorsCommand } from '$lib/domain/indicators/commands';
import { createLiveState } from '$lib/domain/method/live-state';
import { DEFAULT_AGENDA_TEMPLATE } from '$lib/domain/method/default-templates';
import type { MethodActor } from '$lib/domain/method/method-actor';
import { agendaFromTemplate } from '$lib/domain/method/templates';
import { checkMapCommand } from '$lib/domain/systemmap/commands';
import { readCards } from './cards';
import {
	applyDocCommand,
	cardBoardOf,
	docCommandSchema,
	indicatorsBoardOf,
	isCardCommand,
	isIndicatorsCommand,
	mapBoardOf,
	type DocCommand
} from './doc-commands';
import { addIndicator, readIndicators } from './indicators';
import { readMap } from './map';

/**
 * The server's command path without the socket: random sequences of commands from three
 * participants and the facilitator, valid and invalid mixed, each parsed with the schema,
 * checked by the domain's rule and applied. Whatever the sequence, what is stored reads
 * back valid, every entry belongs to whoever added it, and the report builds.
 */
const ACTORS: { actor: MethodActor; sector: 'skola' | 'polis' | 'fritid' | 'facilitator' }[] = [
	{ actor: { role: 'participant', participantId: 'p1' }, sector: 'skola' },
	{ actor: { role: 'participant', participantId: 'p2' }, sector: 'polis' },
	{ actor: { role: 'participant', participantId: 'p3' }, sector: 'fritid' },
	{ actor: { role: 'facilitator' }, sector: 'facilitator' }
];
const ids = fc.oneof(
	{ arbitrary: fc.constantFrom('a', 'b', 'c', 'd', 'f1', 'f2'), weight: 9 },
	{ arbitrary: fc.constantFrom('x y', ''), weight: 1 }
);
const text = fc.oneof(
	{ arbitrary: fc.constantFrom('Fältassistenterna', 'Frånvaro per skola', 'Trygghet', 'Polisens lägesbild'), weight: 8 },
	{ arbitrary: fc.string({ maxLength: 30 }), weight: 1 },
	{ arbitrary: fc.constantFrom('', '   ', 'x'.repeat(400)), weight: 1 }
);
const anything = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constant({}), fc.constant([]));

const commandArbitrary = fc.oneof(
	fc.record({
		type: fc.constant('card.add'),
		id: ids,
		kind: fc.constantFrom('samverkan', 'onskvard', 'tillganglig', 'nasta-steg', 'x'),
		text
	}),
	fc.record({
		type: fc.constant('card.add'),
		id: ids,
		kind: fc.constant('tillganglig'),
		text,
		available: fc.oneof(
			anything,
			fc.record({
				wishIds: fc.array(ids, { minLength: 1, maxLength: 2 }),
				source: text,
				level: fc.constantFrom('kommunal', 'x'),
				uses: fc.constant(['utforska']),
				url: fc.constantFrom('https://kolada.se', 'javascript:x')
			})
		)
	}),
	fc.record({
		type: fc.constant('card.add'),
		id: ids,
		kind: fc.constant('nasta-steg'),
		text,
		nextStep: fc.record({ prompt: fc.constantFrom('boka-mote', 'x'), owner: text, due: fc.constantFrom('2027-01-15', 'not-a-date') })
	}),
	fc.record({ type: fc.constant('card.edit'), id: ids, text }),
	fc.record({ type: fc.constant('card.propose-owner'), id: ids, owner: text }),
	fc.record({ type: fc.constant('card.remove'), id: ids }),
	fc.record({
		type: fc.constant('card.add'),
		id: ids,
		kind: fc.constant('onskvard'),
		text,
		authorId: fc.constantFrom('p1', 'facilitator')
	}),
	fc.record({
		type: fc.constant('factor.add'),
		factors: fc.array(fc.record({ id: ids, label: text, kind: fc.constantFrom('faktor', 'aktor', 'x') }), { maxLength: 3 })
	}),
	fc.record({
		type: fc.constant('factor.move'),
		positions: fc.array(fc.record({ id: ids, x: fc.double(), y: fc.integer() }), { maxLength: 3 })
	}),
	fc.record({ type: fc.constant('factor.edit'), id: ids, kind: fc.constantFrom('faktor', 'insats', 'ogiltig') }),
	fc.record({ type: fc.constant('factor.remove'), id: ids }),
	fc.record({ type: fc.constant('link.add'), id: ids, from: ids, to: ids, polarity: fc.constantFrom('+', '-', '*') }),
	fc.record({ type: fc.constant('link.edit'), id: ids, polarity: fc.constantFrom('+', '-') }),
	fc.record({ type: fc.constant('link.remove'), id: ids }),
	fc.record({ type: fc.constant('map.meta'), title: text }),
	fc.record({ type: fc.constant('reading.add'), id: ids, indicatorId: fc.constantFrom('ind', 'nope'), text }),
	fc.record({ type: fc.constant('reading.edit'), id: ids, text }),
	fc.record({ type: fc.constant('reading.remove'), id: ids }),
	fc.record({
		type: fc.constant('indicator.set'),
		id: fc.constantFrom('ind', 'nope'),
		field: fc.constantFrom('definition', 'typ', 'namn'),
		value: text
	}),
	anything
);

describe('random command sequences on the server’s path', () => {
	it('always leave valid documents, with every entry owned by whoever added it, from which the report builds', () => {
		const live = createLiveState(agendaFromTemplate(DEFAULT_AGENDA_TEMPLATE));
		if (!live.ok) throw new Error('default agenda');
		const state = { ...live.value, phase: 'nasta-steg' as const };
		const counts = { applied: 0, refused: 0, malformed: 0 };
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.nat(ACTORS.length - 1), commandArbitrary), { maxLength: 60 }), (steps) => {
				const canvas = new Y.Doc();
				const map = new Y.Doc();
				const indicators = new Y.Doc();
				addIndicator(indicators, { id: 'ind', meta: { namn: 'Indikator' }, createdAt: '2026-12-01T10:00:00Z' }, 'setup');
				const addedBy = new Map<string, string>();
				for (const [who, raw] of steps) {
					const { actor, sector } = ACTORS[who]!;
					const parsed = docCommandSchema.safeParse(raw);
					if (!parsed.success) {
						counts.malformed++;
						continue;
					}
					const command: DocCommand = parsed.data;
					const [doc, refusal] = isCardCommand(command)
						? [canvas, checkCardCommand({ actor, live: state, board: cardBoardOf(canvas), groupIds: [] }, command)]
						: isIndicatorsCommand(command)
							? [indicators, checkIndicatorsCommand({ actor, board: indicatorsBoardOf(indicators) }, command)]
							: [map, checkMapCommand({ actor, board: mapBoardOf(map) }, command)];
					if (refusal) {
						counts.refused++;
						continue;
					}
					counts.applied++;
					applyDocCommand(doc, { command, author: { authorId: authorIdOf(actor), sector }, now: '2026-12-02T10:00:00Z' }, 'server');
					if (command.type === 'card.add' && !addedBy.has(command.id)) addedBy.set(command.id, authorIdOf(actor));
				}
				// Nothing stored fails the readers' schemas: every entry reads back.
				const cards = readCards(canvas);
				expect(cards).toHaveLength(canvas.getMap('cards').size);
				for (const card of cards) expect(card.authorId).toBe(addedBy.get(card.id));
				const snapshot = readMap(map);
				expect(snapshot.factors).toHaveLength(map.getMap('factors').size);
				const { indicators: catalogue, readings } = readIndicators(indicators);
				const document = buildArchiveDocument({
					workshop: { id: 'w', title: 'Egenskapstest', createdAt: '2026-12-01T09:00:00Z', status: 'open' },
					version: null,
					exportedAt: '2026-12-02T11:00:00Z',
					control: {
						live: state,
						preparation: null,
						vote: null,
						groups: [],
						moderation: [],
						responses: { surveys: {}, summaries: {}, followUp: false }
					},
					participants: [],
					canvases: [{ name: 'canvas:plenary', cards }],
					maps: [
						{
							mapId: 'plenary',
							map: {
								title: snapshot.title,
								themeId: snapshot.themeId,
								factors: snapshot.factors,
								links: snapshot.links,
								stories: snapshot.stories
							}
						}
					],
					indicators: catalogue,
					readings,
					followUp: { dates: [], of: null, baseline: [], steps: [] }
				});
				const checked = archiveDocumentSchema.safeParse(document);
				expect(checked.success, JSON.stringify(checked.error?.issues.slice(0, 3))).toBe(true);
				expect(buildReportModel(document).title).toBe('Egenskapstest');
			}),
			{ numRuns: 300, seed: 20261202 }
		);
		// The sequences exercised all three outcomes, not just the schema's refusals.
		expect(counts.applied, JSON.stringify(counts)).toBeGreaterThan(300);
		expect(counts.refused).toBeGreaterThan(100);
		expect(counts.malformed).toBeGreaterThan(100);
	});
});
