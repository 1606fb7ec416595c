import { err, ok, type Result } from '../method/result';
import type { Card } from './card';

export type ModerationAction = 'hide' | 'unhide';

/**
 * One line in the append-only moderation log. It keeps a copy of the text as it was,
 * so the facilitator can account for what was hidden even after later edits.
 */
export interface ModerationEntry {
	cardId: string;
	action: ModerationAction;
	/** ISO timestamp from the server. */
	at: string;
	text: string;
	sector: Card['sector'];
	reason?: string;
}

export interface ModerationOptions {
	/** ISO timestamp from the server. */
	at: string;
	reason?: string;
}

export interface Moderated {
	card: Card;
	entry: ModerationEntry;
}

/**
 * Hides a card from participants instead of deleting it: the card comes back with
 * `hidden: true`, together with the log entry to append. Hiding rather than deleting
 * keeps the facilitator accountable and lets a mistake be undone with {@link unhideCard}.
 */
export function hideCard(card: Card, options: ModerationOptions): Result<Moderated, 'already-hidden'> {
	if (card.hidden) return err('already-hidden');
	return ok({ card: { ...card, hidden: true }, entry: logEntry(card, 'hide', options) });
}

/** Shows a hidden card again; also logged. */
export function unhideCard(card: Card, options: ModerationOptions): Result<Moderated, 'not-hidden'> {
	if (!card.hidden) return err('not-hidden');
	const shown = { ...card };
	delete shown.hidden;
	return ok({ card: shown, entry: logEntry(card, 'unhide', options) });
}

function logEntry(card: Card, action: ModerationAction, options: ModerationOptions): ModerationEntry {
	const { id: cardId, text, sector } = card;
	const entry: ModerationEntry = { cardId, action, at: options.at, text, sector };
	const reason = options.reason?.trim();
	if (reason) entry.reason = reason;
	return entry;
}
