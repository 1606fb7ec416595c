import { Inflate } from 'fflate';
import { ImportError } from './import-error';

/** Generous for a sheet of at most 20 000 values; far below what would stall the server. */
export const ZIP_TOTAL_MAX = 50 * 1024 * 1024;
export const ZIP_ENTRY_MAX = 25 * 1024 * 1024;
const ENTRIES_MAX = 10_000;

interface Entry {
	name: string;
	method: number;
	flags: number;
	compressedSize: number;
	size: number;
	offset: number;
}

const tooLarge = (what: string) => new ImportError('too_large', `The XLSX file ${what}; it is refused before unpacking.`);
const malformed = (what: string) => new ImportError('malformed', `The file could not be read as XLSX (${what}).`);

/**
 * Refuses a ZIP (an XLSX file) that would unpack to more than the limits, before the
 * XLSX reader inflates anything. The sizes the central directory declares are checked
 * first; then the entries must fill the file without gaps (so a streaming reader finds
 * no entry the directory does not list), and each entry is inflated here, in small
 * steps, only as far as its declared size: a lying size stops the check at once.
 */
export function assertZipWithinLimits(bytes: Uint8Array, limits = { total: ZIP_TOTAL_MAX, entry: ZIP_ENTRY_MAX }): void {
	const { entries, directoryOffset } = centralDirectory(bytes);
	let total = 0;
	for (const entry of entries) {
		if (entry.size > limits.entry) throw tooLarge(`has a part (${entry.name}) that unpacks to more than ${mb(limits.entry)}`);
		total += entry.size;
		if (total > limits.total) throw tooLarge(`unpacks to more than ${mb(limits.total)}`);
	}
	assertContiguous(bytes, entries, directoryOffset);
	for (const entry of entries) assertInflatesWithin(bytes, entry);
}

function centralDirectory(bytes: Uint8Array): { entries: Entry[]; directoryOffset: number } {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let end = -1;
	for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
		if (view.getUint32(i, true) === 0x06054b50) {
			end = i;
			break;
		}
	}
	if (end < 0) throw malformed('no ZIP directory');
	const count = view.getUint16(end + 10, true);
	const directoryOffset = view.getUint32(end + 16, true);
	if (count === 0xffff || directoryOffset === 0xffffffff) throw tooLarge('is a ZIP64 archive');
	if (count > ENTRIES_MAX) throw tooLarge(`has more than ${ENTRIES_MAX} parts`);
	const entries: Entry[] = [];
	let at = directoryOffset;
	for (let i = 0; i < count; i++) {
		if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw malformed('a broken ZIP directory');
		const nameLength = view.getUint16(at + 28, true);
		const entry: Entry = {
			flags: view.getUint16(at + 8, true),
			method: view.getUint16(at + 10, true),
			compressedSize: view.getUint32(at + 20, true),
			size: view.getUint32(at + 24, true),
			offset: view.getUint32(at + 42, true),
			name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength))
		};
		if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) throw tooLarge('is a ZIP64 archive');
		entries.push(entry);
		at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
	}
	return { entries, directoryOffset };
}

/** The entries must fill the file from its start up to the directory, with nothing hidden between them. */
function assertContiguous(bytes: Uint8Array, entries: Entry[], directoryOffset: number): void {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let expected = 0;
	for (const entry of [...entries].sort((a, b) => a.offset - b.offset)) {
		if (entry.offset !== expected || entry.offset + 30 > bytes.length || view.getUint32(entry.offset, true) !== 0x04034b50) {
			throw malformed('ZIP entries that do not match its directory');
		}
		let next = dataStart(view, entry) + entry.compressedSize;
		if (entry.flags & 0x08) next += next + 4 <= bytes.length && view.getUint32(next, true) === 0x08074b50 ? 16 : 12;
		expected = next;
	}
	if (expected !== directoryOffset) throw malformed('data between its entries and its directory');
}

function dataStart(view: DataView, entry: Entry): number {
	return entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
}

function assertInflatesWithin(bytes: Uint8Array, entry: Entry): void {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const start = dataStart(view, entry);
	const data = bytes.subarray(start, start + entry.compressedSize);
	if (data.length !== entry.compressedSize) throw malformed('a cut-off ZIP entry');
	if (entry.method === 0) {
		if (entry.compressedSize !== entry.size) throw malformed('a stored ZIP entry of the wrong size');
		return;
	}
	if (entry.method !== 8) throw malformed(`an unsupported ZIP compression method ${entry.method}`);
	let produced = 0;
	let finished = false;
	const inflate = new Inflate((chunk, final) => {
		produced += chunk.length;
		if (produced > entry.size) throw tooLarge(`has a part (${entry.name}) that unpacks to more than it declares`);
		if (final) finished = true;
	});
	const STEP = 16 * 1024;
	try {
		for (let i = 0; i < data.length; i += STEP) inflate.push(data.subarray(i, i + STEP), i + STEP >= data.length);
		if (data.length === 0) inflate.push(new Uint8Array(0), true);
	} catch (error) {
		if (error instanceof ImportError) throw error;
		throw malformed(`a damaged ZIP entry ${entry.name}`);
	}
	if (!finished || produced !== entry.size) throw malformed(`a ZIP entry ${entry.name} of the wrong size`);
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
