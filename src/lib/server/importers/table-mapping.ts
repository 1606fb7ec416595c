import type { ColumnMapping, MappingRole, SuggestedMapping, TableCell } from '$lib/api/indicators';
import {
	SEX_BREAKDOWN_KEY,
	areaLevelFromCode,
	fitIndicatorId,
	foldKey,
	normaliseSex,
	parseNumericCell,
	periodEndYear,
	type Area,
	type ImportResult,
	type ImportedIndicator,
	type IndicatorMeta,
	type Observation
} from '$lib/domain/indicators';
import { ImportError } from './import-error';
import type { Table } from './table';
import { unreadableValuesWarning } from './warnings';

export interface MapColumnsOptions {
	/** Prefix for generated indicator ids, e.g. the upload id. */
	idPrefix?: string;
	/** Metadata to put on every indicator (attribution, data owner, kind of use) from the upload form. */
	meta?: Partial<IndicatorMeta>;
}

/**
 * Turns table rows into observations with the given mapping. Rows without an
 * area or a period are skipped with a warning (a row cannot be placed without
 * them); value cells that are empty, '..' or '–' stay missing, and text that is
 * not a number is kept as missing with a warning, never as 0.
 * Throws ImportError 'malformed' when the mapping names a column the table lacks.
 */
export function mapColumns(table: Table, mapping: ColumnMapping, options: MapColumnsOptions = {}): ImportResult {
	const column = columnResolver(table.headers);
	const areaCol = column(mapping.area, 'area');
	const areaCodeCol = mapping.areaCode === undefined ? undefined : column(mapping.areaCode, 'areaCode');
	const periodCol = typeof mapping.period === 'string' ? column(mapping.period, 'period') : undefined;
	const valueCol = column(mapping.value, 'value');
	const unitCol = mapping.unit === undefined ? undefined : column(mapping.unit, 'unit');
	const indicatorCol = mapping.indicator && 'column' in mapping.indicator ? column(mapping.indicator.column, 'indicator') : undefined;
	const ciLowerCol = mapping.ciLower === undefined ? undefined : column(mapping.ciLower, 'ciLower');
	const ciUpperCol = mapping.ciUpper === undefined ? undefined : column(mapping.ciUpper, 'ciUpper');
	const nCol = mapping.n === undefined ? undefined : column(mapping.n, 'n');
	const breakdownCols = Object.entries(mapping.breakdown ?? {}).map(([key, header]) => ({
		key: foldKey(key) === 'kon' ? SEX_BREAKDOWN_KEY : key,
		index: column(header, `breakdown.${key}`)
	}));
	const fixedName = mapping.indicator && 'name' in mapping.indicator ? mapping.indicator.name : undefined;
	const decimal = mapping.decimal ?? 'auto';

	const byName = new Map<string, { unit?: string; observations: Observation[] }>();
	const skipped = { area: [] as number[], period: [] as number[] };
	const unreadable: string[] = [];

	for (const [rowIndex, row] of table.rows.entries()) {
		// Spreadsheet line number: data rows start on line 2, under the header.
		const line = rowIndex + 2;
		if (row.every((cell) => cell === null || String(cell).trim() === '')) continue;
		const areaName = text(row[areaCol]);
		const period = typeof mapping.period === 'string' ? text(row[periodCol!]) : mapping.period.fixed;
		if (!areaName || !period) {
			skipped[areaName ? 'period' : 'area'].push(line);
			continue;
		}

		const valueHeader = table.headers[valueCol]!;
		const name = fixedName ?? ((indicatorCol === undefined ? '' : text(row[indicatorCol])) || valueHeader);
		const cell = parseNumericCell(row[valueCol] ?? null, decimal);
		if (cell.unreadable) unreadable.push(`line ${line} "${String(row[valueCol])}"`);

		const breakdown: Record<string, string> = {};
		for (const { key, index } of breakdownCols) {
			const raw = text(row[index]);
			if (raw) breakdown[key] = key === SEX_BREAKDOWN_KEY ? (normaliseSex(raw, raw) ?? raw) : raw;
		}
		const observation: Observation = {
			indicatorId: indicatorIdFor(name, options),
			area: areaOf(areaName, areaCodeCol === undefined ? undefined : text(row[areaCodeCol])),
			period,
			breakdown,
			value: cell.value,
			status: cell.status
		};
		const endYear = periodEndYear(period);
		if (endYear !== undefined) observation.periodEndYear = endYear;
		if (cell.value !== null) {
			for (const [field, index] of [
				['ciLower', ciLowerCol],
				['ciUpper', ciUpperCol],
				['n', nCol]
			] as const) {
				if (index === undefined) continue;
				const extra = parseNumericCell(row[index] ?? null, decimal);
				if (extra.value !== null) observation[field] = extra.value;
			}
		}
		const entry = byName.get(name) ?? { observations: [] };
		const unit = unitCol === undefined ? '' : text(row[unitCol]);
		if (unit && !entry.unit) entry.unit = unit;
		entry.observations.push(observation);
		byName.set(name, entry);
	}

	const warnings: string[] = [];
	if (skipped.area.length > 0) warnings.push(`Rows without an area were skipped (${lines(skipped.area)}).`);
	if (skipped.period.length > 0) warnings.push(`Rows without a period were skipped (${lines(skipped.period)}).`);
	const unreadableWarning = unreadableValuesWarning(unreadable);
	if (unreadableWarning) warnings.push(unreadableWarning);
	if (byName.size === 0) throw new ImportError('empty', 'No row of the table has both an area and a period.');

	const indicators = [...byName].map(([name, { unit, observations }]): ImportedIndicator => ({
		id: indicatorIdFor(name, options),
		name,
		...(unit ? { unit } : {}),
		meta: { namn: name, ...(unit ? { unit } : {}), ...options.meta },
		observations
	}));
	return { indicators, warnings };
}

