import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);
/** Each server its own data directory, so two runs side by side (different E2E_PORT) never share one. */
const DATA_DIR = process.env.E2E_DATA_DIR ?? (process.env.E2E_PORT ? `.e2e-data-${PORT}` : '.e2e-data');
/** The organiser passphrase the archive and programme tests sign in with. */
export const E2E_ORGANISER_PASSPHRASE = 'e2e-organisatörens lösenfras';

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
		command: `rm -rf ${DATA_DIR} && node server/index.js`,
		url: `http://127.0.0.1:${PORT}/healthz`,
		reuseExistingServer: false,
		timeout: 60_000,
		// The PxWeb browser test serves recorded SCB responses on the next port (no internet here).
		env: {
			PORT: String(PORT),
			HOST: '127.0.0.1',
			DATA_DIR: DATA_DIR,
			ORGANISER_PASSPHRASE: E2E_ORGANISER_PASSPHRASE,
			DATADIALOG_DEMO: '1',
			DATABASE_URL: '',
			PXWEB_ALLOWED_HOSTS: `127.0.0.1:${PORT + 1}`
		}
	}
});
