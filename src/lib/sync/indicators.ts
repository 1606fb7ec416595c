import * as Y from 'yjs';
import {
	OBSERVATION_STATUSES,
	periodEndYear,
	seriesKey,
	type Area,
	type DimensionLabels,
	type ImportedIndicator,
	type IndicatorMeta,
	type Observation,
	type ObservationStatus
} from '$lib/domain/indicators';
import { META_FIELDS, isAllowedMetaValue, type MetaField } from '$lib/domain/indicators/commands';
import { checkReadingText } from '$lib/domain/indicators/reading';
import { FACILITATOR_AUTHOR } from '$lib/domain/method/method-actor';
import { isSector, type Sector } from '$lib/domain/workshop/sectors';

/**
 * The `indicators` document (roots in schema.ts):
 *
 * - `catalogue`: one nested Y.Map per indicator, one key per metadata field, so
 *   a facilitator editing the definition and another the purpose both keep their
 *   change. Written by the facilitator (and by the server on import).
 * - `series`: one immutable JSON value per indicator id holding all its
 *   observations in a compact form (areas listed once, rows as tuples). Written
 *   whole by the server on import, never field by field: a chart must never see
 *   half of an import.
 * - `readings`: participants' readings, nested Y.Maps carrying `authorId`, which
 *   the server's update guard checks (participants may write only this root and
 *   only their own entries).
 */

const CATALOGUE_ROOT = 'catalogue';
const SERIES_ROOT = 'series';
const READINGS_ROOT = 'readings';
export const INDICATORS_DOC = 'indicators';

/** An indicator as the workshop holds it: the catalogue entry plus its data, if any was imported. */
export interface WorkshopIndicator {
	id: string;
	meta: IndicatorMeta;
	/** Row id in a catalogue template (e.g. 'I.1.1.a' in Stockholm's), when added from one. */
	templateId?: string;
	/** Ids of "Tillgänglig" cards this indicator answers. */
	linkedCardIds: string[];
	createdAt: string;
	data: IndicatorData | null;
}

export interface IndicatorData {
	observations: Observation[];
	dimensions?: Record<string, DimensionLabels>;
	/** Provider fields kept verbatim (Kolada auspice, SCB table id, …). */
	sourceDetails?: Record<string, string>;
	/** What a period label means when the source gives no reference year. */
	periodNote?: string;
	updatedAt: string;
}

/** Where a reading is pinned: one value (area, period, breakdown) or, without it, the whole chart. */
export interface ReadingPoint {
	area: string;
	period: string;
	breakdown: Record<string, string>;
}

/** "Hur läser du det här från din verksamhet?" – one person's reading of a figure, tagged with their sector. */
export interface Reading {
	id: string;
	indicatorId: string;
	authorId: string;
	sector: Sector | 'facilitator';
	text: string;
	createdAt: string;
	point?: ReadingPoint;
}

export interface IndicatorsSnapshot {
	indicators: WorkshopIndicator[];
	readings: Reading[];
}

function catalogue(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
	return doc.getMap<Y.Map<unknown>>(CATALOGUE_ROOT);
}

function seriesRoot(doc: Y.Doc): Y.Map<StoredSeries> {
	return doc.getMap<StoredSeries>(SERIES_ROOT);
}

function readingsRoot(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
	return doc.getMap<Y.Map<unknown>>(READINGS_ROOT);
}

export interface NewIndicator {
	id: string;
	meta: IndicatorMeta;
	templateId?: string;
	linkedCardIds?: string[];
	createdAt: string;
}

/** Adds a catalogue entry; an existing entry with the same id is left as it is. */
export function addIndicator(doc: Y.Doc, indicator: NewIndicator, origin: unknown): void {
	if (indicator.meta.namn.trim() === '') throw new Error('an indicator needs a name');
	doc.transact(() => {
		if (catalogue(doc).has(indicator.id)) return;
		catalogue(doc).set(indicator.id, newEntry(indicator));
	}, origin);
}

function newEntry(indicator: NewIndicator): Y.Map<unknown> {
	const entry = new Y.Map<unknown>();
	entry.set('authorId', FACILITATOR_AUTHOR);
	entry.set('id', indicator.id);
	entry.set('createdAt', indicator.createdAt);
	if (indicator.templateId) entry.set('templateId', indicator.templateId);
	entry.set('linkedCardIds', [...(indicator.linkedCardIds ?? [])]);
	for (const field of META_FIELDS) {
		const value = indicator.meta[field];
		if (typeof value === 'string' && value.trim() !== '') entry.set(field, value.trim());
	}
	return entry;
}

