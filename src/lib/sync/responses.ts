import type * as Y from 'yjs';
import type { Answer, ResponsePhase } from '$lib/domain/responses/questions';
import { getResponseAnswers } from './schema';

type StoredAnswer = Answer & { phase: ResponsePhase };

/**
 * Answers live in the server-only `ballots` document, one map entry per phase, question
 * and person, so a changed answer replaces one small entry and a reload of the server
 * keeps who answered what (needed to allow one answer per person), while the shared
 * `control` document only ever gets the anonymous summaries.
 */
const keyOf = (phase: ResponsePhase, questionId: string, participantId: string) => `${phase}/${questionId}/${participantId}`;

export function readAnswers(doc: Y.Doc, phase: ResponsePhase): Answer[] {
	const answers: Answer[] = [];
	for (const entry of getResponseAnswers(doc).values()) {
		const stored = entry as StoredAnswer;
		if (stored.phase === phase) {
			answers.push({ questionId: stored.questionId, participantId: stored.participantId, sector: stored.sector, value: stored.value });
		}
	}
	return answers;
}

/** Stores the answers of `phase` as given: changed and new entries are set, none are removed. */
export function writeAnswers(doc: Y.Doc, phase: ResponsePhase, answers: readonly Answer[]): void {
	const map = getResponseAnswers(doc);
	for (const answer of answers) {
		const key = keyOf(phase, answer.questionId, answer.participantId);
		const stored: StoredAnswer = { ...answer, phase };
		if (JSON.stringify(map.get(key)) !== JSON.stringify(stored)) map.set(key, stored);
	}
}
