import type { ColumnMapping } from '$lib/api/indicators';
import { SEX_BREAKDOWN_KEY } from '$lib/domain/indicators';

/**
 * The mapping step's form state: every choice as a plain string, so selects and
 * inputs bind to it directly ('' = not used), and conversions to and from the
 * importer's ColumnMapping.
 */
export interface MappingDraft {
	area: string;
	areaCode: string;
	periodMode: 'column' | 'fixed';
	period: string;
	periodFixed: string;
	value: string;
	/** Where an indicator's name comes from: the value column's header, a column, or one typed name. */
	indicatorMode: 'value' | 'column' | 'name';
	indicatorColumn: string;
	indicatorName: string;
	unit: string;
	sex: string;
	ciLower: string;
	ciUpper: string;
	n: string;
	decimal: 'auto' | ',' | '.';
	/** Other breakdown columns the suggestion found (key → header); kept unless the column gets a role. */
	otherBreakdowns: Record<string, string>;
}

/** Where an uploaded file's figures come from, typed by the facilitator and shown with every chart of it. */
export interface UploadMetaDraft {
	attribution: string;
	dataOwner: string;
	licence: string;
}

/** The metadata to send: only what was filled in. */
export function uploadMeta(draft: UploadMetaDraft): Partial<Record<keyof UploadMetaDraft, string>> {
	return Object.fromEntries(Object.entries(draft).flatMap(([key, value]) => (value.trim() ? [[key, value.trim()]] : [])));
}

export function draftFromSuggestion(partial: Partial<ColumnMapping>): MappingDraft {
	const { [SEX_BREAKDOWN_KEY]: sex, ...others } = partial.breakdown ?? {};
	const indicator = partial.indicator;
	return {
		area: partial.area ?? '',
		areaCode: partial.areaCode ?? '',
		periodMode: typeof partial.period === 'object' ? 'fixed' : 'column',
		period: typeof partial.period === 'string' ? partial.period : '',
		periodFixed: typeof partial.period === 'object' ? partial.period.fixed : '',
		value: partial.value ?? '',
		indicatorMode: indicator ? ('column' in indicator ? 'column' : 'name') : 'value',
		indicatorColumn: indicator && 'column' in indicator ? indicator.column : '',
		indicatorName: indicator && 'name' in indicator ? indicator.name : '',
		unit: partial.unit ?? '',
		sex: sex ?? '',
		ciLower: partial.ciLower ?? '',
		ciUpper: partial.ciUpper ?? '',
		n: partial.n ?? '',
		decimal: partial.decimal ?? 'auto',
		otherBreakdowns: others
	};
}

export type MappingGap = 'area' | 'period' | 'value' | 'indicator';

/** What the facilitator still has to choose before the file can be read. */
export function mappingGaps(draft: MappingDraft): MappingGap[] {
	const gaps: MappingGap[] = [];
	if (!draft.area) gaps.push('area');
	if (draft.periodMode === 'column' ? !draft.period : !draft.periodFixed.trim()) gaps.push('period');
	if (!draft.value) gaps.push('value');
	if (draft.indicatorMode === 'column' ? !draft.indicatorColumn : draft.indicatorMode === 'name' && !draft.indicatorName.trim()) {
		gaps.push('indicator');
	}
	return gaps;
}

/** The importer's mapping, or null while a required choice is missing. */
export function mappingFromDraft(draft: MappingDraft): ColumnMapping | null {
	if (mappingGaps(draft).length > 0) return null;
	const used = new Set(
		[
			draft.area,
			draft.areaCode,
			draft.period,
			draft.value,
			draft.unit,
			draft.sex,
			draft.ciLower,
			draft.ciUpper,
			draft.n,
			draft.indicatorColumn
		].filter((c) => c !== '')
	);
	const breakdown: Record<string, string> = {};
	if (draft.sex) breakdown[SEX_BREAKDOWN_KEY] = draft.sex;
	for (const [key, column] of Object.entries(draft.otherBreakdowns)) if (!used.has(column)) breakdown[key] = column;
	const optional = (value: string) => (value ? value : undefined);
	const mapping: ColumnMapping = {
		area: draft.area,
		period: draft.periodMode === 'column' ? draft.period : { fixed: draft.periodFixed.trim() },
		value: draft.value,
		decimal: draft.decimal
	};
	if (draft.indicatorMode === 'column') mapping.indicator = { column: draft.indicatorColumn };
	if (draft.indicatorMode === 'name') mapping.indicator = { name: draft.indicatorName.trim() };
	for (const [field, value] of [
		['areaCode', optional(draft.areaCode)],
		['unit', optional(draft.unit)],
		['ciLower', optional(draft.ciLower)],
		['ciUpper', optional(draft.ciUpper)],
		['n', optional(draft.n)]
	] as const) {
		if (value !== undefined) mapping[field] = value;
	}
	if (Object.keys(breakdown).length > 0) mapping.breakdown = breakdown;
	return mapping;
}
