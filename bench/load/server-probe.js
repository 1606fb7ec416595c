// Preloaded into the server under test (`node --import ./bench/load/server-probe.js …`),
// for both servers alike. It only observes: it samples the event loop's delay and, on
// SIGUSR2, prints one JSON line `{"event":"bench.probe", …}` with the lag since the
// previous SIGUSR2 and resets. bench/run.js sends SIGUSR2 at the start and end of the
// measured window. A blocked event loop (synchronous disk writes, long GC, heavy
// handlers) shows up here directly.
import { rmSync } from 'node:fs';
import { basename } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const RESOLUTION_MS = 5;
const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
histogram.enable();

/** @param {number} ns */
const lagMs = (ns) => Math.max(0, ns / 1e6 - RESOLUTION_MS);

process.on('SIGUSR2', () => {
	const line = {
		event: 'bench.probe',
		loop_p50_ms: lagMs(histogram.percentile(50)),
		loop_p99_ms: lagMs(histogram.percentile(99)),
		loop_max_ms: lagMs(histogram.max),
		heap_used_mb: process.memoryUsage().heapUsed / 2 ** 20
	};
	histogram.reset();
	process.stdout.write(JSON.stringify(line) + '\n');
});

// If the benchmark itself is killed (SIGKILL, crash), do not linger as an orphan: exit and
// remove the temporary data directory it created for this run.
const parent = process.ppid;
setInterval(() => {
	if (process.ppid === parent) return;
	const dir = process.env.DATA_DIR;
	if (dir && basename(dir).startsWith('datadialog-bench-')) rmSync(dir, { recursive: true, force: true });
	process.exit(1);
}, 1000).unref();
