import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer rules of eslint.config.js (docs/ARCHITECTURE.md), run through
 * ESLint's Node API on small snippets placed at made-up paths in each layer.
 */
const cwd = fileURLToPath(new URL('../..', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
	eslint = new ESLint({ cwd });
});

const LAYER_RULES = ['@typescript-eslint/no-restricted-imports', 'layers/no-restricted-dynamic-imports'];

/** The layer-rule messages ESLint gives `code` as if it were the file at `filePath`. */
async function layerErrors(filePath: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath });
	const messages = result!.messages;
	const fatal = messages.filter((m) => m.fatal);
	if (fatal.length > 0) throw new Error(`could not parse ${filePath}: ${fatal[0]!.message}`);
	return messages.filter((m) => m.severity === 2 && LAYER_RULES.includes(m.ruleId ?? '')).map((m) => m.message);
}

const use = (name: string) => `\nexport const used: unknown = ${name};\n`;

describe('layer rules (eslint.config.js)', () => {
	it('refuses a type import from $lib/server in a component', async () => {
		const code = `<script lang="ts">\n\timport type { X } from '$lib/server/foo';\n\tlet { x }: { x: X } = $props();\n</script>\n\n<p>{x}</p>\n`;
		const errors = await layerErrors('src/lib/components/indicators/Example.svelte', code);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toContain('$lib/server/foo');
	});

	it('refuses a relative path into server from a component helper and from client code', async () => {
		const code = `import type { X } from '../../server/archive/state';\nexport type Y = X;\n`;
		expect(await layerErrors('src/lib/components/archive/example.ts', code)).toHaveLength(1);
		expect(await layerErrors('src/lib/client/example.ts', `import { x } from '../server/log';${use('x')}`)).toHaveLength(1);
	});

	it('refuses import() and typeof import() of server code in the browser', async () => {
		const code = `export type Log = typeof import('$lib/server/log');\nexport const load = () => import('$lib/server/log');\n`;
		expect(await layerErrors('src/lib/client/example.ts', code)).toHaveLength(2);
	});

	it('refuses yjs, svelte and Node built-ins in domain', async () => {
		expect(await layerErrors('src/lib/domain/cards/example.ts', `import * as Y from 'yjs';${use('Y')}`)).toHaveLength(1);
		expect(await layerErrors('src/lib/domain/cards/example.ts', `import { writable } from 'svelte/store';${use('writable')}`)).toHaveLength(
			1
		);
		expect(
			await layerErrors('src/lib/domain/cards/example.ts', `import { readFileSync } from 'node:fs';${use('readFileSync')}`)
		).toHaveLength(1);
		expect(await layerErrors('src/lib/domain/cards/example.ts', `import { createHash } from 'crypto';${use('createHash')}`)).toHaveLength(
			1
		);
	});

	it('refuses other layers of ours in domain, by alias and by relative path', async () => {
		expect(
			await layerErrors('src/lib/domain/method/example.ts', `import type { X } from '$lib/sync/cards';\nexport type Y = X;\n`)
		).toHaveLength(1);
		expect(
			await layerErrors('src/lib/domain/method/example.ts', `import type { X } from '../../api/indicators';\nexport type Y = X;\n`)
		).toHaveLength(1);
	});

	it('lets a domain file import another domain file', async () => {
		expect(
			await layerErrors('src/lib/domain/method/example.ts', `import { PHASES } from '$lib/domain/method/phases';${use('PHASES')}`)
		).toEqual([]);
		expect(
			await layerErrors('src/lib/domain/method/example.ts', `import type { Card } from '../cards/card';\nexport type C = Card;\n`)
		).toEqual([]);
		expect(await layerErrors('src/lib/domain/method/example.ts', `import { z } from 'zod';${use('z')}`)).toEqual([]);
	});

	it('refuses server code, and packages outside its list, in sync', async () => {
		expect(await layerErrors('src/lib/sync/example.ts', `import { x } from '$lib/server/x';${use('x')}`)).toHaveLength(1);
		expect(await layerErrors('src/lib/sync/example.ts', `import { x } from '../server/x';${use('x')}`)).toHaveLength(1);
		expect(await layerErrors('src/lib/sync/example.ts', `import { io } from 'socket.io-client';${use('io')}`)).toHaveLength(1);
		expect(
			await layerErrors(
				'src/lib/sync/example.ts',
				`import * as Y from 'yjs';\nimport type { Card } from '$lib/domain/cards/card';\nexport type C = [Card, Y.Doc];\n`
			)
		).toEqual([]);
	});

	it('refuses components, client and routes in server', async () => {
		expect(await layerErrors('src/lib/server/example.ts', `import { x } from '$lib/components/x';${use('x')}`)).toHaveLength(1);
		expect(
			await layerErrors('src/lib/server/archive/example.ts', `import type { X } from '../../client/x';\nexport type Y = X;\n`)
		).toHaveLength(1);
		expect(await layerErrors('src/lib/server/archive/example.ts', `import { x } from '../../../routes/x';${use('x')}`)).toHaveLength(1);
	});

	it('keeps api to domain, and lets every side import api', async () => {
		expect(await layerErrors('src/lib/api/example.ts', `import type { X } from '$lib/server/x';\nexport type Y = X;\n`)).toHaveLength(1);
		expect(await layerErrors('src/lib/api/example.ts', `import * as Y from 'yjs';${use('Y')}`)).toHaveLength(1);
		expect(
			await layerErrors(
				'src/lib/api/example.ts',
				`import { z } from 'zod';\nimport type { Card } from '$lib/domain/cards/card';\nexport const s = z.string();\nexport type C = Card;\n`
			)
		).toEqual([]);
		for (const file of [
			'src/lib/components/x/example.ts',
			'src/lib/client/example.ts',
			'src/lib/server/x/example.ts',
			'src/routes/example/+server.ts'
		]) {
			expect(await layerErrors(file, `import type { ArchiveState } from '$lib/api/archive';\nexport type A = ArchiveState;\n`)).toEqual([]);
		}
	});
});