/**
 * Sets one metadata field; an empty text removes it (the name cannot be emptied).
 * Values outside the fixed lists of typ, nivå and kind of use are refused.
 */
export function setIndicatorField(doc: Y.Doc, id: string, field: MetaField, value: string, origin: unknown): void {
	const entry = catalogue(doc).get(id);
	if (!(entry instanceof Y.Map)) throw new Error(`no indicator ${id}`);
	const text = value.trim();
	if (field === 'namn' && text === '') throw new Error('an indicator needs a name');
	if (text !== '' && !isAllowedMetaValue(field, text)) throw new Error(`"${text}" is not a valid ${field}`);
	doc.transact(() => {
		if (text === '') entry.delete(field);
		else if (entry.get(field) !== text) entry.set(field, text);
	}, origin);
}

/** Replaces the list of linked "Tillgänglig" card ids (duplicates dropped). */
export function setLinkedCards(doc: Y.Doc, id: string, cardIds: readonly string[], origin: unknown): void {
	const entry = catalogue(doc).get(id);
	if (!(entry instanceof Y.Map)) throw new Error(`no indicator ${id}`);
	doc.transact(() => entry.set('linkedCardIds', [...new Set(cardIds)]), origin);
}

/** Removes an indicator with its data and the readings pinned to it. */
export function removeIndicator(doc: Y.Doc, id: string, origin: unknown): void {
	doc.transact(() => {
		catalogue(doc).delete(id);
		seriesRoot(doc).delete(id);
		for (const [key, entry] of readingsRoot(doc)) {
			if (entry instanceof Y.Map && entry.get('indicatorId') === id) readingsRoot(doc).delete(key);
		}
	}, origin);
}

/** Writes an indicator's data whole (see the layout note at the top). */
export function putIndicatorData(doc: Y.Doc, id: string, data: IndicatorData, origin: unknown): void {
	doc.transact(() => seriesRoot(doc).set(id, encodeData(data)), origin);
}

/**
 * Merges imported indicators into the document: a new indicator gets a
 * catalogue entry with the importer's metadata; an existing one keeps what the
 * facilitator wrote and only gains fields it lacks. Observations are merged per
 * series and period, the imported row winning, so fetching more municipalities
 * later adds to a chart and re-importing a file replaces its values instead of
 * doubling them.
 */
export function mergeImportedIndicators(
	doc: Y.Doc,
	imported: readonly ImportedIndicator[],
	options: { now: string; periodNotes?: Record<string, string> },
	origin: unknown
): void {
	const start = Date.parse(options.now);
	doc.transact(() => {
		for (const [index, indicator] of imported.entries()) {
			const meta: IndicatorMeta = {
				...indicator.meta,
				namn: indicator.meta.namn?.trim() || indicator.name,
				...(indicator.unit && !indicator.meta.unit ? { unit: indicator.unit } : {})
			};
			const entry = catalogue(doc).get(indicator.id);
			if (entry instanceof Y.Map) {
				for (const field of META_FIELDS) {
					const value = meta[field];
					if (typeof value === 'string' && value.trim() !== '' && !entry.has(field)) entry.set(field, value.trim());
				}
			} else {
				// A millisecond apart, so the workshop lists a file's indicators in the file's order.
				const createdAt = Number.isNaN(start) ? options.now : new Date(start + index).toISOString();
				catalogue(doc).set(indicator.id, newEntry({ id: indicator.id, meta, createdAt }));
			}
			const previous = readData(seriesRoot(doc).get(indicator.id), indicator.id);
			const note = options.periodNotes?.[indicator.id] ?? previous?.periodNote;
			const dimensions = { ...previous?.dimensions, ...indicator.dimensions };
			const details = { ...previous?.sourceDetails, ...indicator.sourceDetails };
			const data: IndicatorData = {
				observations: mergeObservations(previous?.observations ?? [], indicator.observations),
				...(Object.keys(dimensions).length > 0 ? { dimensions } : {}),
				...(Object.keys(details).length > 0 ? { sourceDetails: details } : {}),
				...(note ? { periodNote: note } : {}),
				updatedAt: options.now
			};
			seriesRoot(doc).set(indicator.id, encodeData(data));
		}
	}, origin);
}

