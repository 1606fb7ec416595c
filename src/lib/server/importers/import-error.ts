import type { ImportErrorCode } from '$lib/api/indicators';

/**
 * An import refused with one of the IMPORT_ERROR_CODES ($lib/api). The HTTP
 * layer maps the code to a status (too_large → 413, the others → 422) and shows
 * the message to the facilitator, so messages say what was wrong with the file
 * in plain English.
 */
export class ImportError extends Error {
	readonly code: ImportErrorCode;

	constructor(code: ImportErrorCode, message: string) {
		super(message);
		this.name = 'ImportError';
		this.code = code;
	}
}

/** Narrows a caught value, so the HTTP layer can tell a refused file from a bug. */
export function isImportError(error: unknown): error is ImportError {
	return error instanceof ImportError;
}
