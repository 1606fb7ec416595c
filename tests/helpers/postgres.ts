import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './ports';

export interface Postgres {
	/** Connection URL of the maintenance database; use `createDatabase` for a fresh one. */
	url: string;
	/** Stops the server but keeps its data, to simulate an outage. */
	pause(): void;
	resume(): void;
	stop(): void;
}

function binDir(): string {
	const base = '/usr/lib/postgresql';
	if (!existsSync(base)) throw new Error('PostgreSQL is not installed (apt-get install postgresql); .ci/run installs it');
	const version = readdirSync(base).sort().pop();
	if (!version) throw new Error('no PostgreSQL version under /usr/lib/postgresql');
	return join(base, version, 'bin');
}

/** initdb refuses to run as root, so as root the cluster is run by the `postgres` user. */
function run(command: string, args: string[]): void {
	const asRoot = process.getuid?.() === 0;
	const result = asRoot
		? spawnSync('su', ['postgres', '-c', [command, ...args].map((a) => `'${a}'`).join(' ')], { encoding: 'utf8' })
		: spawnSync(command, args, { encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
}

/** A throwaway PostgreSQL cluster on a free loopback port, trust auth, in a temp dir. */
export async function startPostgres(): Promise<Postgres> {
	const bin = binDir();
	const dir = mkdtempSync(join(tmpdir(), 'datadialog-pg-'));
	chmodSync(dir, 0o777);
	if (process.getuid?.() === 0) execFileSync('chown', ['postgres:', dir]);
	const port = await freePort();
	run(join(bin, 'initdb'), ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync']);
	const start = () =>
		run(join(bin, 'pg_ctl'), [
			'-D',
			join(dir, 'data'),
			'-o',
			`-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
			'-l',
			join(dir, 'log'),
			'-w',
			'start'
		]);
	start();
	return {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		pause() {
			run(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
		},
		resume: start,
		stop() {
			try {
				run(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'immediate', 'stop']);
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		}
	};
}

/** A new empty database on the cluster, so each test starts clean. */
export async function createDatabase(maintenanceUrl: string): Promise<string> {
	const name = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
	const client = new pg.Client({ connectionString: maintenanceUrl });
	await client.connect();
	try {
		await client.query(`CREATE DATABASE ${name}`);
	} finally {
		await client.end();
	}
	return maintenanceUrl.replace(/\/[^/]*$/, `/${name}`);
}