function mergeObservations(previous: readonly Observation[], incoming: readonly Observation[]): Observation[] {
	const byKey = new Map<string, Observation>();
	for (const observation of [...previous, ...incoming]) {
		byKey.set(`${seriesKey(observation)}|${observation.period}`, observation);
	}
	return [...byKey.values()];
}

export interface NewReading {
	id: string;
	indicatorId: string;
	authorId: string;
	sector: Sector | 'facilitator';
	text: string;
	createdAt: string;
	point?: ReadingPoint;
}

export function addReading(doc: Y.Doc, reading: NewReading, origin: unknown): void {
	const problem = checkReadingText(reading.text);
	if (problem) throw new Error(`reading text is ${problem}`);
	doc.transact(() => {
		const entry = new Y.Map<unknown>();
		entry.set('authorId', reading.authorId);
		entry.set('id', reading.id);
		entry.set('indicatorId', reading.indicatorId);
		entry.set('sector', reading.sector);
		entry.set('text', reading.text.trim());
		entry.set('createdAt', reading.createdAt);
		if (reading.point) entry.set('point', { ...reading.point, breakdown: { ...reading.point.breakdown } });
		readingsRoot(doc).set(reading.id, entry);
	}, origin);
}

export function editReadingText(doc: Y.Doc, id: string, text: string, origin: unknown): void {
	const problem = checkReadingText(text);
	if (problem) throw new Error(`reading text is ${problem}`);
	doc.transact(() => readingsRoot(doc).get(id)?.set('text', text.trim()), origin);
}

export function deleteReading(doc: Y.Doc, id: string, origin: unknown): void {
	doc.transact(() => readingsRoot(doc).delete(id), origin);
}

/** Everything in the document as plain objects: indicators in the order they were added, readings oldest first. */
export function readIndicators(doc: Y.Doc): IndicatorsSnapshot {
	const series = seriesRoot(doc);
	const indicators: WorkshopIndicator[] = [];
	for (const entry of catalogue(doc).values()) {
		const indicator = entry instanceof Y.Map ? toIndicator(entry, series) : null;
		if (indicator) indicators.push(indicator);
	}
	indicators.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
	const readings: Reading[] = [];
	for (const entry of readingsRoot(doc).values()) {
		const reading = entry instanceof Y.Map ? toReading(entry) : null;
		if (reading) readings.push(reading);
	}
	readings.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
	return { indicators, readings };
}

function toIndicator(entry: Y.Map<unknown>, series: Y.Map<StoredSeries>): WorkshopIndicator | null {
	const id = entry.get('id');
	const namn = entry.get('namn');
	if (typeof id !== 'string' || typeof namn !== 'string') return null;
	const meta: IndicatorMeta = { namn };
	for (const field of META_FIELDS) {
		const value = entry.get(field);
		if (typeof value === 'string' && isAllowedMetaValue(field, value)) Object.assign(meta, { [field]: value });
	}
	const linked = entry.get('linkedCardIds');
	const templateId = entry.get('templateId');
	return {
		id,
		meta,
		...(typeof templateId === 'string' ? { templateId } : {}),
		linkedCardIds: Array.isArray(linked) ? linked.filter((v): v is string => typeof v === 'string') : [],
		createdAt: String(entry.get('createdAt') ?? ''),
		data: readData(series.get(id), id)
	};
}

function toReading(entry: Y.Map<unknown>): Reading | null {
	const { id, indicatorId, text, sector } = {
		id: entry.get('id'),
		indicatorId: entry.get('indicatorId'),
		text: entry.get('text'),
		sector: entry.get('sector')
	};
	if (typeof id !== 'string' || typeof indicatorId !== 'string' || typeof text !== 'string' || checkReadingText(text)) return null;
	if (!isSector(sector) && sector !== 'facilitator') return null;
	const reading: Reading = {
		id,
		indicatorId,
		authorId: String(entry.get('authorId') ?? ''),
		sector,
		text,
		createdAt: String(entry.get('createdAt') ?? '')
	};
	const point = toPoint(entry.get('point'));
	if (point) reading.point = point;
	return reading;
}

function toPoint(value: unknown): ReadingPoint | null {
	if (!isObject(value) || typeof value.area !== 'string' || typeof value.period !== 'string') return null;
	const breakdown = isObject(value.breakdown) ? stringRecord(value.breakdown) : {};
	return { area: value.area, period: value.period, breakdown };
}

