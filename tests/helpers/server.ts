import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports';

export interface RunningServer {
	url: string;
	port: number;
	dataDir: string;
	logs: string[];
	process: ChildProcess;
	/** SIGTERM (graceful) by default; SIGKILL to simulate a crash. */
	stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface ServerOptions {
	dataDir?: string;
	port?: number;
	databaseUrl?: string;
	env?: Record<string, string>;
}

const ROOT = new URL('../..', import.meta.url).pathname;

/** Starts the production build (`npm run build` first) as a child process, as `npm start` would. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
	const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'datadialog-test-'));
	const port = options.port ?? (await freePort());
	const child = spawn(process.execPath, ['server/index.js'], {
		cwd: ROOT,
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			DATA_DIR: dataDir,
			DATADIALOG_DEMO: '0',
			CI: '1',
			...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : { DATABASE_URL: '' }),
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const logs: string[] = [];
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${logs.join('')}`)), 20_000);
		const onData = (chunk: Buffer) => {
			logs.push(chunk.toString());
			if (chunk.toString().includes('"http.listening"')) {
				clearTimeout(timer);
				resolve();
			}
		};
		child.stdout!.on('data', onData);
		child.stderr!.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`server exited with ${code}:\n${logs.join('')}`));
		});
	});
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		dataDir,
		logs,
		process: child,
		async stop(signal: NodeJS.Signals = 'SIGTERM') {
			if (child.exitCode === null && child.signalCode === null) child.kill(signal);
			await exited;
		}
	};
}
