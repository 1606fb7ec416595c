import { describe, expect, it } from 'vitest';
import { sampleInput } from '../../../../tests/fixtures/archive/sample-workshop';
import { DEFAULT_AGENDA_TEMPLATE } from '../method/default-templates';
import { createLiveState, markReady, setTimer } from '../method/live-state';
import { agendaFromTemplate } from '../method/templates';
import { createTimer, startTimer } from '../method/timer';
import { archiveDocumentSchema } from './schema';
import { buildArchiveDocument } from './snapshot';

describe('buildArchiveDocument', () => {
	it('freezes a workshop into a document the import schema accepts', () => {
		const document = buildArchiveDocument(sampleInput());
		expect(archiveDocumentSchema.parse(document)).toEqual(document);
		expect(document).toMatchObject({
			schema: 'datadialog.workshop',
			schemaVersion: 1,
			source: { workshopId: 'w1', status: 'closed', version: 2, frozenAt: '2026-11-04T09:30:00.000Z' },
			workshop: { title: 'Skolnärvaro i Nynäshamn' }
		});
	});

	it('keeps what outlives a session of the live state, and nothing of the timer or readiness', () => {
		const created = createLiveState(agendaFromTemplate(DEFAULT_AGENDA_TEMPLATE));
		if (!created.ok) throw new Error(created.error);
		const live = markReady(setTimer(created.value, startTimer(createTimer(10), 1000)), 'p1');
		const input = sampleInput();
		const document = buildArchiveDocument({ ...input, control: { ...input.control, live } });
		expect(Object.keys(document.method).sort()).toEqual(['agenda', 'phase', 'phases']);
		expect(document.method.phase).toBe(live.phase);
	});

	it('lists participants by id and sector only, in joining order', () => {
		const input = sampleInput();
		const document = buildArchiveDocument({
			...input,
			participants: [...input.participants, { id: 'p9', sector: 'not-a-sector', createdAt: '2026-11-04T09:04:00.000Z' }]
		});
		expect(document.participants).toEqual([
			{ id: 'p1', sector: 'skola', joinedAt: '2026-11-04T09:01:00.000Z' },
			{ id: 'p2', sector: 'polis', joinedAt: '2026-11-04T09:02:00.000Z' },
			{ id: 'p3', sector: 'skola', joinedAt: '2026-11-04T09:03:00.000Z' }
		]);
	});

	it('puts the plenary first and adds each map’s loops with their names and stories', () => {
		const document = buildArchiveDocument(sampleInput());
		expect(document.canvases.map((c) => c.name)).toEqual(['canvas:plenary', 'canvas:grupp-1']);
		expect(document.maps[0]!.loops).toEqual([
			{
				kind: 'R',
				factors: ['franvaro', 'resultat', 'motivation'],
				links: ['l1', 'l2', 'l3'],
				name: 'Frånvarospiralen',
				story: 'Den som missar lektioner tappar taget.'
			}
		]);
		expect(document.maps[0]!.loopsTruncated).toBe(false);
	});

	it('gives the same document whatever order the documents were read in', () => {
		const input = sampleInput();
		const shuffled = {
			...input,
			participants: [...input.participants].reverse(),
			canvases: [...input.canvases].reverse(),
			followUp: {
				...input.followUp,
				steps: [
					{ cardId: 'n2', status: 'open' as const, note: '', updatedAt: 'x' },
					{ cardId: 'n1', status: 'done' as const, note: '', updatedAt: 'x' }
				]
			}
		};
		const sorted = { ...shuffled, followUp: { ...shuffled.followUp, steps: [...shuffled.followUp.steps].reverse() } };
		expect(buildArchiveDocument(shuffled)).toEqual(buildArchiveDocument(sorted));
	});
});
