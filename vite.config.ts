import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * In `vite dev` there is no server/index.js: hand Vite's own HTTP server to the
 * realtime layer, which hooks.server.ts attaches socket.io to on `init`.
 */
function devRealtime(): Plugin {
	return {
		name: 'datadialog-dev-realtime',
		apply: 'serve',
		configureServer(server) {
			if (server.httpServer) {
				(globalThis as Record<symbol, unknown>)[Symbol.for('datadialog.httpServer')] = server.httpServer;
			}
		}
	};
}

export default defineConfig({
	plugins: [devRealtime(), sveltekit()],
	server: { port: 3000 },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.spec.ts', 'workshop-templates/**/*.spec.ts', 'tests/lint/**/*.test.ts'],
					environment: 'node',
					// The first ESLint run loads its parsers, and the property test runs 300 sequences: seconds each on a busy 2-core machine.
					testTimeout: 30_000
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					globalSetup: ['tests/integration/global-setup.ts'],
					environment: 'node',
					testTimeout: 60_000,
					hookTimeout: 60_000,
					fileParallelism: false
				}
			}
		]
	}
});
