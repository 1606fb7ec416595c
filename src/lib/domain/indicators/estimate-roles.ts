import type { Observation } from './observation';
import { seriesKey } from './series';

/**
 * Survey tables (Folkhälsodata's "Andel och konfidensintervall", Stockholmsenkäten
 * exports) deliver the share, the confidence limits and the number of answers as
 * separate categories or columns. Folding them back into one observation is
 * what lets a chart draw a band around the line and flag small groups.
 */
export type EstimateRole = 'estimate' | 'ciLower' | 'ciUpper' | 'n';

/** Reads a category or column label: 'Konfidensintervall nedre gräns' → 'ciLower', 'Antal svar' → 'n'. */
export function estimateRoleOf(label: string): EstimateRole | undefined {
	const text = label.toLowerCase();
	if (/nedre|lower/.test(text)) return 'ciLower';
	if (/övre|ovre|upper/.test(text)) return 'ciUpper';
	if (/antal svar|svarande|respondent|number of (answers|responses)|^n$|^antal \(n\)$/.test(text)) return 'n';
	if (/andel|procent|prevalens|estimate|share|percent|värde|medelvärde/.test(text)) return 'estimate';
	return undefined;
}

/**
 * Roles of the categories of one breakdown dimension, or `undefined` when the
 * dimension is not an estimate-plus-uncertainty dimension (it needs exactly one
 * estimate and at least one of ciLower, ciUpper, n; every category must be understood).
 */
export function estimateRoles(categoryLabels: Record<string, string>): Record<string, EstimateRole> | undefined {
	const roles: Record<string, EstimateRole> = {};
	for (const [code, label] of Object.entries(categoryLabels)) {
		const role = estimateRoleOf(label);
		if (!role) return undefined;
		roles[code] = role;
	}
	const counts = Object.values(roles).reduce<Record<string, number>>((acc, role) => {
		acc[role] = (acc[role] ?? 0) + 1;
		return acc;
	}, {});
	const valid = counts.estimate === 1 && Object.values(counts).every((c) => c === 1) && Object.keys(counts).length > 1;
	return valid ? roles : undefined;
}

/**
 * Folds observations that differ only in `breakdown[key]` into one observation
 * per remaining series and period: the estimate's value and status, plus
 * ciLower/ciUpper/n from their categories when those have a value. Rows whose
 * estimate category is absent are dropped, since a band without a value cannot be shown.
 */
export function foldEstimateRoles(
	observations: readonly Observation[],
	{ key, roles }: { key: string; roles: Record<string, EstimateRole> }
): Observation[] {
	const groups = new Map<string, { estimate?: Observation; parts: Partial<Record<EstimateRole, number>> }>();
	for (const observation of observations) {
		const code = observation.breakdown[key];
		const role = code === undefined ? undefined : roles[code];
		if (!role) continue;
		const breakdown = Object.fromEntries(Object.entries(observation.breakdown).filter(([k]) => k !== key));
		const rest: Observation = { ...observation, breakdown };
		const groupKey = `${seriesKey(rest)}|${observation.period}`;
		const group = groups.get(groupKey) ?? { parts: {} };
		if (role === 'estimate') group.estimate = rest;
		else if (observation.value !== null) group.parts[role] = observation.value;
		groups.set(groupKey, group);
	}
	const folded: Observation[] = [];
	for (const { estimate, parts } of groups.values()) {
		if (!estimate) continue;
		const result: Observation = { ...estimate };
		if (parts.ciLower !== undefined) result.ciLower = parts.ciLower;
		if (parts.ciUpper !== undefined) result.ciUpper = parts.ciUpper;
		if (parts.n !== undefined) result.n = parts.n;
		folded.push(result);
	}
	return folded;
}
