// Load benchmark: real Datadialog server vs. @hocuspocus/server 3.4 (in memory, and with
// its SQLite persistence extension) under the same load.
//
//   node bench/run.js [--participants N] [--workshops W] [--duration S] [--ramp S]
//                     [--scenario workshops|conference|storm] [--knee [--steps N,N,...]]
//                     [--quick] [--json] [--only datadialog,hocuspocus,hocuspocus-sqlite]
//                     [--workers K] [--seed N] [--cpu-prof DIR] [--rounds R]
//
// Each server runs as a child process on 127.0.0.1; simulated people are real socket.io
// clients (Datadialog) and WebSocket clients speaking Hocuspocus' protocol in K worker
// threads (default 2), following bench/load/plan.js and bench/load/behaviour.js. With
// --rounds R the servers take turns R times (in reverse order every other round) and each
// figure is the median over the rounds, so a noisy minute on a shared machine weighs on
// all and decides nothing. --knee steps the number of people; --scenario storm has people
// join while others work. See bench/load/README.md for what is measured and how. Progress
// goes to stderr; the table to
// stdout; with --json the last stdout line is one JSON object.
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { availableParallelism, loadavg, setPriority } from 'node:os';
import { analyse } from './load/analyse.js';
import { VOTE_BUDGET, VOTE_WISHES } from './load/behaviour.js';
import { DatadialogClient } from './load/datadialog-client.js';
import { conferencePlan, stormPlan, workshopsPlan } from './load/plan.js';
import { RssSampler, clockTicksPerSecond, cpuTicks, machineTicks, rssKb, startServer } from './load/servers.js';
import { nowUs, round, summarise } from './load/stats.js';

/** @typedef {import('./load/servers.js').ServerKind} ServerKind */
/** @type {ServerKind[]} */
const SERVER_KINDS = ['datadialog', 'hocuspocus', 'hocuspocus-sqlite'];
/** Column headings. */
const LABELS = /** @type {Record<ServerKind, string>} */ ({
	datadialog: 'DD',
	hocuspocus: 'HP (memory)',
	'hocuspocus-sqlite': 'HP+SQLite'
});