const AREA_WORDS = ['region', 'omrade', 'kommun', 'stadsdel', 'stadsdelsomrade', 'lan', 'area', 'municipality', 'district', 'geografi'];
/** Parts of Swedish compounds such as 'Stadsdelsområde', 'Hemkommun', 'Kommunnamn'. */
const AREA_COMPOUNDS = ['omrade', 'kommun', 'region', 'stadsdel'];
const AREA_CODE_WORDS = ['kommunkod', 'regionkod', 'lanskod', 'omradeskod', 'areacode', 'area-code', 'kod', 'code'];
const PERIOD_WORDS = ['ar', 'artal', 'period', 'tid', 'year', 'time', 'manad', 'kvartal', 'lasar', 'uppgiftsar', 'matar'];
const VALUE_WORDS = ['varde', 'value', 'andel', 'antal', 'procent', 'medelvarde', 'share', 'percent', 'rate', 'count'];
const SEX_WORDS = ['kon', 'sex', 'gender'];
const INDICATOR_WORDS = ['indikator', 'indicator', 'nyckeltal', 'matt', 'kpi', 'fraga', 'variabel'];
const UNIT_WORDS = ['enhet', 'unit'];

/**
 * Suggests a mapping from Swedish or English header names (Område/Region/Kommun,
 * År/Period/Tid, Värde/Andel/Antal, Kön, Indikator, Enhet, KI nedre/övre,
 * Antal svar). When no value header is recognised, a single remaining column
 * whose cells are all numbers becomes the value and its header the indicator
 * name. Other text columns become breakdowns. Reports which of area, period and
 * value could not be found, so the UI can ask only for those.
 */
