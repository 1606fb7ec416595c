import { A3_CARD_KINDS, type CardKind } from '../cards/card';
import { NEXT_STEP_PROMPTS, type NextStepPrompt } from '../cards/next-step';
import { THEMES } from '../method/default-templates';
import { groupNumber } from '../method/groups';
import { questionText } from '../method/preparation';
import type { Sector } from '../workshop/sectors';
import type { ArchiveDocument } from './schema';

/** The most blank canvases one request prints, one per group of at most five: a conference hall of 250. */
export const BLANK_SHEETS_MAX = 50;

/** One A3 sheet of the seed's canvas: the question on top, the four fields below. */
export interface CanvasSheet {
	/** Null for the plenary; the group's number otherwise. */
	group: string | null;
	question: string | null;
	fields: { kind: CardKind; cards: { text: string; sector: Sector | 'facilitator' }[] }[];
	/** Printed in the Nästa steg field, as on the paper canvas. */
	nextStepPrompts: readonly NextStepPrompt[];
}

/**
 * The seed's A3 canvas for a workshop (seed 003, the mini-workshop): blank, one
 * sheet per group (or `copies` when there are no groups), for rooms without
 * devices; or filled with the cards of the plenary and of each group's canvas.
 * Hidden cards never print. Each group's own question wins over the workshop's.
 */
export function canvasSheets(document: ArchiveDocument, options: { blank: boolean; copies?: number; lang: 'sv' | 'en' }): CanvasSheet[] {
	const workshopQuestion = document.preparation?.question ? questionText(document.preparation.question, THEMES, options.lang) : null;
	const questionOf = (groupId: string | null) => {
		const group = groupId ? document.groups.find((candidate) => candidate.id === groupId) : undefined;
		return (group?.question ? questionText(group.question, THEMES, options.lang) : null) ?? workshopQuestion;
	};
	const sheet = (groupId: string | null, cards: ArchiveDocument['canvases'][number]['cards']): CanvasSheet => ({
		group: groupId ? groupNumber(groupId) : null,
		question: questionOf(groupId),
		fields: A3_CARD_KINDS.map((kind) => ({
			kind,
			cards: cards.filter((card) => card.kind === kind && !card.hidden).map((card) => ({ text: card.text, sector: card.sector }))
		})),
		nextStepPrompts: NEXT_STEP_PROMPTS
	});
	if (options.blank) {
		const groups = document.groups.map((group) => group.id);
		if (groups.length > 0) return groups.slice(0, BLANK_SHEETS_MAX).map((id) => sheet(id, []));
		const copies = Math.min(Math.max(1, Math.floor(options.copies ?? 1)), BLANK_SHEETS_MAX);
		return Array.from({ length: copies }, () => sheet(null, []));
	}
	const filled = document.canvases
		.filter((canvas) => canvas.name === 'canvas:plenary' || canvas.cards.some((card) => !card.hidden))
		.map((canvas) => sheet(canvas.name === 'canvas:plenary' ? null : canvas.name.slice('canvas:'.length), canvas.cards))
		// The plenary first, then the groups by number.
		.sort((a, b) => (a.group === null ? -1 : b.group === null ? 1 : Number(a.group) - Number(b.group)));
	// A workshop nobody wrote in yet still prints its (empty) plenary canvas.
	return filled.length > 0 ? filled : [sheet(null, [])];
}
