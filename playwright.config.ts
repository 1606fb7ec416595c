import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);
/** Each server its own data directory, so two runs side by side (different E2E_PORT) never share one. */
const DATA_DIR = process.env.E2E_DATA_DIR ?? (process.env.E2E_PORT ? `.e2e-data-${PORT}` : '.e2e-data');
/** The organiser passphrase the archive and programme tests sign in with. */
export const E2E_ORGANISER_PASSPHRASE = 'e2e-organisatörens lösenfras';
/** The test identity provider (started by the global setup) two ports above the app's; the PxWeb recording takes the next. */
export const E2E_OIDC = {
	port: PORT + 2,
	clientId: 'datadialog-e2e',
	clientSecret: 'e2e-client-secret',
	redirectUri: `http://127.0.0.1:${PORT}/auth/callback`,
	group: 'datadialog-organisers'
};

/**
 * Browser tests drive Debian's /usr/bin/chromium (`npx playwright install` cannot
 * download browsers here) against the production build on a fresh data directory.
 */
export default defineConfig({
	testDir: 'tests/e2e',
	globalSetup: './tests/e2e/global-setup.ts',
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
			OIDC_ISSUER: `http://127.0.0.1:${E2E_OIDC.port}`,
			OIDC_CLIENT_ID: E2E_OIDC.clientId,
			OIDC_CLIENT_SECRET: E2E_OIDC.clientSecret,
			OIDC_ALLOWED_GROUPS: E2E_OIDC.group,
			DATADIALOG_DEMO: '1',
			DATABASE_URL: '',
			PXWEB_ALLOWED_HOSTS: `127.0.0.1:${PORT + 1}`
		}
	}
});
