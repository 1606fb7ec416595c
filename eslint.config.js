import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/*
 * Layer rules (docs/ARCHITECTURE.md explains them):
 *
 *   domain  → nothing of ours but other domain files; no svelte, yjs, socket.io, node:*
 *   api     → domain only (plus zod): request/response shapes shared by routes, server and the browser
 *   sync    → domain only (plus yjs, lib0, y-protocols, zod)
 *   transport → nothing of ours (socket.io's packet encoding, shared by client and server)
 *   charts, i18n → domain and api; usable on both sides, so never server, client, components, sync
 *   server  → never client, components or routes
 *   client, components, browser-side route files → never server (type imports included)
 *
 * Each restriction is a regular expression on the import's source, written once
 * for the `$lib/...` alias and once for relative paths (`../server/...`). They
 * are checked by @typescript-eslint/no-restricted-imports (which, unlike the
 * core rule's `allowTypeImports` option, we leave strict: `import type` counts)
 * and by `layers/no-restricted-dynamic-imports` below for `import('...')` and
 * `typeof import('...')`, which no-restricted-imports does not see.
 */

const LAYERS = ['domain', 'api', 'sync', 'transport', 'server', 'client', 'components', 'charts', 'i18n', 'routes'];

/** Any relative path with a `<layer>` directory in it (`../server/x`, `../../lib/server/x`). */
const relativeInto = (layers) => `^\\.{1,2}/(.*/)?(${layers.join('|')})(/|$)`;

/** `$lib/<layer>` and relative paths into one of `layers`. */
function into(layers, message) {
	return [
		{ regex: `^\\$lib/(${layers.join('|')})(/|$)`, message },
		{ regex: relativeInto(layers), message }
	];
}

/** Everything of ours outside `allowed`: any other `$lib/...` path, or a relative path naming another layer. */
function outside(allowed, message) {
	return [
		{ regex: `^\\$lib(/(?!(${allowed.join('|')})(/|$))|$)`, message },
		{ regex: relativeInto(LAYERS.filter((layer) => !allowed.includes(layer))), message }
	];
}

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_')).map((name) => name.replace(/[/]/g, '\\/'));

const DOMAIN = [
	...outside(['domain'], 'domain imports only other domain files (docs/ARCHITECTURE.md).'),
	{
		regex: '^(svelte|@sveltejs/.*|\\$app/.*|\\$env/.*|yjs|y-protocols|lib0|socket\\.io.*|@socket\\.io/.*)(/|$)',
		message: 'domain stays free of UI, realtime and framework packages (docs/ARCHITECTURE.md).'
	},
	{ regex: `^(node:.*|(${nodeBuiltins.join('|')})(/.*)?)$`, message: 'domain runs in the browser too: no Node built-ins.' }
];

/** Of ours: `$lib/<allowed>`, same-folder files and `../<allowed>`; of packages: only `packages`. */
function onlyFrom(allowed, packages, message) {
	const ours = allowed.map((layer) => `\\$lib/${layer}(/|$)|\\.\\./${layer}(/|$)`).join('|');
	return [{ regex: `^(?!(${ours}|\\./|(${packages.join('|')})(/|$)))`, message }];
}

const API = onlyFrom(['domain', 'api'], ['zod', 'vitest'], 'api imports only domain (and zod) (docs/ARCHITECTURE.md).');
const SYNC = onlyFrom(
	['domain', 'sync'],
	// vitest and fast-check for the specs beside the code.
	['yjs', 'lib0', 'y-protocols', 'zod', 'vitest', 'fast-check'],
	'sync imports only domain (and yjs, lib0, y-protocols, zod) (docs/ARCHITECTURE.md).'
);
const TRANSPORT = onlyFrom(
	['transport'],
	['socket.io-parser', 'vitest'],
	'transport imports only socket.io-parser (docs/ARCHITECTURE.md).'
);
const SHARED_VIEW = outside(
	['domain', 'api', 'charts', 'i18n'],
	'charts and i18n serve both server and browser: they import only domain and api.'
);
const SERVER = into(['client', 'components', 'routes'], 'server must not import client, components or routes (docs/ARCHITECTURE.md).');
const BROWSER = into(['server'], 'browser code must not import server code, not even types: share API shapes through $lib/api.');

/** Same patterns, applied to `import('…')` and `typeof import('…')`. */
const layersPlugin = {
	rules: {
		'no-restricted-dynamic-imports': {
			meta: {
				type: 'problem',
				schema: [{ type: 'object', properties: { patterns: { type: 'array' } }, additionalProperties: false }]
			},
			create(context) {
				const patterns = (context.options[0]?.patterns ?? []).map(({ regex, message }) => ({ regex: new RegExp(regex, 'u'), message }));
				function check(node, source) {
					if (!source || typeof source.value !== 'string') return;
					const hit = patterns.find(({ regex }) => regex.test(source.value));
					if (hit) context.report({ node, message: `'${source.value}' import is restricted from being used by a pattern. ${hit.message}` });
				}
				return {
					ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source : null),
					TSImportType: (node) => check(node, node.source ?? node.argument?.literal)
				};
			}
		}
	}
};

function layer(files, patterns) {
	return {
		files,
		plugins: { layers: layersPlugin },
		rules: {
			'@typescript-eslint/no-restricted-imports': ['error', { patterns }],
			'layers/no-restricted-dynamic-imports': ['error', { patterns }]
		}
	};
}

const CODE = ['ts', 'js', 'svelte', 'svelte.ts'];
const under = (dir) => CODE.map((ext) => `${dir}/**/*.${ext}`);

export default defineConfig(
	globalIgnores([
		'build/',
		'.svelte-kit/',
		'node_modules/',
		'data/',
		'.e2e-data*/',
		'test-results/',
		'playwright-report/',
		'tmp/',
		'bench/results/'
	]),
	js.configs.recommended,
	ts.configs.recommended,
	svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'], svelteConfig } }
	},
	{
		rules: {
			// Unused names are real problems; a leading underscore marks a deliberately unused parameter.
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
			// TypeScript reports undefined names itself (and knows about types and globals that this rule does not).
			'no-undef': 'off',
			// Fires on every Map/Set/Date built inside a $derived or a function and never mutated afterwards (all 19 hits are such).
			'svelte/prefer-svelte-reactivity': 'off',
			// Wants resolve() around every href and goto(); the app is served at the root (no kit.paths.base), so plain paths are right.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	layer(under('src/lib/domain'), DOMAIN),
	layer(under('src/lib/api'), API),
	layer(under('src/lib/sync'), SYNC),
	layer(under('src/lib/transport'), TRANSPORT),
	layer([...under('src/lib/charts'), ...under('src/lib/i18n')], SHARED_VIEW),
	layer(under('src/lib/server'), SERVER),
	layer(
		[
			...under('src/lib/client'),
			...under('src/lib/components'),
			'src/routes/**/*.svelte',
			'src/routes/**/+page.ts',
			'src/routes/**/+layout.ts',
			'src/hooks.client.ts'
		],
		BROWSER
	)
);
