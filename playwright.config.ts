import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);

/**
 * Browser tests drive Debian's /usr/bin/chromium (`npx playwright install` cannot
 * download browsers here) against the production build on a fresh data directory.
 */
export default defineConfig({
	testDir: 'tests/e2e',
	timeout: 60_000,
	expect: { timeout: 10_000 },
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
	webServer: {
		command: 'rm -rf .e2e-data && node server/index.js',
		url: `http://127.0.0.1:${PORT}/healthz`,
		reuseExistingServer: false,
		timeout: 60_000,
		// The PxWeb browser test serves recorded SCB responses on the next port (no internet here).
		env: {
			PORT: String(PORT),
			HOST: '127.0.0.1',
			DATA_DIR: '.e2e-data',
			DATADIALOG_DEMO: '1',
			DATABASE_URL: '',
			PXWEB_ALLOWED_HOSTS: `127.0.0.1:${PORT + 1}`
		}
	}
});
