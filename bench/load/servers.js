// Starting the servers under test as child processes, and watching their memory and CPU
// through /proc (Linux only).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname;

/** @typedef {'datadialog' | 'hocuspocus' | 'hocuspocus-sqlite'} ServerKind */

/**
 * @typedef {object} RunningServer
 * @property {ServerKind} kind
 * @property {Record<string, unknown>} listening  the server's "http.listening" line (Hocuspocus: persistence settings too)
 * @property {number} pid
 * @property {number} port
 * @property {string} httpUrl
 * @property {string} wsUrl
 * @property {string[]} logs  last lines of stdout/stderr
 * @property {() => boolean} alive
 * @property {() => Promise<void>} stop  SIGTERM, then SIGKILL after 10 s; removes temp dirs
 * @property {() => Promise<Record<string, number> | null>} probe  event-loop lag since the last probe (server-probe.js)
 */

/**
 * @param {ServerKind} kind  `hocuspocus-sqlite`: Hocuspocus with @hocuspocus/extension-sqlite, database file in the temp dir
 * @param {{ nodeArgs?: string[] }} [options]
 * @returns {Promise<RunningServer>}
 */
export async function startServer(kind, options = {}) {
	const dataDir = mkdtempSync(join(tmpdir(), `datadialog-bench-${kind}-`));
	const script = kind === 'datadialog' ? 'server/index.js' : 'bench/load/hocuspocus-server.js';
	const probeScript = new URL('./server-probe.js', import.meta.url).pathname;
	const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', probeScript, script], {
		cwd: ROOT,
		env: {
			...process.env,
			PORT: '0',
			HOST: '127.0.0.1',
			DATA_DIR: dataDir,
			DATADIALOG_DEMO: '0',
			CI: '1',
			DATABASE_URL: '',
			REDIS_URL: '',
			// Every simulated participant joins from this machine.
			JOINS_PER_ADDRESS: '100000',
			HOCUSPOCUS_SQLITE: kind === 'hocuspocus-sqlite' ? join(dataDir, 'hocuspocus.sqlite') : ''
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	/** @type {string[]} */
	const logs = [];
	/** @type {((line: Record<string, number>) => void)[]} */
	const probeWaiters = [];
	/** @param {Buffer} chunk */
	const keep = (chunk) => {
		for (const line of chunk.toString().split('\n')) {
			if (!line) continue;
			if (line.startsWith('{"event":"bench.probe"')) {
				try {
					probeWaiters.shift()?.(JSON.parse(line));
				} catch {
					/* ignore a torn line */
				}
				continue;
			}
			logs.push(line);
		}
		if (logs.length > 200) logs.splice(0, logs.length - 200);
	};
	child.stderr.on('data', keep);
	const exited = new Promise((resolve) => child.once('exit', resolve));
	const removeDir = () => rmSync(dataDir, { recursive: true, force: true });

	/** @type {Record<string, unknown>} */
	const listening = await new Promise((resolve, reject) => {
		const timer = setTimeout(() => fail(new Error('did not start within 30 s')), 30_000);
		let buffer = '';
		/** @param {Error} error */
		function fail(error) {
			clearTimeout(timer);
			child.kill('SIGKILL');
			removeDir();
			reject(new Error(`${kind} server: ${error.message}\n${logs.slice(-20).join('\n')}`));
		}
		child.stdout.on('data', (/** @type {Buffer} */ chunk) => {
			keep(chunk);
			buffer += chunk.toString();
			for (const line of buffer.split('\n')) {
				if (!line.includes('"http.listening"')) continue;
				try {
					const parsed = /** @type {Record<string, unknown>} */ (JSON.parse(line));
					clearTimeout(timer);
					resolve(parsed);
				} catch {
					/* partial line: wait for more */
				}
			}
			buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
		});
		child.once('exit', (code) => fail(new Error(`exited with ${code} before listening`)));
	});
	const pid = /** @type {number} */ (child.pid);
	const port = Number(listening.port);
	return {
		kind,
		listening,
		pid,
		port,
		httpUrl: `http://127.0.0.1:${port}`,
		wsUrl: `ws://127.0.0.1:${port}`,
		logs,
		alive: () => child.exitCode === null && child.signalCode === null,
		probe() {
			if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(null);
			return new Promise((resolve) => {
				const timer = setTimeout(() => resolve(null), 5000);
				probeWaiters.push((line) => {
					clearTimeout(timer);
					resolve(line);
				});
				child.kill('SIGUSR2');
			});
		},
		async stop() {
			if (child.exitCode === null && child.signalCode === null) {
				child.kill('SIGTERM');
				const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
				await exited;
				clearTimeout(killer);
			}
			removeDir();
		}
	};
}

let clockTicks = 0;
/** Kernel clock ticks per second (USER_HZ) for /proc/<pid>/stat. */
export function clockTicksPerSecond() {
	if (clockTicks) return clockTicks;
	try {
		clockTicks = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
	} catch {
		clockTicks = 100;
	}
	return clockTicks;
}

/** @param {number | 'self'} pid @returns {number} resident memory in kB, 0 if gone */
export function rssKb(pid) {
	try {
		const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) : 0;
	} catch {
		return 0;
	}
}

/** @param {number | 'self'} pid @returns {number} user + system CPU time in clock ticks */
export function cpuTicks(pid) {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name may contain spaces; fields after it are space-separated.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
	} catch {
		return 0;
	}
}

/** All CPUs: busy, stolen (by the hypervisor) and total ticks since boot, from /proc/stat. */
export function machineTicks() {
	try {
		const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
		// user nice system idle iowait irq softirq steal guest guest_nice; guest time is already in user
		const values = line.trim().split(/\s+/).slice(1, 9).map(Number);
		const total = values.reduce((a, b) => a + b, 0);
		const idle = (values[3] ?? 0) + (values[4] ?? 0);
		const steal = values[7] ?? 0;
		return { busy: total - idle - steal, steal, total };
	} catch {
		return { busy: 0, steal: 0, total: 0 };
	}
}

/** Samples a process' RSS at an interval and keeps the peak. */
export class RssSampler {
	peakKb = 0;
	/** @type {ReturnType<typeof setInterval> | null} */
	#timer = null;

	/** @param {number} pid @param {number} intervalMs */
	constructor(pid, intervalMs) {
		this.pid = pid;
		this.sample();
		this.#timer = setInterval(() => this.sample(), intervalMs);
	}

	sample() {
		const kb = rssKb(this.pid);
		if (kb > this.peakKb) this.peakKb = kb;
		return kb;
	}

	stop() {
		if (this.#timer) clearInterval(this.#timer);
		this.#timer = null;
		this.sample();
		return this.peakKb;
	}
}
