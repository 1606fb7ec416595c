import { describe, expect, it } from 'vitest';
import { sampleDocument } from '../../../../tests/fixtures/archive/sample-workshop';
import { BLANK_SHEETS_MAX, canvasSheets } from './canvas-sheets';

describe('canvasSheets', () => {
	it('fills one sheet per canvas with its cards by field, never the hidden ones, under the question', () => {
		const sheets = canvasSheets(sampleDocument(), { blank: false, lang: 'sv' });
		expect(sheets.map((sheet) => sheet.group)).toEqual([null, '1']);
		const [plenary, group] = sheets;
		expect(group!.fields.find((field) => field.kind === 'samverkan')!.cards).toEqual([{ text: 'Biblioteket', sector: 'polis' }]);
		expect(plenary!.question).toBe('Hur kan vi förebygga skolfrånvaro och avhopp?');
		expect(plenary!.fields.map((field) => field.kind)).toEqual(['samverkan', 'onskvard', 'tillganglig', 'nasta-steg']);
		expect(plenary!.fields.flatMap((field) => field.cards.map((card) => card.text))).not.toContain('Olämpligt');
		expect(plenary!.nextStepPrompts).toContain('boka-mote');
	});

	it("prints blank sheets, one per group with the group's own question when it chose one", () => {
		const document = sampleDocument();
		document.groups = [
			{ id: 'grupp-1', memberIds: [], question: { kind: 'theme', themeId: 'skolnarvaro', angle: 'framjande' } },
			{ id: 'grupp-2-v2', memberIds: [], question: null }
		];
		const sheets = canvasSheets(document, { blank: true, lang: 'sv' });
		expect(sheets.map((sheet) => sheet.group)).toEqual(['1', '2']);
		expect(sheets[0]!.question).not.toBe(sheets[1]!.question);
		expect(sheets[1]!.question).toBe('Hur kan vi förebygga skolfrånvaro och avhopp?');
		expect(sheets.every((sheet) => sheet.fields.every((field) => field.cards.length === 0))).toBe(true);
	});

	it('prints the asked number of blank copies without groups, within bounds', () => {
		const document = { ...sampleDocument(), groups: [] };
		expect(canvasSheets(document, { blank: true, copies: 3, lang: 'sv' })).toHaveLength(3);
		expect(canvasSheets(document, { blank: true, copies: 0, lang: 'sv' })).toHaveLength(1);
		expect(canvasSheets(document, { blank: true, copies: 10_000, lang: 'sv' })).toHaveLength(BLANK_SHEETS_MAX);
	});

	it('still prints an empty plenary canvas for a workshop nobody wrote in', () => {
		const document = { ...sampleDocument(), canvases: [] };
		expect(canvasSheets(document, { blank: false, lang: 'en' })).toHaveLength(1);
	});
});