const { values: args } = parseArgs({
	options: {
		participants: { type: 'string' },
		workshops: { type: 'string' },
		duration: { type: 'string' },
		ramp: { type: 'string' },
		scenario: { type: 'string', default: 'workshops' },
		knee: { type: 'boolean', default: false },
		steps: { type: 'string' },
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
			'                         [--scenario workshops|conference|storm] [--knee [--steps 500,1000,...]] [--quick] [--json]\n' +
			'                         [--only datadialog,hocuspocus,hocuspocus-sqlite] [--workers K] [--seed N] [--cpu-prof DIR] [--nice=-N]\n' +
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

const SCENARIOS = ['workshops', 'conference', 'storm'];
const scenario = /** @type {'workshops' | 'conference' | 'storm'} */ (args.scenario);
if (!SCENARIOS.includes(scenario)) {
	process.stderr.write('--scenario must be workshops, conference or storm\n');
	process.exit(2);
}
/** @type {ServerKind[]} */
const servers = args.only ? /** @type {ServerKind[]} */ ([...new Set(args.only.split(',').map((s) => s.trim()))]) : [...SERVER_KINDS];
if (servers.length === 0 || servers.some((kind) => !SERVER_KINDS.includes(kind))) {
	process.stderr.write(`--only takes one or more of ${SERVER_KINDS.join(', ')} (comma-separated)\n`);
	process.exit(2);
}
servers.sort((a, b) => SERVER_KINDS.indexOf(a) - SERVER_KINDS.indexOf(b));
const knee = args.knee;
if (knee && scenario !== 'workshops') {
	process.stderr.write('--knee steps the workshops scenario only\n');
	process.exit(2);
}
const quick = args.quick;
const conference = scenario === 'conference';
const storm = scenario === 'storm';
const participants = Math.round(
	positive(args.participants, conference ? (quick ? 60 : 300) : storm ? (quick ? 100 : 1000) : quick ? 60 : 500, 'participants')
);
const workshopCount = conference
	? 1
	: Math.min(
			participants,
			Math.round(positive(args.workshops, storm ? Math.max(1, Math.round(participants / 20)) : quick ? 6 : 25, 'workshops'))
		);
const durationS = positive(args.duration, knee ? 20 : quick ? 15 : 60, 'duration');
const rampFor = (/** @type {number} */ n) => positive(args.ramp, quick ? 2 : Math.min(30, Math.max(3, n / 40)), 'ramp');
const rampS = rampFor(participants);
const workerCount = Math.min(8, Math.round(positive(args.workers, 2, 'workers')));
const rounds = Math.min(9, Math.round(positive(args.rounds, 1, 'rounds')));
const seed = Math.round(positive(args.seed, 20261123, 'seed'));
const settleMs = quick ? 500 : 2000;
const drainMs = quick ? 2000 : 4000;
const syncTimeoutMs = 30_000;
/** Knee: people per step (20 per workshop). */
const kneeSteps = (args.steps ?? (quick ? '60,120' : '500,1000,1500,2000,3000')).split(',').map((v) => Math.round(positive(v, 0, 'steps')));
/** Storm: half as many again join, in new workshops of 20, within 10 s, after `before` seconds of the window. */
const STORM = {
	joiners: Math.round(participants / 2),
	joinerWorkshops: Math.max(1, Math.round(participants / 2 / 20)),
	beforeS: quick ? 8 : 20,
	stormS: quick ? 5 : 10,
	afterS: quick ? 5 : 10
};
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

/**
 * One load configuration: the plan and its timings.
 * @typedef {object} LoadConfig
 * @property {import('./load/plan.js').Plan} plan
 * @property {number} durationS  measured window (storm: before + storm + after)
 * @property {number} rampS
 * @property {typeof STORM | null} storm
 */

/** @param {number} n @param {number} w @returns {LoadConfig} */
const workshopsConfig = (n, w) => ({
	plan: workshopsPlan({ participants: n, workshops: w, rampMs: rampFor(n) * 1000, seed }),
	durationS,
	rampS: rampFor(n),
	storm: null
});

/** @type {LoadConfig} */
const mainConfig = conference
	? { plan: conferencePlan({ participants, groupSize: 5, rampMs: rampS * 1000, seed }), durationS, rampS, storm: null }
	: storm
		? {
				plan: stormPlan({ participants, workshops: workshopCount, ...STORM, rampMs: rampS * 1000, stormMs: STORM.stormS * 1000, seed }),
				durationS: STORM.beforeS + STORM.stormS + STORM.afterS,
				rampS,
				storm: STORM
			}
		: workshopsConfig(participants, workshopCount);
const plan = mainConfig.plan;

/** The workshop phase the Datadialog workshops are moved to before anyone joins. */
const CARD_PHASE = 'nasta-steg';

/** The capacity issue's targets for Datadialog (bench/load/README.md, "Targets"). */
const TARGETS = {
	p95_ms: 100,
	/** At 2,000 people and more. */
	rss_mb: 250,
	/** Join p95 at most this many times in-memory Hocuspocus's (500 people). */
	join_vs_hocuspocus: 2,
	/** The active workshops' p95 during a join storm at most this many times before it. */
	storm_ratio: 2,
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

/** `groups.create` takes at most this many groups (src/lib/sync/method-commands.ts). */
const GROUPS_CREATE_MAX = 100;

/**
 * Runs the whole plan against one server.
 * @param {ServerKind} kind
 * @param {LoadConfig} [cfg]
 * @returns {Promise<ServerResult>}
 */
async function runAgainst(kind, cfg = mainConfig) {
	const { plan, durationS, rampS } = cfg;
	const wave0 = plan.clients.filter((c) => (c.wave ?? 0) === 0);
	const wave1 = plan.clients.filter((c) => (c.wave ?? 0) === 1);
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
						if (plan.groups) await facilitator.command({ type: 'groups.create', count: Math.min(plan.groups, GROUPS_CREATE_MAX) }, 10_000);
						// groups.create stops at 100 groups (beyond that the app splits present people with
						// groups.split). A participant may also open a canvas the workshop has stored, so the
						// facilitator writes a first card on each further group canvas.
						for (let g = GROUPS_CREATE_MAX + 1; g <= plan.groups; g++) {
							facilitator.open(`canvas:grupp-${g}`);
							await facilitator.whenSynced(`canvas:grupp-${g}`, 10_000);
							facilitator.edit(`canvas:grupp-${g}`, {
								type: 'card.add',
								id: `start-${g}`,
								kind: 'samverkan',
								text: `Grupp ${g}: vad vet vi redan?`
							});
						}
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
		/** Storm joiners (wave 1). @type {Map<number, number>} */
		const stormJoinUs = new Map();
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
				if (message.type === 'joined' && message.wave === 1) {
					stormJoinUs.set(message.idx, message.joinUs);
				} else if (message.type === 'joined') {
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
		for (const worker of workers) worker.postMessage({ type: 'start', epochUs, wave: 0 });
		progress(`${kind}: ${wave0.length} clients joining over ${rampS} s with ${workerCount} worker threads`);
		const joinDeadline = Date.now() + rampS * 1000 + syncTimeoutMs + 5000;
		while (joinUs.size + joinErrors.length < wave0.length && Date.now() < joinDeadline && !interrupted) {
			if (!server.alive()) throw new Error(`${kind} server died during the joins:\n${server.logs.slice(-20).join('\n')}`);
			if (fatal.length) throw new Error(`generator failed: ${fatal[0]}`);
			await sleep(100);
		}
		const notJoined = wave0.length - joinUs.size;
		if (notJoined > 0) {
			failures.push(`${notJoined} of ${wave0.length} clients never synced`);
			for (const error of joinErrors.slice(0, 5)) failures.push(error);
		}
		const joinCpu1 = { server: cpuTicks(server.pid), self: cpuTicks('self'), machine: machineTicks(), us: nowUs() };
		const joinProbe = await server.probe();
		progress(`${kind}: ${joinUs.size}/${wave0.length} synced; measuring ${durationS} s`);

		const fromUs = nowUs() + settleMs * 1000;
		const toUs = fromUs + durationS * 1000 * 1000;
		for (const worker of workers) worker.postMessage({ type: 'measure', fromUs, toUs });
		await sleep(settleMs);
		const probe0 = await server.probe(); // resets the server's event-loop histogram
		if (!probe0) failures.push('the server probe did not answer');
		const cpu0 = { server: cpuTicks(server.pid), self: cpuTicks('self'), machine: machineTicks(), us: nowUs() };
		const load0 = loadavg()[0] ?? 0;
		/** Storm: server CPU and loop lag per phase (before, during, after). @type {{ cpu: typeof cpu0, probe: Record<string, number> | null }[]} */
		const stormMarks = [];
		const stormJoinErrors0 = joinErrors.length;
		if (cfg.storm) {
			const { beforeS, stormS } = cfg.storm;
			await sleep(fromUs + beforeS * 1e6 - nowUs() > 0 ? (fromUs + beforeS * 1e6 - nowUs()) / 1000 : 0);
			const stormEpochUs = nowUs();
			for (const worker of workers) worker.postMessage({ type: 'start', epochUs: stormEpochUs, wave: 1 });
			stormMarks.push({
				cpu: { server: cpuTicks(server.pid), self: cpuTicks('self'), machine: machineTicks(), us: stormEpochUs },
				probe: await server.probe()
			});
			progress(`${kind}: storm: ${wave1.length} more people joining within ${stormS} s`);
			await sleep((stormEpochUs + stormS * 1e6 - nowUs()) / 1000);
			stormMarks.push({
				cpu: { server: cpuTicks(server.pid), self: cpuTicks('self'), machine: machineTicks(), us: nowUs() },
				probe: await server.probe()
			});
		}
		await sleep((toUs - nowUs()) / 1000);
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

		const activeDoc = (/** @type {import('./load/plan.js').DocPlan} */ doc) => (doc.wave ?? 0) === 0;
		const latency = analyse({
			sends: reports.map((r) => r.sends),
			receives: reports.map((r) => r.receives),
			mappings: kind === 'datadialog' ? reports.map((r) => r.mappings) : null,
			plan,
			docFilter: activeDoc
		});
		/** Storm: the active workshops' latency per phase, and the joiners' join times. @type {Record<string, unknown>} */
		let stormFigures = {};
		if (cfg.storm) {
			const { beforeS, stormS } = cfg.storm;
			const bounds = [fromUs, fromUs + beforeS * 1e6, fromUs + (beforeS + stormS) * 1e6, toUs];
			const names = ['before', 'during', 'after'];
			const marks = [{ cpu: cpu0, probe: null }, ...stormMarks, { cpu: cpu1, probe: probe1 }];
			const ticksPerS = clockTicksPerSecond();
			names.forEach((name, i) => {
				const part = analyse({
					sends: reports.map((r) => r.sends),
					receives: reports.map((r) => r.receives),
					mappings: kind === 'datadialog' ? reports.map((r) => r.mappings) : null,
					plan,
					docFilter: activeDoc,
					fromUs: /** @type {number} */ (bounds[i]),
					toUs: /** @type {number} */ (bounds[i + 1])
				});
				const a = marks[i]?.cpu;
				const b = marks[i + 1]?.cpu;
				stormFigures[`${name}_p50_ms`] = round(part.toAll.p50);
				stormFigures[`${name}_p95_ms`] = round(part.toAll.p95);
				stormFigures[`${name}_p99_ms`] = round(part.toAll.p99);
				stormFigures[`${name}_edits`] = part.edits;
				stormFigures[`${name}_missing`] = part.missing;
				if (a && b) stormFigures[`${name}_server_cpu_pct`] = round(((b.server - a.server) / ticksPerS / ((b.us - a.us) / 1e6)) * 100);
				if (a && b) stormFigures[`${name}_generator_cpu_pct`] = round(((b.self - a.self) / ticksPerS / ((b.us - a.us) / 1e6)) * 100);
				const probe = marks[i + 1]?.probe;
				if (probe) stormFigures[`${name}_server_loop_p99_ms`] = round(probe.loop_p99_ms ?? NaN);
			});
			const stormJoins = summarise([...stormJoinUs.values()].map((us) => us / 1000));
			stormFigures.joiners = wave1.length;
			stormFigures.joiners_synced = stormJoinUs.size;
			stormFigures.joiners_join_p50_ms = round(stormJoins.p50);
			stormFigures.joiners_join_p95_ms = round(stormJoins.p95);
			stormFigures.joiners_join_max_ms = round(stormJoins.max);
			if (stormJoinUs.size < wave1.length) {
				failures.push(`storm: ${wave1.length - stormJoinUs.size} of ${wave1.length} joiners never synced`);
				for (const error of joinErrors.slice(stormJoinErrors0, stormJoinErrors0 + 3)) failures.push(error);
			}
		}
		if (latency.edits === 0) failures.push('no edits were measured');
		/** Every edit sent in the window (storm: the joiners' too), for the per-edit CPU figures. */
		const sentInWindow = Math.max(
			1,
			reports.reduce((n, r) => n + r.sends.length / 6, 0)
		);
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
			cpu_ms_per_edit: round((((cpu1.server - cpu0.server) / ticks) * 1000) / sentInWindow, 2),
			// The same user actions on every server: Hocuspocus's dots are among its edits, Datadialog's are vote.cast commands.
			cpu_ms_per_action: round(
				(((cpu1.server - cpu0.server) / ticks) * 1000) / (sentInWindow + (kind === 'datadialog' ? votes.count : 0)),
				2
			),
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
			generator_join_cpu_pct: round(((joinCpu1.self - joinCpu0.self) / ticks / ((joinCpu1.us - joinCpu0.us) / 1e6)) * 100),
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
			generator_cpu_ms_per_edit: round((((cpu1.self - cpu0.self) / ticks) * 1000) / sentInWindow, 2),
			generator_loop_p99_ms: round(loopP99),
			generator_loop_max_ms: round(loopMax),
			other_processes_cpu_pct: round(othersCpu),
			other_processes_cpu_join_pct: round(othersBetween(joinCpu0, joinCpu1)),
			steal_pct: round(((cpu1.machine.steal - cpu0.machine.steal) / ticks / seconds) * 100),
			loadavg_1m: round(Math.max(load0, load1), 2),
			...(cfg.storm ? { storm: stormFigures } : {}),
			...(kind === 'datadialog'
				? {}
				: {
						persistence: server.listening.persistence ?? 'memory',
						debounce_ms: server.listening.debounce_ms ?? null,
						max_debounce_ms: server.listening.max_debounce_ms ?? null
					})
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

/**
 * What a crash of the server process loses, by how it stores documents.
 * @param {ServerKind} kind @param {Record<string, unknown>} figures
 */
function crashLoss(kind, figures) {
	if (kind === 'datadialog') return 'nothing acknowledged: every update is stored in SQLite before the server acks it';
	if (kind === 'hocuspocus') return 'everything: documents live in memory only';
	const debounce = Number(figures.debounce_ms);
	const max = Number(figures.max_debounce_ms);
	return (
		`up to ${max / 1000} s of edits per document: the extension stores the whole document ${debounce / 1000} s after its last change, ` +
		`but while people keep editing only every ${max / 1000} s (server defaults debounce ${debounce} ms, maxDebounce ${max} ms, read from the running server); ` +
		'the write itself is not awaited'
	);
}

/** @param {Record<string, unknown>} figures @param {string} key dotted path */
const figureAt = (figures, key) =>
	key.split('.').reduce((/** @type {any} */ value, part) => (value && typeof value === 'object' ? value[part] : undefined), figures);

/** Sums up generator trouble and other processes' CPU for one run, and its failures. @param {ServerKind} kind @param {ServerResult | undefined} result */
function warnings(kind, result) {
	const gen = result?.figures ?? {};
	const lines = [];
	if (Number(gen.generator_loop_p99_ms) > 50 || Number(gen.generator_cpu_pct) > 85 * workerCount) {
		lines.push(
			`WARNING (${kind}): the load generator may be saturated (event-loop lag p99 ${gen.generator_loop_p99_ms} ms, CPU ${gen.generator_cpu_pct}%); latencies include its delay.`
		);
	}
	if (Number(gen.other_processes_cpu_pct) > 25 || Number(gen.other_processes_cpu_join_pct) > 25) {
		lines.push(
			`WARNING (${kind}): other processes on this machine used ${gen.other_processes_cpu_join_pct}% CPU during the joins and ` +
				`${gen.other_processes_cpu_pct}% during the measured window (of ${availableParallelism()}00% available); figures are noisy.`
		);
	}
	for (const failure of result?.failures ?? []) lines.push(`FAILURE (${kind}): ${failure}`);
	return lines;
}

/** @param {string} kind @param {unknown} error @returns {ServerResult} */
function crashed(kind, error) {
	progress(`${kind}: ${error instanceof Error ? error.message : String(error)}`);
	return { server: /** @type {ServerKind} */ (kind), ok: false, failures: [String(error)], figures: {} };
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

const cell = (/** @type {unknown} */ v, /** @type {number} */ w) => String(Array.isArray(v) ? v.join(' ') : (v ?? '–')).padStart(w);
const others = servers.filter((kind) => kind !== 'datadialog');
const withRatio = servers.includes('datadialog') ? others : [];
const RATIO_LABELS = /** @type {Record<ServerKind, string>} */ ({ datadialog: '', hocuspocus: 'DD/HP', 'hocuspocus-sqlite': 'DD/HP+SQL' });

if (knee) {
	// ---- knee: step the people, per server the largest count that still met p95 ≤ 100 ms with nothing missing ----
	/** @type {Record<string, { n: number, result: ServerResult, pass: boolean }[]>} */
	const steps = Object.fromEntries(servers.map((kind) => [kind, []]));
	/** @type {Record<string, number | null>} */
	const kneeOf = Object.fromEntries(servers.map((kind) => [kind, null]));
	const stepping = new Set(servers);
	for (const n of kneeSteps) {
		if (interrupted || stepping.size === 0) break;
		const cfg = workshopsConfig(n, Math.max(1, Math.round(n / 20)));
		for (const kind of servers) {
			if (!stepping.has(kind) || interrupted) continue;
			progress(`knee: ${n} people on ${kind}`);
			let result;
			try {
				result = await runAgainst(kind, cfg);
			} catch (error) {
				result = crashed(kind, error);
			}
			const f = result.figures;
			const pass = result.ok && typeof f.p95_ms === 'number' && f.p95_ms <= TARGETS.p95_ms && f.missing === 0;
			steps[kind]?.push({ n, result, pass });
			if (pass) kneeOf[kind] = n;
			else stepping.delete(kind); // it failed: stop stepping this server
		}
	}
	const lines = [''];
	lines.push(
		`Knee: people in workshops of 20, ${durationS} s measured per step; a step passes with edit → all p95 ≤ ${TARGETS.p95_ms} ms and no delivery missing`
	);
	lines.push('');
	lines.push(`${'people'.padEnd(8)}${servers.map((kind) => cell(LABELS[kind], 40)).join('')}`);
	lines.push(`${''.padEnd(8)}${servers.map(() => cell('p50/p95/p99 ms, CPU ms/edit, gen CPU %', 40)).join('')}`);
	lines.push('-'.repeat(8 + 40 * servers.length));
	for (const n of kneeSteps) {
		const row = servers.map((kind) => {
			const step = steps[kind]?.find((s) => s.n === n);
			if (!step) return cell('', 40);
			const f = step.result.figures;
			return cell(
				`${step.pass ? 'ok' : 'FAIL'} ${f.p50_ms ?? '–'}/${f.p95_ms ?? '–'}/${f.p99_ms ?? '–'}, ${f.cpu_ms_per_edit ?? '–'}, ${f.generator_cpu_pct ?? '–'}`,
				40
			);
		});
		if (row.every((c) => !c.trim())) continue;
		lines.push(`${String(n).padEnd(8)}${row.join('')}`);
	}
	lines.push('');
	for (const kind of servers) {
		const failed = steps[kind]?.find((step) => !step.pass)?.result.figures;
		const noisy =
			failed && (Number(failed.other_processes_cpu_pct) > 25 || Number(failed.generator_loop_p99_ms) > 50)
				? ` — the failing step ran with other processes at ${failed.other_processes_cpu_pct}% CPU and generator lag p99 ${failed.generator_loop_p99_ms} ms: confirm on a quiet machine`
				: '';
		lines.push(
			`knee ${LABELS[kind]}: ${kneeOf[kind] === null ? `below ${kneeSteps[0]} people` : `${kneeOf[kind]} people`}${kneeOf[kind] === kneeSteps[kneeSteps.length - 1] ? ' (the largest step tried)' : ''}${noisy}`
		);
	}
	for (const kind of servers) {
		for (const step of steps[kind] ?? []) {
			if (!step.pass) {
				const f = step.result.figures;
				lines.push(
					`${LABELS[kind]} failed at ${step.n}: p95 ${f.p95_ms ?? '–'} ms, ${f.missing ?? '–'} missing${step.result.failures.length ? `; ${step.result.failures.slice(0, 3).join(' | ')}` : ''}`
				);
			}
			for (const warning of warnings(kind, step.result).filter((w) => w.startsWith('WARNING'))) lines.push(`at ${step.n}: ${warning}`);
		}
	}
	if (kneeOf.datadialog !== undefined && kneeOf.hocuspocus !== undefined) {
		const met = (kneeOf.datadialog ?? 0) >= (kneeOf.hocuspocus ?? 0);
		lines.push('', `targets (Datadialog): knee_ge_hocuspocus ${met ? 'MET' : 'MISSED'}`);
	}
	process.stdout.write(lines.join('\n') + '\n');
	if (args.json) {
		const summary = {
			mode: 'knee',
			steps: kneeSteps,
			duration_s: durationS,
			generator_threads: workerCount,
			knee: kneeOf,
			runs: Object.fromEntries(
				servers.map((kind) => [
					kind,
					(steps[kind] ?? []).map((s) => ({ participants: s.n, pass: s.pass, failures: s.result.failures, ...s.result.figures }))
				])
			),
			ok: !interrupted
		};
		process.stdout.write(JSON.stringify(summary) + '\n');
	}
	process.exit(interrupted ? 130 : 0);
}

/** Every round's result per server, in the order run. @type {Record<string, ServerResult[]>} */
const perRound = Object.fromEntries(servers.map((kind) => [kind, []]));
let broken = false;
for (let round = 0; round < rounds && !interrupted; round++) {
	// Alternate the order, so a drift in the machine's noise hits every server alike.
	const order = round % 2 === 0 ? servers : [...servers].reverse();
	for (const kind of order) {
		if (interrupted) break;
		if (rounds > 1) progress(`round ${round + 1} of ${rounds}`);
		let result;
		try {
			result = await runAgainst(kind);
		} catch (error) {
			result = crashed(kind, error);
		}
		if (!result.ok) broken = true;
		perRound[kind]?.push(result);
	}
}

/** @type {Partial<Record<ServerKind, ServerResult>>} */
const results = {};
for (const kind of servers) {
	const combined = combine(perRound[kind] ?? []);
	if (combined) results[kind] = combined;
}

// ---- report ----
/** @param {ServerKind} kind */
const figuresOf = (kind) => results[kind]?.figures ?? {};
const dd = figuresOf('datadialog');
const hp = figuresOf('hocuspocus');
/** DD ÷ another server. @param {string} key @param {ServerKind} other */
const ratio = (key, other = 'hocuspocus') => {
	const a = figureAt(dd, key);
	const b = figureAt(figuresOf(other), key);
	return typeof a === 'number' && typeof b === 'number' && b > 0 ? round(a / b, 2) : null;
};

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
	...(storm
		? /** @type {[string, string][]} */ ([
				[`before the storm p50 (ms)`, 'storm.before_p50_ms'],
				[`before the storm p95 (ms)`, 'storm.before_p95_ms'],
				[`before the storm p99 (ms)`, 'storm.before_p99_ms'],
				[`during the storm p50 (ms)`, 'storm.during_p50_ms'],
				[`during the storm p95 (ms)`, 'storm.during_p95_ms'],
				[`during the storm p99 (ms)`, 'storm.during_p99_ms'],
				[`after the storm p95 (ms)`, 'storm.after_p95_ms'],
				['edits before / during / after', 'storm.before_edits'],
				['', 'storm.during_edits'],
				['', 'storm.after_edits'],
				['missing before / during / after', 'storm.before_missing'],
				['', 'storm.during_missing'],
				['', 'storm.after_missing'],
				['server CPU before / during (%)', 'storm.before_server_cpu_pct'],
				['', 'storm.during_server_cpu_pct'],
				['server loop lag p99 before / during (ms)', 'storm.before_server_loop_p99_ms'],
				['', 'storm.during_server_loop_p99_ms'],
				['generator CPU before / during (%)', 'storm.before_generator_cpu_pct'],
				['', 'storm.during_generator_cpu_pct'],
				['joiners synced', 'storm.joiners_synced'],
				['joiners join p50 (ms)', 'storm.joiners_join_p50_ms'],
				['joiners join p95 (ms)', 'storm.joiners_join_p95_ms'],
				['joiners join max (ms)', 'storm.joiners_join_max_ms']
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
	['generator CPU during joins (%)', 'generator_join_cpu_pct'],
	['generator loop lag p99, joins (ms)', 'generator_join_loop_p99_ms'],
	['server RSS peak (MB)', 'rss_mb'],
	['server RSS idle (MB)', 'rss_idle_mb'],
	['server CPU (% of one core)', 'cpu_pct'],
	['server CPU per edit (ms)', 'cpu_ms_per_edit'],
	['server CPU per action (ms) ²', 'cpu_ms_per_action'],
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
	['generator CPU per edit (ms, all receivers)', 'generator_cpu_ms_per_edit'],
	['generator event-loop lag p99 (ms)', 'generator_loop_p99_ms'],
	['generator join start late p95 (ms)', 'generator_join_late_p95_ms'],
	['other processes CPU, joins (%)', 'other_processes_cpu_join_pct'],
	['other processes CPU, measured (%)', 'other_processes_cpu_pct'],
	['CPU stolen by the hypervisor (%)', 'steal_pct']
];
const COL = 13;
const RCOL = 11;
const lines = [];
lines.push('');
if (conference) {
	const views = plan.clients.filter((c) => c.role === 'facilitator').length;
	lines.push(
		`Conference: ${participants} participants in ${plan.groups} groups of 5 (one workshop, one canvas:grupp-<n> per group) + the facilitator's plenary view of every group ` +
			`(${views === 1 ? 'one connection' : `${views} connections of ≤ ${Math.ceil(plan.groups / views)} canvases: Datadialog allows 200 open documents per connection`}); ${durationS} s measured`
	);
} else if (storm) {
	lines.push(
		`Storm: ${participants} participants active in ${workshopCount} workshops; after ${STORM.beforeS} s, ${STORM.joiners} more join ${STORM.joinerWorkshops} new workshops within ${STORM.stormS} s; ` +
			`latency over the active workshops, ${STORM.beforeS} s before, ${STORM.stormS} s during and ${STORM.afterS} s after the storm`
	);
} else {
	lines.push(`${participants} participants in ${plan.workshops} workshops (canvas:plenary + map:plenary each); ${durationS} s measured`);
}
if (rounds > 1) lines.push(`${rounds} rounds, servers taking turns; every figure is the median over the rounds`);
lines.push(
	`each person acts every 2–5 s (add/edit own card, move a factor, now and then a dot on one of ${VOTE_WISHES.length} wishes, ${VOTE_BUDGET} dots each); joins spread over ${rampS} s; ${workerCount} generator threads${niceness ? `; nice ${niceness}` : ''}`
);
lines.push('');
lines.push(
	`${'metric'.padEnd(40)}${servers.map((kind) => cell(LABELS[kind], COL)).join('')}${withRatio.map((kind) => cell(RATIO_LABELS[kind], RCOL)).join('')}`
);
lines.push('-'.repeat(40 + COL * servers.length + RCOL * withRatio.length));
for (const [label, key] of rows) {
	const values = servers.map((kind) => figureAt(figuresOf(kind), key));
	if (values.every((v) => v === undefined)) continue;
	lines.push(
		`${label.padEnd(40)}${values.map((v) => cell(v, COL)).join('')}${withRatio.map((kind) => cell(ratio(key, kind), RCOL)).join('')}`
	);
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
	"² action: an edit or a dot, the same actions on every server; per edit leaves Datadialog's dots out of the count but not their CPU. " +
		'The CPU target is read per action.'
);
lines.push('What a crash of the server loses:');
for (const kind of servers) lines.push(`  ${LABELS[kind].padEnd(12)} ${crashLoss(kind, figuresOf(kind))}`);

/** @type {Record<string, boolean | null>} */
const targets = {};
const has = (/** @type {string} */ key) => typeof dd[key] === 'number';
/** Datadialog's figure at most Hocuspocus-in-memory's times `factor`; null when either is missing. */
const noWorseThanHp = (/** @type {string} */ key, factor = 1) =>
	has(key) && typeof hp[key] === 'number' ? Number(dd[key]) <= factor * Number(hp[key]) : null;
if (conference) {
	targets.members_p95_le_150ms = has('p95_ms') ? Number(dd.p95_ms) <= TARGETS.conference_members_p95_ms : null;
	targets.plenary_p95_le_500ms = has('plenary_p95_ms') ? Number(dd.plenary_p95_ms) <= TARGETS.conference_plenary_p95_ms : null;
} else if (storm) {
	const before = figureAt(dd, 'storm.before_p95_ms');
	const during = figureAt(dd, 'storm.during_p95_ms');
	targets.storm_p95_during_le_2x_before =
		typeof before === 'number' && typeof during === 'number' ? during <= TARGETS.storm_ratio * before : null;
} else if (participants >= 2000) {
	targets.p95_le_100ms = has('p95_ms') ? Number(dd.p95_ms) <= TARGETS.p95_ms : null;
	targets.nothing_missing = has('missing') ? Number(dd.missing) === 0 : null;
	targets.loop_lag_p99_le_hocuspocus = noWorseThanHp('server_loop_p99_ms');
	targets.rss_le_250mb = has('rss_mb') ? Number(dd.rss_mb) <= TARGETS.rss_mb : null;
} else {
	targets.p95_le_hocuspocus = noWorseThanHp('p95_ms');
	targets.cpu_per_action_le_hocuspocus = noWorseThanHp('cpu_ms_per_action');
	targets.join_p95_le_2x_hocuspocus = noWorseThanHp('join_p95_ms', TARGETS.join_vs_hocuspocus);
}
lines.push('');
lines.push(
	`targets (Datadialog${conference ? ', conference' : ''}): ` +
		Object.entries(targets)
			.map(([k, v]) => `${k} ${v === null ? 'n/a' : v ? 'MET' : 'MISSED'}`)
			.join(', ')
);
for (const kind of servers) lines.push(...warnings(kind, results[kind]));
process.stdout.write(lines.join('\n') + '\n');

if (args.json) {
	const summary = {
		participants,
		workshops: plan.workshops,
		scenario,
		...(conference ? { groups: plan.groups, plenary_connections: plan.clients.filter((c) => c.role === 'facilitator').length } : {}),
		...(storm ? { storm: STORM } : {}),
		duration_s: durationS,
		ramp_s: rampS,
		generator_threads: workerCount,
		rounds,
		nice: niceness,
		latency_definition: 'per edit, max over all other participants in the document (edit-to-all)',
		...(results.datadialog ? { datadialog: dd } : {}),
		...(results.hocuspocus ? { hocuspocus: hp } : {}),
		...(results['hocuspocus-sqlite'] ? { hocuspocus_sqlite: figuresOf('hocuspocus-sqlite') } : {}),
		crash_loses: Object.fromEntries(servers.map((kind) => [kind, crashLoss(kind, figuresOf(kind))])),
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
		...(results.datadialog && results['hocuspocus-sqlite']
			? {
					ratio_dd_over_hp_sqlite: {
						p50: ratio('p50_ms', 'hocuspocus-sqlite'),
						p95: ratio('p95_ms', 'hocuspocus-sqlite'),
						p99: ratio('p99_ms', 'hocuspocus-sqlite'),
						rss: ratio('rss_mb', 'hocuspocus-sqlite'),
						cpu: ratio('cpu_pct', 'hocuspocus-sqlite')
					}
				}
			: {}),
		targets,
		ok: !broken
	};
	process.stdout.write(JSON.stringify(summary) + '\n');
}
process.exit(broken ? 1 : 0);
