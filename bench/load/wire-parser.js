// The app's socket.io parser (src/lib/transport/wire-parser.ts) for the plain-JS load clients.
// Node 20 cannot import TypeScript, so the one source file is transpiled here with the
// project's own TypeScript instead of keeping a second copy of the parser. bench/run.js
// loads this first, so the worker threads find the transpiled file ready.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';

const source = fileURLToPath(new URL('../../src/lib/transport/wire-parser.ts', import.meta.url));
// Inside node_modules so the transpiled file resolves `socket.io-parser` like the app does.
const outDir = fileURLToPath(new URL('../../node_modules/.cache/datadialog-bench/', import.meta.url));
const outFile = `${outDir}wire-parser.js`;

if (!existsSync(outFile) || statSync(outFile).mtimeMs < statSync(source).mtimeMs) {
	const { default: ts } = await import('typescript');
	const { outputText } = ts.transpileModule(readFileSync(source, 'utf8'), {
		compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 }
	});
	mkdirSync(outDir, { recursive: true });
	// Write aside, then rename into place, so a concurrent reader never sees half a file.
	const temporary = `${outFile}.${process.pid}.${threadId}`;
	writeFileSync(temporary, outputText);
	renameSync(temporary, outFile);
}

/** @typedef {{ type: number, nsp: string, id?: number, data?: unknown }} Packet  a socket.io packet */
/**
 * @type {{ wireParser: {
 *   Encoder: new () => { encode(packet: Packet): (string | Uint8Array)[] },
 *   Decoder: new () => { add(chunk: string | Uint8Array): void, on(event: 'decoded', listener: (packet: Packet) => void): unknown }
 * } }}
 */
const compiled = await import(pathToFileURL(outFile).href);
export const wireParser = compiled.wireParser;
