import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort } from './ports';

export interface RedisServer {
	url: string;
	stop(): Promise<void>;
}

/** A throwaway redis-server on a free loopback port, without persistence. */
export async function startRedis(): Promise<RedisServer> {
	const binary = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((path) => existsSync(path));
	if (!binary) throw new Error('redis-server is not installed (apt-get install redis-server); .ci/run installs it');
	const port = await freePort();
	const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('redis-server did not start')), 10_000);
		child.stdout!.on('data', (chunk: Buffer) => {
			if (chunk.toString().includes('Ready to accept connections')) {
				clearTimeout(timer);
				resolve();
			}
		});
		child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
	});
	return {
		url: `redis://127.0.0.1:${port}`,
		async stop() {
			child.kill('SIGTERM');
			await exited;
		}
	};
}
