// Load benchmark: real Datadialog server vs. @hocuspocus/server 3.4 under the same load.
//
//   node bench/run.js [--participants N] [--workshops W] [--duration S] [--ramp S]
//                     [--scenario workshops|conference] [--quick] [--json]
//                     [--only datadialog|hocuspocus] [--workers K] [--seed N] [--cpu-prof DIR]
//                     [--rounds R]
//
// Each server runs as a child process on 127.0.0.1; simulated people are real socket.io +
// Yjs clients (Datadialog) and HocuspocusProvider clients (Hocuspocus) in K worker threads
// (default 2), following bench/load/plan.js and bench/load/behaviour.js. With --rounds R the
// two servers take turns R times (DD HP, HP DD, …) and each figure is the median over the
// rounds, so a noisy minute on a shared machine weighs on both and decides nothing. See
// bench/load/README.md for what is measured and how. Progress goes to stderr; the table to
// stdout; with --json the last stdout line is one JSON object.
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { availableParallelism, loadavg, setPriority } from 'node:os';
import { analyse } from './load/analyse.js';
import { VOTE_BUDGET, VOTE_WISHES } from './load/behaviour.js';
import { DatadialogClient } from './load/datadialog-client.js';
import { conferencePlan, workshopsPlan } from './load/plan.js';
import { RssSampler, clockTicksPerSecond, cpuTicks, machineTicks, rssKb, startServer } from './load/servers.js';
import { nowUs, round, summarise } from './load/stats.js';

/** @typedef {'datadialog' | 'hocuspocus'} ServerKind */

const { values: args } = parseArgs({
	options: {
		participants: { type: 'string' },
		workshops: { type: 'string' },
		duration: { type: 'string' },
		ramp: { type: 'string' },
		scenario: { type: 'string', default: 'workshops' },
		quick: { type: 'boolean', default: false },
		json: { type: 'boolean', default: false },
		only: { type: 'string' },
		workers: { type: 'string', default: '2' },
		rounds: { type: 'string', default: '1' },
		seed: { type: 'string', default: '20261123' },
		'cpu-prof': { type: 'string' },
		nice: { type: 'string' },
		help: { type: 'boolean', default: false }
	}
});

if (args.help) {
	process.stdout.write(
		'usage: node bench/run.js [--participants N] [--workshops W] [--duration S] [--ramp S]\n' +
			'                         [--scenario workshops|conference] [--quick] [--json]\n' +
			'                         [--only datadialog|hocuspocus] [--workers K] [--seed N] [--cpu-prof DIR] [--nice=-N]\n' +
			'                         [--rounds R]\n'
	);
	process.exit(0);
}

/** @param {string | undefined} value @param {number} fallback @param {string} name */
function positive(value, fallback, name) {
	if (value === undefined) return fallback;
	const n = Number(value);
	if (!Number.isFinite(n) || n <= 0) {
		process.stderr.write(`--${name} must be a positive number\n`);
		process.exit(2);
	}
	return n;
}

const scenario = args.scenario === 'conference' ? 'conference' : 'workshops';
if (args.scenario !== scenario) {
	process.stderr.write('--scenario must be workshops or conference\n');
	process.exit(2);
}
if (args.only !== undefined && args.only !== 'datadialog' && args.only !== 'hocuspocus') {
	process.stderr.write('--only must be datadialog or hocuspocus\n');
	process.exit(2);
}
const quick = args.quick;
const participants = Math.round(
	positive(args.participants, scenario === 'conference' ? (quick ? 60 : 300) : quick ? 60 : 500, 'participants')
);
const workshopCount =
	scenario === 'conference' ? 1 : Math.min(participants, Math.round(positive(args.workshops, quick ? 6 : 25, 'workshops')));