/**
 * Stored form of an indicator's data. Areas are listed once and each
 * observation is a tuple `[area index, period, value, status index,
 * breakdown | null, ciLower | null, ciUpper | null, n | null]` with trailing
 * nulls dropped: a Kolada KPI over 290 municipalities and 20 years stays a few
 * hundred kilobytes instead of megabytes of repeated keys.
 */
interface StoredSeries {
	v: 1;
	areas: Area[];
	rows: StoredRow[];
	dimensions?: Record<string, DimensionLabels>;
	sourceDetails?: Record<string, string>;
	periodNote?: string;
	updatedAt: string;
}

type StoredRow = [number, string, number | null, number, ...(Record<string, string> | number | null)[]];

function encodeData(data: IndicatorData): StoredSeries {
	const areas: Area[] = [];
	const areaIndex = new Map<string, number>();
	const rows = data.observations.map((o): StoredRow => {
		let index = areaIndex.get(o.area.code);
		if (index === undefined) {
			index = areas.length;
			areaIndex.set(o.area.code, index);
			areas.push({ ...o.area });
		}
		const tail: (Record<string, string> | number | null)[] = [
			Object.keys(o.breakdown).length > 0 ? { ...o.breakdown } : null,
			o.ciLower ?? null,
			o.ciUpper ?? null,
			o.n ?? null
		];
		while (tail.length > 0 && tail[tail.length - 1] === null) tail.pop();
		return [index, o.period, o.value, OBSERVATION_STATUSES.indexOf(o.status), ...tail];
	});
	return {
		v: 1,
		areas,
		rows,
		...(data.dimensions ? { dimensions: data.dimensions } : {}),
		...(data.sourceDetails ? { sourceDetails: data.sourceDetails } : {}),
		...(data.periodNote ? { periodNote: data.periodNote } : {}),
		updatedAt: data.updatedAt
	};
}

// Decoding a large series is not free; the stored value is immutable, so its object identity is a safe cache key.
const decoded = new WeakMap<object, IndicatorData>();

/** Decodes a stored value; it only ever lives under one indicator id, so the id is part of what is cached. */
function readData(stored: unknown, indicatorId: string): IndicatorData | null {
	if (!isObject(stored) || stored.v !== 1 || !Array.isArray(stored.areas) || !Array.isArray(stored.rows)) return null;
	const cached = decoded.get(stored);
	if (cached) return cached;
	const areas = stored.areas.filter(isObject).map((a): Area => ({
		code: String(a.code),
		name: String(a.name),
		...(typeof a.level === 'string' ? { level: a.level as Area['level'] } : {})
	}));
	const observations: Observation[] = [];
	for (const row of stored.rows) {
		const observation = Array.isArray(row) ? decodeRow(row, areas, indicatorId) : null;
		if (observation) observations.push(observation);
	}
	const data: IndicatorData = {
		observations,
		...(isObject(stored.dimensions) ? { dimensions: stored.dimensions as Record<string, DimensionLabels> } : {}),
		...(isObject(stored.sourceDetails) ? { sourceDetails: stringRecord(stored.sourceDetails) } : {}),
		...(typeof stored.periodNote === 'string' ? { periodNote: stored.periodNote } : {}),
		updatedAt: String(stored.updatedAt ?? '')
	};
	decoded.set(stored, data);
	return data;
}

function decodeRow(row: unknown[], areas: Area[], indicatorId: string): Observation | null {
	const [areaIndex, period, value, statusIndex, breakdown, ciLower, ciUpper, n] = row;
	const area = typeof areaIndex === 'number' ? areas[areaIndex] : undefined;
	const status: ObservationStatus | undefined = typeof statusIndex === 'number' ? OBSERVATION_STATUSES[statusIndex] : undefined;
	if (!area || typeof period !== 'string' || !status) return null;
	const hasValue = typeof value === 'number' && Number.isFinite(value) && (status === 'ok' || status === 'preliminary');
	const observation: Observation = {
		indicatorId,
		area,
		period,
		breakdown: isObject(breakdown) ? stringRecord(breakdown) : {},
		value: hasValue ? value : null,
		status: hasValue ? status : status === 'suppressed' ? 'suppressed' : 'missing'
	};
	const endYear = periodEndYear(period);
	if (endYear !== undefined) observation.periodEndYear = endYear;
	if (hasValue && typeof ciLower === 'number') observation.ciLower = ciLower;
	if (hasValue && typeof ciUpper === 'number') observation.ciUpper = ciUpper;
	if (typeof n === 'number') observation.n = n;
	return observation;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringRecord(value: Record<string, unknown>): Record<string, string> {
	return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
