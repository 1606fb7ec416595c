import { z } from 'zod';
import { PHASE_NOTE_MAX, TIMEBOX_MAX_MINUTES } from './agenda';
import { PHASES } from './phases';

/** One agenda item as commands send it and archives keep it. */
export const agendaItemSchema = z.object({
	phase: z.enum(PHASES),
	minutes: z.number().int().min(1).max(TIMEBOX_MAX_MINUTES).optional(),
	note: z.string().trim().min(1).max(PHASE_NOTE_MAX).optional()
});

/** A whole agenda: at least one phase, each at most once (the rest of the rules are `checkAgenda`). */
export const agendaSchema = z.array(agendaItemSchema).min(1).max(PHASES.length);
