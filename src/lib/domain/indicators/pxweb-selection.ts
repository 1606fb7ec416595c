/**
 * Choosing what to fetch from a PxWeb v1 table (SCB's API v1, Folkhälsodata). The
 * table describes itself as variables with value codes and texts; a query names,
 * per variable, the values wanted. A variable left out is summed by PxWeb, which it
 * allows only for variables marked `elimination`; the contents and the time
 * variable must always be chosen.
 */
export interface PxWebV1Variable {
	code: string;
	text: string;
	values: string[];
	valueTexts: string[];
	elimination?: boolean;
	time?: boolean;
}

export interface PxWebV1Table {
	title: string;
	variables: PxWebV1Variable[];
}

/** Chosen value codes per variable code. */
export type PxWebSelection = Record<string, string[]>;

/** Periods chosen at first: a trend needs several, and the newest are the ones a workshop talks about. */
export const DEFAULT_PERIODS = 10;

/**
 * Where a facilitator starts: the newest periods, the first value of each variable that
 * must be chosen (the first content), and nothing of the others, so PxWeb gives the
 * table's own total for them (the whole country, both sexes, all ages).
 */
export function defaultSelection(variables: readonly PxWebV1Variable[]): PxWebSelection {
	return Object.fromEntries(
		variables.map((variable) => [
			variable.code,
			variable.time ? variable.values.slice(-DEFAULT_PERIODS) : variable.elimination ? [] : variable.values.slice(0, 1)
		])
	);
}

/** The variables that must have a value chosen but have none: PxWeb cannot sum them away. */
export function missingChoices(variables: readonly PxWebV1Variable[], selection: PxWebSelection): PxWebV1Variable[] {
	return variables.filter((variable) => !variable.elimination && (selection[variable.code] ?? []).length === 0);
}

/** The v1 query for a selection, asking for JSON-stat 2 so names come with the figures. */
export function pxwebV1Query(variables: readonly PxWebV1Variable[], selection: PxWebSelection) {
	return {
		query: variables.flatMap((variable) => {
			// Only codes the table has, in the table's order.
			const chosen = variable.values.filter((value) => (selection[variable.code] ?? []).includes(value));
			return chosen.length > 0 ? [{ code: variable.code, selection: { filter: 'item', values: chosen } }] : [];
		}),
		response: { format: 'json-stat2' }
	};
}
