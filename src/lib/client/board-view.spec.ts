import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readControl } from '$lib/sync/control';
import type { Card } from '$lib/domain/cards/card';
import { boardCards, boardNotice, draftsNotOnCanvas, isClosedRefusal, mapChoices } from './board-view';

describe('map choices', () => {
	const stored = [
		{ mapId: 'plenary', docName: 'map:plenary', title: null },
		{ mapId: 'grupp-1', docName: 'map:grupp-1', title: 'Grupp 1 ritade' },
		{ mapId: 'a1b2c3', docName: 'map:a1b2c3', title: 'Importerad' }
	];
	const groups = (ids: string[]) => ({ ...readControl(new Y.Doc()), groups: ids.map((id) => ({ id, memberIds: [], question: null })) });

	it('lists the stored maps, then each group map nobody drew on yet', () => {
		const choices = mapChoices(stored, groups(['grupp-1', 'grupp-2']), (id) => `Grupp ${id.slice(-1)}`);
		expect(choices.map((c) => [c.docName, c.title])).toEqual([
			['map:plenary', null],
			['map:grupp-1', 'Grupp 1 ritade'],
			['map:a1b2c3', 'Importerad'],
			['map:grupp-2', 'Grupp 2']
		]);
	});

	it('lists only the stored maps without groups or before the control document arrived', () => {
		expect(mapChoices(stored, groups([]), String)).toEqual(stored);
		expect(mapChoices(stored, null, String)).toEqual(stored);
	});
});

describe('drafts during a reveal', () => {
	const card = (id: string, text = id): Card => ({
		id,
		kind: 'onskvard',
		text,
		authorId: 'p1',
		sector: 'skola',
		createdAt: '2026-03-01T10:00:00Z'
	});

	it('drops a draft once the reveal has put the same card on the canvas (the canvas copy wins)', () => {
		const canvas = [card('a'), card('mine', 'på tavlan')];
		const drafts = [card('mine', 'utkast'), card('other')];
		expect(draftsNotOnCanvas(drafts, canvas).map((c) => c.id)).toEqual(['other']);
		const all = boardCards(canvas, drafts);
		expect(all.map((c) => c.id)).toEqual(['a', 'mine', 'other']);
		expect(all.find((c) => c.id === 'mine')?.text).toBe('på tavlan');
	});

	it('keeps every id once, so a keyed list never sees a duplicate', () => {
		const all = boardCards([card('x'), card('x')], [card('x'), card('y'), card('y')]);
		expect(all.map((c) => c.id)).toEqual(['x', 'y']);
	});
});

describe('the board notice', () => {
	const control = (phase: 'samverkan' | 'sammanfattning', locked: boolean) => {
		const base = readControl(new Y.Doc());
		return {
			...base,
			live: { ...base.live, phase, phases: { ...base.live.phases, [phase]: { ...base.live.phases[phase], locked } } }
		};
	};

	it('says the board is locked when the current phase is', () => {
		expect(boardNotice(control('samverkan', true), false)).toBe('locked');
		expect(boardNotice(control('samverkan', false), false)).toBeNull();
		expect(boardNotice(null, false)).toBeNull();
	});

	it('says nothing in the summary, which is read-only by design', () => {
		expect(boardNotice(control('sammanfattning', true), false)).toBeNull();
	});

	it('says the workshop is closed, before anything else', () => {
		expect(boardNotice(control('samverkan', true), true)).toBe('closed');
		expect(boardNotice(null, true)).toBe('closed');
	});

	it('recognises a refusal because the workshop is closed', () => {
		expect(isClosedRefusal({ code: 'forbidden', message: 'the workshop is closed; …', key: 'closed' })).toBe(true);
		expect(isClosedRefusal({ code: 'forbidden', message: 'the workshop is closed; the facilitator must reopen it' })).toBe(true);
		expect(isClosedRefusal({ code: 'forbidden', message: 'phase locked', key: 'phase-locked' })).toBe(false);
		expect(isClosedRefusal(null)).toBe(false);
	});
});
