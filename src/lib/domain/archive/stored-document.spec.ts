import { describe, expect, it } from 'vitest';
import { sampleDocument } from '../../../../tests/fixtures/archive/sample-workshop';
import { readStoredArchive } from './stored-document';

describe('readStoredArchive', () => {
	it('reads a version frozen before the reflections existed with their default settings and no answers', () => {
		const document = sampleDocument();
		const older: Record<string, unknown> = { ...document, method: { ...document.method, phases: { ...document.method.phases } } };
		delete older.responses;
		delete (older.method as { phases: Record<string, unknown> }).phases.utvardering;
		const read = readStoredArchive(JSON.stringify(older));
		expect(read.responses).toEqual({ surveys: {}, summaries: {}, followUp: false });
		expect(read.method.phases.utvardering).toEqual({ whoMayAdd: 'alla', privateWriting: false, locked: false, revealed: false });
		expect(read.method.phases.onskvard).toEqual(document.method.phases.onskvard);
	});

	it('keeps a current version as it was stored', () => {
		const document = sampleDocument();
		expect(readStoredArchive(JSON.stringify(document))).toEqual(document);
	});
});