const durationS = positive(args.duration, quick ? 15 : 60, 'duration');
const rampS = positive(args.ramp, quick ? 2 : Math.min(30, Math.max(3, participants / 40)), 'ramp');
const workerCount = Math.min(8, Math.round(positive(args.workers, 2, 'workers')));
const rounds = Math.min(9, Math.round(positive(args.rounds, 1, 'rounds')));
const seed = Math.round(positive(args.seed, 20261123, 'seed'));
const settleMs = quick ? 500 : 2000;
const drainMs = quick ? 2000 : 4000;
const syncTimeoutMs = 30_000;
// On a shared machine, other processes can delay the servers and the generator. The load
// itself is fixed-rate, so a higher priority (e.g. --nice=-10, needs root) takes no more CPU
// from others; it only shortens scheduling delays. Threads and children inherit it.
let niceness = 0;
if (args.nice !== undefined) {
	niceness = Number(args.nice);
	try {
		setPriority(niceness);
	} catch (error) {
		process.stderr.write(`--nice ${args.nice}: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(2);
	}
}
/** @type {ServerKind[]} */
const servers = args.only ? [/** @type {ServerKind} */ (args.only)] : ['datadialog', 'hocuspocus'];

const plan =
	scenario === 'conference'
		? conferencePlan({ participants, groupSize: 5, rampMs: rampS * 1000, seed })
		: workshopsPlan({ participants, workshops: workshopCount, rampMs: rampS * 1000, seed });

/** The workshop phase the Datadialog workshops are moved to before anyone joins. */
const CARD_PHASE = 'nasta-steg';

const TARGETS = {
	p95_ms: 100,
	rss_mb: 400,
	join_ms: 1000,
	conference_members_p95_ms: 150,
	conference_plenary_p95_ms: 500
};

/** @param {string} message */
const progress = (message) => process.stderr.write(`[bench] ${message}\n`);
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Things to undo if the run is interrupted. @type {Set<() => Promise<void> | void>} */
const cleanups = new Set();
let interrupted = false;
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
	process.once(signal, () => {
		interrupted = true;
		progress(`${signal}: cleaning up`);
		void Promise.allSettled([...cleanups].map((c) => c())).finally(() => process.exit(130));
	});
}

/**
 * @typedef {object} ServerResult
 * @property {ServerKind} server
 * @property {boolean} ok
 * @property {string[]} failures
 * @property {Record<string, unknown>} figures
 */

/**
 * Runs the whole plan against one server.
 * @param {ServerKind} kind
 * @returns {Promise<ServerResult>}
 */
async function runAgainst(kind) {
	/** @type {string[]} */
	const failures = [];
	progress(`${kind}: starting server`);
	const server = await startServer(kind, {
		nodeArgs: args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${args['cpu-prof']}/${kind}`] : []
	});
	const stopServer = () => server.stop();
	cleanups.add(stopServer);
	/** @type {Worker[]} */
	const workers = [];
	const stopWorkers = async () => {
		await Promise.allSettled(workers.map((w) => w.terminate()));
	};
	cleanups.add(stopWorkers);
	try {
		await sleep(300);
		const idleRssKb = rssKb(server.pid);

		/** @type {{ id: string, code: string, facilitatorSecret: string }[]} */
		let workshops = [];
		if (kind === 'datadialog') {
			workshops = await Promise.all(
				Array.from({ length: plan.workshops }, async (_, i) => {
					const response = await fetch(`${server.httpUrl}/api/workshops`, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify({ title: `Lasttest ${i + 1}` })
					});
					if (response.status !== 201) throw new Error(`create workshop: ${response.status} ${await response.text()}`);
					const workshop = /** @type {{ id: string, code: string, facilitatorSecret: string }} */ (await response.json());
					// Cards of a kind are accepted once the method reached its phase: the facilitator moves
					// on to the last card phase, so all four canvas columns accept cards.
					const facilitator = new DatadialogClient({ url: server.httpUrl, workshop: workshop.id, facilitator: workshop.facilitatorSecret });
					try {
						await facilitator.connected(10_000);
						await facilitator.command({ type: 'phase.set', phase: CARD_PHASE }, 10_000);
						// Group canvases exist once the groups do: participants may not open documents of invented names.
						if (plan.groups) await facilitator.command({ type: 'groups.create', count: plan.groups }, 10_000);
						// The wishes everyone spends dots on, and an open vote over them.
						facilitator.open('canvas:plenary');
						await facilitator.whenSynced('canvas:plenary', 10_000);
						for (const wish of VOTE_WISHES) facilitator.edit('canvas:plenary', { type: 'card.add', kind: 'onskvard', ...wish });
						await facilitator.flushed(10_000);
						await facilitator.command({ type: 'vote.open', budget: VOTE_BUDGET }, 10_000);
					} finally {
						facilitator.destroy();
					}
					return workshop;
				})
			);
		}

		/** @type {Map<number, number>} */
		const joinUs = new Map();
		/** @type {{ http: number[], transport: number[], connect: number[], sync: number[], late: number[] }} */
		const joinPhases = { http: [], transport: [], connect: [], sync: [], late: [] };
		/** @type {string[]} */
		const joinErrors = [];
		/** @type {any[]} */
		const reports = [];
		let closed = 0;
		/** @type {string[]} */
		const fatal = [];
		/** @type {{ p99_ms: number, max_ms: number }[]} */
		const joinLoops = [];
		for (let k = 0; k < workerCount; k++) {
			const share = plan.clients.filter((c) => c.idx % workerCount === k);
			const worker = new Worker(new URL('./load/worker.js', import.meta.url), {
				workerData: {
					server: kind,
					url: kind === 'datadialog' ? server.httpUrl : server.wsUrl,
					workshops,
					clients: share,
					docs: plan.docs,
					syncTimeoutMs
				}
			});
			worker.on('message', (/** @type {any} */ message) => {
				if (message.type === 'joined') {
					joinUs.set(message.idx, message.joinUs);
					joinPhases.http.push(message.phases.httpUs / 1000);
					joinPhases.connect.push(message.phases.connectUs / 1000);
					joinPhases.transport.push(message.phases.transportUs / 1000);
					joinPhases.sync.push(message.phases.syncUs / 1000);
					joinPhases.late.push(message.lateUs / 1000);
				} else if (message.type === 'join-failed') joinErrors.push(`client ${message.idx}: ${message.error}`);
				else if (message.type === 'report') reports.push(message);
				else if (message.type === 'closed') closed++;
				else if (message.type === 'join-loop') joinLoops.push(message);
				else if (message.type === 'fatal') fatal.push(message.error);
			});
			worker.on('error', (error) => fatal.push(`worker ${k}: ${error.message}`));
			workers.push(worker);
		}

		await server.probe(); // resets the server's event-loop histogram for the joins
		const rss = new RssSampler(server.pid, 250);
		const joinCpu0 = { server: cpuTicks(server.pid), self: cpuTicks('self'), machine: machineTicks(), us: nowUs() };
		const epochUs = nowUs() + 300_000;
		for (const worker of workers) worker.postMessage({ type: 'start', epochUs });
		progress(`${kind}: ${plan.clients.length} clients joining over ${rampS} s with ${workerCount} worker threads`);
		const joinDeadline = Date.now() + rampS * 1000 + syncTimeoutMs + 5000;
		while (joinUs.size + joinErrors.length < plan.clients.length && Date.now() < joinDeadline && !interrupted) {
			if (!server.alive()) throw new Error(`${kind} server died during the joins:\n${server.logs.slice(-20).join('\n')}`);
			if (fatal.length) throw new Error(`generator failed: ${fatal[0]}`);
			await sleep(100);
		}
		const notJoined = plan.clients.length - joinUs.size;
		if (notJoined > 0) {
			failures.push(`${notJoined} of ${plan.clients.length} clients never synced`);
			for (const error of joinErrors.slice(0, 5)) failures.push(error);
		}
		const joinCpu1 = { server: cpuTicks(server.pid), self: cpuTicks('self'), machine: machineTicks(), us: nowUs() };
		const joinProbe = await server.probe();
		progress(`${kind}: ${joinUs.size}/${plan.clients.length} synced; measuring ${durationS} s`);

		const fromUs = nowUs() + settleMs * 1000;
		const toUs = fromUs + durationS * 1000 * 1000;
		for (const worker of workers) worker.postMessage({ type: 'measure', fromUs, toUs });
		await sleep(settleMs);
		const probe0 = await server.probe(); // resets the server's event-loop histogram
		if (!probe0) failures.push('the server probe did not answer');
		const cpu0 = { server: cpuTicks(server.pid), self: cpuTicks('self'), machine: machineTicks(), us: nowUs() };
		const load0 = loadavg()[0] ?? 0;
		await sleep(durationS * 1000);
		const cpu1 = { server: cpuTicks(server.pid), self: cpuTicks('self'), machine: machineTicks(), us: nowUs() };
		const load1 = loadavg()[0] ?? 0;
		const probe1 = await server.probe();
		if (!server.alive()) failures.push(`${kind} server died during the run`);
		progress(`${kind}: draining ${drainMs} ms`);
		await sleep(drainMs);
		const peakRssKb = rss.stop();

		for (const worker of workers) worker.postMessage({ type: 'report' });
		const reportDeadline = Date.now() + 30_000;
		while (reports.length < workers.length && Date.now() < reportDeadline && fatal.length === 0) await sleep(50);
		if (reports.length < workers.length) throw new Error(`generator did not report: ${fatal[0] ?? 'timeout'}`);
		for (const worker of workers) worker.postMessage({ type: 'close' });
		const closeDeadline = Date.now() + 10_000;
		while (closed < workers.length && Date.now() < closeDeadline) await sleep(50);
		await stopWorkers();

		const latency = analyse({
			sends: reports.map((r) => r.sends),
			receives: reports.map((r) => r.receives),
			plan
		});
		if (latency.edits === 0) failures.push('no edits were measured');
		if (latency.missing > 0) failures.push(`${latency.missing} (edit, receiver) deliveries never arrived`);
		for (const error of fatal) failures.push(`generator: ${error}`);

		const counters = reports.reduce((sum, r) => {
			for (const [key, value] of Object.entries(r.counters)) sum[key] = (sum[key] ?? 0) + Number(value);
			return sum;
		}, /** @type {Record<string, number>} */ ({}));
		/** @type {Record<string, number>} */
		const problemCodes = {};
		for (const r of reports) {
			for (const [code, n] of Object.entries(/** @type {Record<string, number>} */ (r.problemCodes))) {
				problemCodes[code] = (problemCodes[code] ?? 0) + n;
			}
		}
		if ((counters.problems ?? 0) > 0) {
			failures.push(
				`${counters.problems} refused messages ${JSON.stringify(problemCodes)}: ${reports
					.flatMap((r) => r.problemSamples)
					.slice(0, 3)
					.join('; ')}`
			);
		}
		/** @type {Record<string, number>} */
		const retryReasons = {};
		for (const r of reports) {
			for (const [reason, n] of Object.entries(/** @type {Record<string, number>} */ (r.connectRetryReasons))) {
				retryReasons[reason] = (retryReasons[reason] ?? 0) + n;
			}
		}
		if (Object.keys(retryReasons).length) progress(`${kind}: connection attempts retried: ${JSON.stringify(retryReasons)}`);
		const acks = summarise(reports.flatMap((r) => Array.from(/** @type {Float64Array} */ (r.ackLatenciesUs), (us) => us / 1000)));
		const votes = summarise(reports.flatMap((r) => Array.from(/** @type {Float64Array} */ (r.voteLatenciesUs), (us) => us / 1000)));
		const joins = summarise([...joinUs.values()].map((us) => us / 1000));
		const ticks = clockTicksPerSecond();
		const seconds = (cpu1.us - cpu0.us) / 1e6;
		const serverCpu = ((cpu1.server - cpu0.server) / ticks / seconds) * 100;
		const generatorCpu = ((cpu1.self - cpu0.self) / ticks / seconds) * 100;
		const machineBusy = ((cpu1.machine.busy - cpu0.machine.busy) / ticks / seconds) * 100;
		const othersCpu = Math.max(0, machineBusy - serverCpu - generatorCpu);
		/** CPU % of one core used by everything but the server and this benchmark, between two snapshots. */
		const othersBetween = (/** @type {typeof cpu0} */ a, /** @type {typeof cpu0} */ b) => {
			const s = (b.us - a.us) / 1e6;
			const busy = (b.machine.busy - a.machine.busy) / ticks / s;
			return Math.max(0, (busy - (b.server - a.server) / ticks / s - (b.self - a.self) / ticks / s) * 100);
		};
		const loopP99 = Math.max(...reports.map((r) => Number(r.loop.p99_ms)));
		const loopMax = Math.max(...reports.map((r) => Number(r.loop.max_ms)));

		/** @type {Record<string, unknown>} */
		const figures = {
			p50_ms: round(latency.toAll.p50),
			p95_ms: round(latency.toAll.p95),
			p99_ms: round(latency.toAll.p99),
			max_ms: round(latency.toAll.max),
			pairs_p50_ms: round(latency.pairs.p50),
			pairs_p95_ms: round(latency.pairs.p95),
			pairs_p99_ms: round(latency.pairs.p99),
			...(latency.plenary
				? {
						plenary_p50_ms: round(latency.plenary.p50),
						plenary_p95_ms: round(latency.plenary.p95),
						plenary_p99_ms: round(latency.plenary.p99)
					}
				: {}),
			rss_mb: round(peakRssKb / 1024),
			rss_idle_mb: round(idleRssKb / 1024),
			cpu_pct: round(serverCpu),
			cpu_ms_per_edit: round((((cpu1.server - cpu0.server) / ticks) * 1000) / Math.max(1, latency.edits), 2),
			join_ms: round(joins.p95),
			join_p50_ms: round(joins.p50),
			join_p95_ms: round(joins.p95),
			join_max_ms: round(joins.max),
			...(kind === 'datadialog' ? { join_http_p95_ms: round(summarise(joinPhases.http).p95) } : {}),
			join_connect_p95_ms: round(summarise(joinPhases.connect).p95),
			...(kind === 'datadialog' ? { join_transport_p95_ms: round(summarise(joinPhases.transport).p95) } : {}),
			join_sync_p95_ms: round(summarise(joinPhases.sync).p95),
			generator_join_late_p95_ms: round(summarise(joinPhases.late).p95),
			server_join_loop_p99_ms: round(joinProbe?.loop_p99_ms ?? NaN),
			server_join_loop_max_ms: round(joinProbe?.loop_max_ms ?? NaN),
			server_join_cpu_pct: round(((joinCpu1.server - joinCpu0.server) / ticks / ((joinCpu1.us - joinCpu0.us) / 1e6)) * 100),
			generator_join_loop_p99_ms: round(Math.max(...joinLoops.map((l) => l.p99_ms))),
			edits: latency.edits,
			edits_per_s: round(latency.edits / durationS),
			deliveries: latency.deliveries,
			missing: latency.missing,
			...(kind === 'datadialog' ? { ack_p50_ms: round(acks.p50), ack_p95_ms: round(acks.p95), ack_p99_ms: round(acks.p99) } : {}),
			...(kind === 'datadialog'
				? { votes: votes.count, vote_p50_ms: round(votes.p50), vote_p95_ms: round(votes.p95) }
				: {
						votes: latency.byAction.vote?.count ?? 0,
						vote_p50_ms: round(latency.byAction.vote?.p50 ?? NaN),
						vote_p95_ms: round(latency.byAction.vote?.p95 ?? NaN)
					}),
			by_action_p95_ms: Object.fromEntries(Object.entries(latency.byAction).map(([k, s]) => [k, round(s.p95)])),
			disconnects: counters.disconnects ?? 0,
			connect_retries: counters.connectRetries ?? 0,
			refused: counters.problems ?? 0,
			server_loop_p99_ms: round(probe1?.loop_p99_ms ?? NaN),
			server_loop_max_ms: round(probe1?.loop_max_ms ?? NaN),
			generator_cpu_pct: round(generatorCpu),
			generator_loop_p99_ms: round(loopP99),
			generator_loop_max_ms: round(loopMax),
			other_processes_cpu_pct: round(othersCpu),
			other_processes_cpu_join_pct: round(othersBetween(joinCpu0, joinCpu1)),
			steal_pct: round(((cpu1.machine.steal - cpu0.machine.steal) / ticks / seconds) * 100),
			loadavg_1m: round(Math.max(load0, load1), 2)
		};
		progress(
			`${kind}: ${latency.edits} edits, p95 ${figures.p95_ms} ms, RSS ${figures.rss_mb} MB, CPU ${figures.cpu_pct}%` +
				(failures.length ? `, FAILURES: ${failures.join(' | ')}` : '')
		);
		return { server: kind, ok: failures.length === 0, failures, figures };
	} finally {
		await stopWorkers();
		cleanups.delete(stopWorkers);
		await server.stop();
		cleanups.delete(stopServer);
	}
}

