import type { z } from 'zod';
import { spotlightInputSchema, type Spotlight } from '$lib/domain/method/spotlight';

/**
 * `POST /api/workshops/:ref/spotlight` (facilitator) `{ kind, id? }` → 200 `{ kind, id? }`;
 * `GET` (anyone in the workshop) → 200 `{ kind, id? }`. The README documents both.
 * `kind` is one of `SPOTLIGHT_KINDS`; `indicator`, `map`, `loop` (`"<mapId>:<loop key>"`),
 * `card` and `group` need the id of something the workshop has.
 */
export const spotlightRequestSchema = spotlightInputSchema;
export type SpotlightRequest = z.input<typeof spotlightRequestSchema>;

export type SpotlightAnswer = { kind: Spotlight['kind']; id?: string };

/** The spotlight as the API answers it: `{ kind, id? }`, without what only the screens use (a card's canvas). */
export function spotlightAnswer(spotlight: Spotlight): SpotlightAnswer {
	return 'id' in spotlight ? { kind: spotlight.kind, id: spotlight.id } : { kind: spotlight.kind };
}