export function suggestColumnMapping(table: Table): SuggestedMapping {
	const used = new Set<number>();
	const keys = table.headers.map(foldKey);
	const find = (test: (key: string, tokens: string[]) => boolean): number | undefined => {
		const index = keys.findIndex((key, i) => !used.has(i) && test(key, key.split('-')));
		if (index < 0) return undefined;
		used.add(index);
		return index;
	};
	const header = (index: number | undefined) => (index === undefined ? undefined : table.headers[index]!);

	const n = find((key) => ['n', 'antal-svar', 'svarande', 'antal-svarande', 'respondents'].includes(key));
	const ciLower = find((_, tokens) => tokens.some((t) => t === 'nedre' || t === 'lower'));
	const ciUpper = find((_, tokens) => tokens.some((t) => t === 'ovre' || t === 'upper'));
	const areaCode = find(
		(key, tokens) =>
			AREA_CODE_WORDS.includes(key) || (tokens.some((t) => t === 'kod' || t === 'code') && tokens.some((t) => AREA_WORDS.includes(t)))
	);
	const area = find(
		(key, tokens) => tokens.some((t) => AREA_WORDS.includes(t)) || AREA_COMPOUNDS.some((w) => key.startsWith(w) || key.endsWith(w))
	);
	const period = find((key, tokens) => tokens.some((t) => PERIOD_WORDS.includes(t)) || PERIOD_WORDS.includes(key));
	const sex = find((_, tokens) => tokens.some((t) => SEX_WORDS.includes(t)));
	const indicator = find((_, tokens) => tokens.some((t) => INDICATOR_WORDS.includes(t)));
	const unit = find((_, tokens) => tokens.some((t) => UNIT_WORDS.includes(t)));
	let value = find((_, tokens) => tokens.some((t) => VALUE_WORDS.includes(t)));
	if (value === undefined) {
		const numeric = table.headers.map((_, i) => i).filter((i) => !used.has(i) && isNumericColumn(table, i));
		if (numeric.length === 1) {
			value = numeric[0]!;
			used.add(value);
		}
	}
	const breakdown: Record<string, string> = {};
	if (sex !== undefined) breakdown[SEX_BREAKDOWN_KEY] = table.headers[sex]!;
	table.headers.forEach((h, i) => {
		if (!used.has(i) && h.trim() !== '' && !isNumericColumn(table, i)) breakdown[foldKey(h)] = h;
	});

	const partial: Partial<ColumnMapping> = {
		...(header(area) ? { area: header(area)! } : {}),
		...(header(areaCode) ? { areaCode: header(areaCode)! } : {}),
		...(header(period) ? { period: header(period)! } : {}),
		...(header(value) ? { value: header(value)! } : {}),
		...(header(indicator) ? { indicator: { column: header(indicator)! } } : {}),
		...(header(unit) ? { unit: header(unit)! } : {}),
		...(header(ciLower) ? { ciLower: header(ciLower)! } : {}),
		...(header(ciUpper) ? { ciUpper: header(ciUpper)! } : {}),
		...(header(n) ? { n: header(n)! } : {}),
		...(Object.keys(breakdown).length > 0 ? { breakdown } : {})
	};
	const missing: MappingRole[] = [];
	if (partial.area === undefined) missing.push('area');
	if (partial.period === undefined) missing.push('period');
	if (partial.value === undefined) missing.push('value');
	if (missing.length > 0) return { ok: false, missing, partial };
	return { ok: true, mapping: partial as ColumnMapping };
}

function isNumericColumn(table: Table, index: number): boolean {
	let seen = 0;
	for (const row of table.rows) {
		const cell = row[index];
		if (cell === null || cell === undefined || String(cell).trim() === '') continue;
		const parsed = parseNumericCell(cell);
		if (parsed.unreadable) return false;
		if (parsed.value !== null) seen++;
	}
	return seen > 0;
}

function columnResolver(headers: readonly string[]) {
	const folded = headers.map(foldKey);
	return (name: string, role: string): number => {
		const exact = headers.indexOf(name);
		const index = exact >= 0 ? exact : folded.indexOf(foldKey(name));
		if (index < 0) {
			throw new ImportError(
				'malformed',
				`The mapping for ${role} names the column "${name}", which the table does not have (columns: ${headers.join(', ')}).`
			);
		}
		return index;
	};
}

function text(cell: TableCell | undefined): string {
	if (cell === null || cell === undefined) return '';
	return typeof cell === 'number' ? String(cell) : cell.trim();
}

function areaOf(name: string, code: string | undefined): Area {
	if (!code) return { code: name, name };
	const level = areaLevelFromCode(code);
	return level ? { code, name, level } : { code, name };
}

function indicatorIdFor(name: string, options: MapColumnsOptions): string {
	const slug = foldKey(name) || 'indikator';
	return fitIndicatorId(options.idPrefix ? `${options.idPrefix}:${slug}` : slug);
}

function lines(numbers: number[]): string {
	const shown = numbers
		.slice(0, 10)
		.map((n) => `line ${n}`)
		.join(', ');
	return numbers.length > 10 ? `${shown} and ${numbers.length - 10} more` : shown;
}
