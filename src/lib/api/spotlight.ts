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

export type SpotlightAnswer = Spotlight;
