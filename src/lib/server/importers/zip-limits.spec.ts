import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { catchImportError, readFixture } from '../../../../tests/fixtures/indicators/test-helpers';
import { readXlsxTable } from './xlsx';
import { assertZipWithinLimits } from './zip-limits';

/** A workbook-shaped ZIP whose sheet is a long run of zeros: a few hundred KB that unpacks to `size`. */
const bomb = (size: number) =>
	zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/worksheets/sheet1.xml': new Uint8Array(size) }, { level: 9 });

/** Rewrites the declared uncompressed size of an entry, in the central directory and its local header. */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
	const copy = zip.slice();
	const view = new DataView(copy.buffer);
	const nameBytes = strToU8(name);
	for (let i = 0; i + 4 <= copy.length; i++) {
		const signature = view.getUint32(i, true);
		const [nameAt, sizeAt] = signature === 0x02014b50 ? [46, 24] : signature === 0x04034b50 ? [30, 22] : [-1, -1];
		if (nameAt < 0) continue;
		if (nameBytes.every((byte, k) => copy[i + nameAt + k] === byte)) view.setUint32(i + sizeAt, size, true);
	}
	return copy;
}

describe('ZIP limits for XLSX uploads', () => {
	it('accepts a real workbook', async () => {
		expect(() => assertZipWithinLimits(readFixture('seed003-stadsdelsfakta.xlsx'))).not.toThrow();
		expect((await readXlsxTable(readFixture('seed003-stadsdelsfakta.xlsx'))).rows).toHaveLength(14);
	});

	it('refuses a zip bomb as too_large from its directory, before inflating it', async () => {
		const zip = bomb(60 * 1024 * 1024);
		expect(zip.length).toBeLessThan(1024 * 1024);
		const error = await catchImportError(() => readXlsxTable(zip));
		expect(error.code).toBe('too_large');
		// A small limit shows the per-entry check too.
		const small = bomb(2 * 1024 * 1024);
		expect((await catchImportError(() => assertZipWithinLimits(small, { total: 10 * 1024 * 1024, entry: 1024 * 1024 }))).code).toBe(
			'too_large'
		);
	});

	it('refuses an entry that unpacks to more than its directory declares', async () => {
		const lying = declareSize(bomb(4 * 1024 * 1024), 'xl/worksheets/sheet1.xml', 1000);
		expect(Object.keys(unzipSync(lying, { filter: () => false }))).toEqual([]);
		expect((await catchImportError(() => assertZipWithinLimits(lying))).code).toBe('too_large');
	});

	it('refuses an entry the directory does not list (a streaming reader would still unpack it)', async () => {
		const zip = zipSync({ 'a.xml': strToU8('<a/>'), 'b.xml': new Uint8Array(1000) });
		const view = new DataView(zip.buffer);
		const end = zip.length - 22;
		const directoryOffset = view.getUint32(end + 16, true);
		const firstRecord = 46 + 'a.xml'.length;
		const hidden = new Uint8Array(directoryOffset + firstRecord + 22);
		hidden.set(zip.subarray(0, directoryOffset + firstRecord));
		hidden.set(zip.subarray(end), directoryOffset + firstRecord);
		const eocd = new DataView(hidden.buffer, directoryOffset + firstRecord);
		eocd.setUint16(8, 1, true);
		eocd.setUint16(10, 1, true);
		eocd.setUint32(12, firstRecord, true);
		expect(Object.keys(unzipSync(hidden))).toEqual(['a.xml']);
		expect((await catchImportError(() => assertZipWithinLimits(hidden))).code).toBe('malformed');
	});
});
