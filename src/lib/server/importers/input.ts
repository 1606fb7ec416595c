import type { TextEncodingName } from '$lib/api/indicators';
import { ImportError } from './import-error';

/** Raw upload or response body. Strings are accepted for API responses already read as text. */
export type ImportInput = Uint8Array | string;

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * Size in bytes without copying: exact for bytes; for strings a lower bound
 * (UTF-16 length) is enough to reject, and the exact UTF-8 length is only
 * computed when the string is close to the limit.
 */
export function exceedsByteLimit(input: ImportInput, maxBytes: number): boolean {
	if (typeof input !== 'string') return input.byteLength > maxBytes;
	if (input.length > maxBytes) return true;
	if (input.length * 3 <= maxBytes) return false;
	return new TextEncoder().encode(input).byteLength > maxBytes;
}

/**
 * Decodes text the way Swedish files arrive: UTF-8 with or without BOM, or
 * Windows-1252/Latin-1 from older Excel "Spara som CSV". UTF-8 is tried strictly
 * first, because Latin-1 decoding never fails and would turn 'Ã¥' into nonsense
 * for a UTF-8 file; only bytes that are not valid UTF-8 fall back to Windows-1252.
 */
export function decodeText(input: ImportInput): { text: string; encoding: TextEncodingName } {
	if (typeof input === 'string') {
		return input.startsWith('\ufeff') ? { text: input.slice(1), encoding: 'utf-8-bom' } : { text: input, encoding: 'utf-8' };
	}
	if (UTF8_BOM.every((byte, i) => input[i] === byte)) {
		return { text: new TextDecoder('utf-8').decode(input.subarray(3)), encoding: 'utf-8-bom' };
	}
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(input), encoding: 'utf-8' };
	} catch {
		return { text: new TextDecoder('windows-1252').decode(input), encoding: 'windows-1252' };
	}
}

/** Parses a JSON body, turning an empty body and syntax errors (e.g. a truncated download) into ImportErrors. */
export function parseJsonInput(input: ImportInput, what: string): unknown {
	const { text } = decodeText(input);
	if (text.trim() === '') throw new ImportError('empty', `The ${what} response is empty.`);
	try {
		return JSON.parse(text) as unknown;
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new ImportError('malformed', `The ${what} response is not valid JSON (${reason}); it may be truncated.`);
	}
}

/** A plain JSON object (not an array, not null): the only shape whose fields the importers read. */
export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