/** Every round's result per server, in the order run. @type {Record<ServerKind, ServerResult[]>} */
const perRound = { datadialog: [], hocuspocus: [] };
let broken = false;
for (let round = 0; round < rounds && !interrupted; round++) {
	// Alternate who goes first, so a drift in the machine's noise hits both alike.
	const order = round % 2 === 0 ? servers : [...servers].reverse();
	for (const kind of order) {
		if (interrupted) break;
		if (rounds > 1) progress(`round ${round + 1} of ${rounds}`);
		let result;
		try {
			result = await runAgainst(kind);
		} catch (error) {
			progress(`${kind}: ${error instanceof Error ? error.message : String(error)}`);
			result = { server: kind, ok: false, failures: [String(error)], figures: {} };
		}
		if (!result.ok) broken = true;
		perRound[kind].push(result);
	}
}

/**
 * One result per server: with one round, that round; with several, each numeric figure's
 * median over the rounds (by_action figures too), failures from every round.
 * @param {ServerResult[]} runs
 * @returns {ServerResult | undefined}
 */
function combine(runs) {
	if (runs.length <= 1) return runs[0];
	/** @param {number[]} values */
	const median = (values) => {
		const sorted = [...values].sort((a, b) => a - b);
		const mid = Math.floor(sorted.length / 2);
		return sorted.length % 2 ? sorted[mid] : round(((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2, 2);
	};
	/** @param {Record<string, unknown>[]} figureSets */
	const merge = (figureSets) => {
		/** @type {Record<string, unknown>} */
		const merged = {};
		for (const key of new Set(figureSets.flatMap((f) => Object.keys(f)))) {
			const values = figureSets.map((f) => f[key]);
			if (values.every((v) => typeof v === 'number')) merged[key] = median(/** @type {number[]} */ (values));
			else if (values.every((v) => v && typeof v === 'object')) merged[key] = merge(/** @type {Record<string, unknown>[]} */ (values));
			else merged[key] = values.find((v) => v !== undefined);
		}
		return merged;
	};
	const figures = merge(runs.map((r) => r.figures));
	figures.rounds_p95_ms = runs.map((r) => r.figures.p95_ms ?? null);
	return {
		server: runs[0]?.server ?? 'datadialog',
		ok: runs.every((r) => r.ok),
		failures: runs.flatMap((r, i) => r.failures.map((f) => `round ${i + 1}: ${f}`)),
		figures
	};
}

/** @type {Partial<Record<ServerKind, ServerResult>>} */
const results = {};
for (const kind of servers) {
	const combined = combine(perRound[kind]);
	if (combined) results[kind] = combined;
}

// ---- report ----
const dd = results.datadialog?.figures ?? {};
const hp = results.hocuspocus?.figures ?? {};
/** @param {string} key */
const num = (key) => ({
	dd: typeof dd[key] === 'number' ? /** @type {number} */ (dd[key]) : null,
	hp: typeof hp[key] === 'number' ? /** @type {number} */ (hp[key]) : null
});
/** @param {string} key */
const ratio = (key) => {
	const { dd: a, hp: b } = num(key);
	return a !== null && b !== null && b > 0 ? round(a / b, 2) : null;
};

const conference = scenario === 'conference';
/** @type {[string, string][]} */
const rows = [
	[conference ? 'edit → all group members p50 (ms)' : 'edit → all p50 (ms)', 'p50_ms'],
	[conference ? 'edit → all group members p95 (ms)' : 'edit → all p95 (ms)', 'p95_ms'],
	[conference ? 'edit → all group members p99 (ms)' : 'edit → all p99 (ms)', 'p99_ms'],
	[conference ? 'edit → all group members max (ms)' : 'edit → all max (ms)', 'max_ms'],
	['per receiver p95 (ms)', 'pairs_p95_ms'],
	...(rounds > 1 ? /** @type {[string, string][]} */ ([['edit → all p95 per round (ms)', 'rounds_p95_ms']]) : []),
	...(conference
		? /** @type {[string, string][]} */ ([
				['edit → plenary view p50 (ms)', 'plenary_p50_ms'],
				['edit → plenary view p95 (ms)', 'plenary_p95_ms'],
				['edit → plenary view p99 (ms)', 'plenary_p99_ms']
			])
		: []),
	['join p50 (ms)', 'join_p50_ms'],
	['join p95 (ms)', 'join_p95_ms'],
	['  HTTP join p95 (ms)', 'join_http_p95_ms'],
	['  socket connect p95 (ms)', 'join_connect_p95_ms'],
	['    of which WebSocket open p95 (ms)', 'join_transport_p95_ms'],
	['  first sync p95 (ms)', 'join_sync_p95_ms'],
	['server CPU during joins (%)', 'server_join_cpu_pct'],
	['server event-loop lag p99, joins (ms)', 'server_join_loop_p99_ms'],
	['server event-loop lag max, joins (ms)', 'server_join_loop_max_ms'],
	['generator loop lag p99, joins (ms)', 'generator_join_loop_p99_ms'],
	['server RSS peak (MB)', 'rss_mb'],
	['server RSS idle (MB)', 'rss_idle_mb'],
	['server CPU (% of one core)', 'cpu_pct'],
	['server CPU per edit (ms)', 'cpu_ms_per_edit'],
	['server event-loop lag p99 (ms)', 'server_loop_p99_ms'],
	['server event-loop lag max (ms)', 'server_loop_max_ms'],
	['edits measured', 'edits'],
	['edits / s', 'edits_per_s'],
	['deliveries measured', 'deliveries'],
	['deliveries missing', 'missing'],
	['ack "stored" p95 (ms)', 'ack_p95_ms'],
	['dots cast', 'votes'],
	['dot p50 (ms) ¹', 'vote_p50_ms'],
	['dot p95 (ms) ¹', 'vote_p95_ms'],
	['disconnects', 'disconnects'],
	['connection attempts retried', 'connect_retries'],
	['generator CPU (% of one core)', 'generator_cpu_pct'],
	['generator event-loop lag p99 (ms)', 'generator_loop_p99_ms'],
	['generator join start late p95 (ms)', 'generator_join_late_p95_ms'],
	['other processes CPU, joins (%)', 'other_processes_cpu_join_pct'],
	['other processes CPU, measured (%)', 'other_processes_cpu_pct'],
	['CPU stolen by the hypervisor (%)', 'steal_pct']
];
const cpus = availableParallelism();
const cell = (/** @type {unknown} */ v, /** @type {number} */ w) => String(v ?? '–').padStart(w);
const lines = [];
lines.push('');
lines.push(
	conference
		? `Conference: ${participants} participants in ${plan.groups} groups of 5 (one workshop, one canvas:grupp-<n> per group) + 1 facilitator plenary view; ${durationS} s measured`
		: `${participants} participants in ${plan.workshops} workshops (canvas:plenary + map:plenary each); ${durationS} s measured`
);
if (rounds > 1) lines.push(`${rounds} rounds, servers taking turns; every figure is the median over the rounds`);
lines.push(
	`each person acts every 2–5 s (add/edit own card, move a factor, now and then a dot on one of ${VOTE_WISHES.length} wishes, ${VOTE_BUDGET} dots each); joins spread over ${rampS} s; ${workerCount} generator threads${niceness ? `; nice ${niceness}` : ''}`
);
lines.push('');
lines.push(`${'metric'.padEnd(36)}${cell('datadialog', 12)}${cell('hocuspocus', 12)}${cell('dd / hp', 10)}`);
lines.push('-'.repeat(70));
for (const [label, key] of rows) {
	if (dd[key] === undefined && hp[key] === undefined) continue;
	lines.push(`${label.padEnd(36)}${cell(dd[key], 12)}${cell(hp[key], 12)}${cell(ratio(key), 10)}`);
}
lines.push('');
lines.push(
	'edit → all = per edit, the time until the LAST other member of the document has it (primary figure); ' +
		'per receiver = every (edit, receiver) pair.'
);
lines.push(
	'¹ dot: Datadialog keeps ballots secret on the server, so a dot is a vote.cast command timed until it is stored and confirmed ' +
		'(everyone then gets the vote progress and their own view); Hocuspocus has no server-side ballot, so there a dot is a ' +
		'write to the shared document, timed until every other member has it (and counted among its edits).'
);
lines.push(
	'Hocuspocus runs in memory (no persistence extension installed); Datadialog stores every update in SQLite before acknowledging it.'
);

/** @type {Record<string, boolean | null>} */
const targets = {};
const has = (/** @type {string} */ key) => typeof dd[key] === 'number';
if (conference) {
	targets.members_p95_le_150ms = has('p95_ms') ? Number(dd.p95_ms) <= TARGETS.conference_members_p95_ms : null;
	targets.plenary_p95_le_500ms = has('plenary_p95_ms') ? Number(dd.plenary_p95_ms) <= TARGETS.conference_plenary_p95_ms : null;
} else {
	targets.p95_le_100ms = has('p95_ms') ? Number(dd.p95_ms) <= TARGETS.p95_ms : null;
	targets.p95_not_worse_than_hocuspocus = has('p95_ms') && typeof hp.p95_ms === 'number' ? Number(dd.p95_ms) <= Number(hp.p95_ms) : null;
	targets.rss_le_400mb = has('rss_mb') ? Number(dd.rss_mb) <= TARGETS.rss_mb : null;
	targets.join_p95_le_1s = has('join_p95_ms') ? Number(dd.join_p95_ms) <= TARGETS.join_ms : null;
}
lines.push('');
lines.push(
	`targets (Datadialog${conference ? ', conference' : ''}): ` +
		Object.entries(targets)
			.map(([k, v]) => `${k} ${v === null ? 'n/a' : v ? 'MET' : 'MISSED'}`)
			.join(', ')
);
for (const kind of servers) {
	const gen = results[kind]?.figures ?? {};
	if (Number(gen.generator_loop_p99_ms) > 50 || Number(gen.generator_cpu_pct) > 85 * workerCount) {
		lines.push(
			`WARNING (${kind}): the load generator may be saturated (event-loop lag p99 ${gen.generator_loop_p99_ms} ms, CPU ${gen.generator_cpu_pct}%); latencies include its delay.`
		);
	}
	if (Number(gen.other_processes_cpu_pct) > 25 || Number(gen.other_processes_cpu_join_pct) > 25) {
		lines.push(
			`WARNING (${kind}): other processes on this machine used ${gen.other_processes_cpu_join_pct}% CPU during the joins and ` +
				`${gen.other_processes_cpu_pct}% during the measured window (of ${cpus}00% available); figures are noisy.`
		);
	}
	for (const failure of results[kind]?.failures ?? []) lines.push(`FAILURE (${kind}): ${failure}`);
}
process.stdout.write(lines.join('\n') + '\n');

if (args.json) {
	/** @param {Record<string, unknown>} f */
	const pick = (f) => f;
	const summary = {
		participants,
		workshops: plan.workshops,
		scenario,
		...(conference ? { groups: plan.groups } : {}),
		duration_s: durationS,
		ramp_s: rampS,
		generator_threads: workerCount,
		rounds,
		nice: niceness,
		latency_definition: 'per edit, max over all other participants in the document (edit-to-all)',
		...(results.datadialog ? { datadialog: pick(dd) } : {}),
		...(results.hocuspocus ? { hocuspocus: pick(hp) } : {}),
		...(results.datadialog && results.hocuspocus
			? {
					ratio_dd_over_hp: {
						p50: ratio('p50_ms'),
						p95: ratio('p95_ms'),
						p99: ratio('p99_ms'),
						rss: ratio('rss_mb'),
						cpu: ratio('cpu_pct')
					}
				}
			: {}),
		targets,
		ok: !broken
	};
	process.stdout.write(JSON.stringify(summary) + '\n');
}
process.exit(broken ? 1 : 0);
