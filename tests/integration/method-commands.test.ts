import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readCards } from '../../src/lib/sync/cards';
import { sendCard } from '../helpers/commands';
import { readControl } from '../../src/lib/sync/control';
import type { SyncClient } from '../../src/lib/client/sync-client';
import type { VoteView } from '../../src/lib/domain/method/vote-tally';
import type { Card } from '../../src/lib/domain/cards/card';
import { connectClient } from '../helpers/clients';
import { startServer, type RunningServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import { createWorkshop, joinWorkshop } from '../helpers/workshop-api';

const CANVAS = 'canvas:plenary';

describe('method commands are checked and carried out by the server', () => {
	let server: RunningServer;
	const clients: SyncClient[] = [];
	const connect = (...args: Parameters<typeof connectClient>) => {
		const c = connectClient(...args);
		clients.push(c);
		return c;
	};
	beforeAll(async () => {
		server = await startServer();
	});
	afterEach(() => clients.splice(0).forEach((c) => c.destroy()));
	afterAll(async () => server?.stop());

	async function room(participants = 2) {
		const w = await createWorkshop(server.url);
		const people = await Promise.all(Array.from({ length: participants }, () => joinWorkshop(server.url, w.code)));
		const facilitator = connect(server.url, w.id, { facilitator: w.facilitatorSecret });
		const control = facilitator.open('control');
		await facilitator.whenSynced('control');
		const sockets = people.map((p) => connect(server.url, w.id, { participant: p.session }));
		return { w, people, facilitator, control, sockets };
	}

	const card = (id: string, authorId: string, kind: Card['kind'] = 'onskvard'): Card => ({
		id,
		kind,
		text: `kort ${id}`,
		authorId,
		sector: 'skola',
		createdAt: new Date().toISOString()
	});

	it('lets the facilitator change phase and every participant sees it', async () => {
		const { facilitator, sockets } = await room(1);
		const participantControl = sockets[0]!.open('control');
		await sockets[0]!.whenSynced('control');
		expect(await facilitator.command({ type: 'phase.set', phase: 'onskvard' })).toEqual({ ok: true });
		await waitFor(() => readControl(participantControl.doc).live.phase === 'onskvard', 'the participant to follow the phase');
	});

	it.each([
		['change phase', { type: 'phase.set', phase: 'sammanfattning' }],
		['reveal', { type: 'reveal', phase: 'onskvard' }],
		['lock the board', { type: 'rules.set', phase: 'onskvard', rules: { locked: true } }],
		['open a vote', { type: 'vote.open' }],
		['close a vote', { type: 'vote.close' }],
		['summon everyone', { type: 'summon', summoned: true }],
		['split into groups', { type: 'groups.split' }]
	] as const)('refuses a participant who tries to %s', async (_what, command) => {
		const { sockets, control } = await room(1);
		const before = readControl(control.doc);
		const result = await sockets[0]!.command(command);
		expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		expect(readControl(control.doc)).toEqual(before);
	});

	it('answers a malformed command with bad_request', async () => {
		const { facilitator } = await room(0);
		const result = await facilitator.command({ type: 'phase.set', phase: 'nowhere' } as never);
		expect(result).toMatchObject({ ok: false, error: { code: 'bad_request' } });
	});

	it('refuses cards written ahead of the current phase, and accepts them once the phase is reached', async () => {
		const { w, facilitator, sockets, people } = await room(1);
		const doc = sockets[0]!.open(CANVAS);
		await sockets[0]!.whenSynced(CANVAS);
		const problems: string[] = [];
		sockets[0]!.onProblem((p) => problems.push(p.message));
		void sendCard(doc, card('early', people[0]!.participantId, 'nasta-steg'));
		await waitFor(() => problems.some((m) => m.includes('phase-not-reached')), 'the early card to be refused');

		await facilitator.command({ type: 'phase.set', phase: 'nasta-steg' });
		// A refused change stays in that replica only; a fresh page starts from the server's state.
		const fresh = connect(server.url, w.id, { participant: people[0]!.session });
		const freshDoc = fresh.open(CANVAS);
		await fresh.whenSynced(CANVAS);
		void sendCard(freshDoc, card('on-time', people[0]!.participantId, 'nasta-steg'));
		await fresh.flushed();
		const observer = facilitator.open(CANVAS);
		await facilitator.whenSynced(CANVAS);
		await waitFor(() => readCards(observer.doc).some((c) => c.id === 'on-time'), 'the on-time card to be stored');
		expect(readCards(observer.doc).some((c) => c.id === 'early')).toBe(false);
	});

	it('never lets concurrent dots exceed a participant’s budget, and keeps tallies hidden until closed', async () => {
		const { w, facilitator, sockets, people, control } = await room(2);
		const facilitatorCanvas = facilitator.open(CANVAS);
		await facilitator.whenSynced(CANVAS);
		await facilitator.command({ type: 'phase.set', phase: 'onskvard' });
		for (const id of ['w1', 'w2', 'w3', 'w4']) void sendCard(facilitatorCanvas, card(id, 'facilitator'));
		await facilitator.flushed();
		await facilitator.command({ type: 'phase.set', phase: 'prioritera' });
		expect(await facilitator.command({ type: 'vote.open', budget: 3 })).toEqual({ ok: true });

		const alice = sockets[0]!;
		const views: (VoteView | null)[] = [];
		alice.onVoteView((v) => views.push(v));
		// Eight dots at once from one participant (a double-clicking phone, or a script): only three count.
		const results = await Promise.all(
			['w1', 'w2', 'w3', 'w4', 'w1', 'w2', 'w3', 'w4'].map((cardId) => alice.command({ type: 'vote.cast', cardId }))
		);
		expect(results.filter((r) => r.ok)).toHaveLength(3);
		expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'conflict')).toBe(true);
		await sockets[1]!.command({ type: 'vote.cast', cardId: 'w1' });

		// Nobody, not even the control document everyone reads, shows counts while the vote is open.
		await waitFor(() => readControl(control.doc).vote?.progress.dots === 4, 'the progress to reach the facilitator');
		expect(readControl(control.doc).vote).toMatchObject({ status: 'open', tally: null, progress: { dots: 4, voters: 2 } });
		await waitFor(() => views.length > 0, 'alice to get her own view');
		expect(views.at(-1)).toMatchObject({ own: { used: 3, left: 0 }, tally: null, proxies: null });

		// After a dot only the voter's own screens get a new view; the others' progress comes with control.
		const bobTab = connect(server.url, w.id, { participant: people[1]!.session });
		const bobViews: (VoteView | null)[] = [];
		bobTab.onVoteView((v) => bobViews.push(v));
		await waitFor(() => bobTab.status === 'online', "bob's second tab to connect");
		const aliceViews = views.length;
		await sockets[1]!.command({ type: 'vote.cast', cardId: 'w1' });
		await waitFor(() => bobViews.some((v) => v?.own?.used === 2), "bob's other tab to get his view");
		await waitFor(() => readControl(control.doc).vote?.progress.dots === 5, 'the progress to reach the facilitator');
		expect(views).toHaveLength(aliceViews);

		// A reload (new connection) gets no extra dots.
		const reloaded = connect(server.url, w.id, { participant: people[0]!.session });
		expect(await reloaded.command({ type: 'vote.cast', cardId: 'w1' })).toMatchObject({ ok: false, error: { code: 'conflict' } });

		expect(await facilitator.command({ type: 'vote.close' })).toEqual({ ok: true });
		await waitFor(() => readControl(control.doc).vote?.status === 'closed', 'the vote to close');
		const tally = readControl(control.doc).vote!.tally!;
		expect(tally.reduce((sum, row) => sum + row.votes, 0)).toBe(5);
		expect(tally[0]).toMatchObject({ cardId: 'w1', votes: 3 });
	});

	it('sends a burst of dots to everyone as a few progress updates, not one per dot', async () => {
		const { facilitator, sockets, control } = await room(4);
		const facilitatorCanvas = facilitator.open(CANVAS);
		await facilitator.whenSynced(CANVAS);
		await facilitator.command({ type: 'phase.set', phase: 'onskvard' });
		for (const id of ['w1', 'w2', 'w3']) void sendCard(facilitatorCanvas, card(id, 'facilitator'));
		await facilitator.flushed();
		await facilitator.command({ type: 'phase.set', phase: 'prioritera' });
		expect(await facilitator.command({ type: 'vote.open', budget: 3 })).toEqual({ ok: true });
		await waitFor(() => readControl(control.doc).vote?.status === 'open', 'the vote to open');

		let controlUpdates = 0;
		control.onChange(() => controlUpdates++);
		const dots = sockets.flatMap((s) => ['w1', 'w2', 'w3'].map((cardId) => s.command({ type: 'vote.cast', cardId })));
		expect((await Promise.all(dots)).every((r) => r.ok)).toBe(true);
		await waitFor(() => readControl(control.doc).vote?.progress.dots === 12, 'the progress to show all twelve dots');
		expect(controlUpdates).toBeLessThanOrEqual(3);
	});

	it('lets the facilitator cast dots for a proxy voter without a device, within the proxy’s budget', async () => {
		const { facilitator } = await room(0);
		const canvas = facilitator.open(CANVAS);
		await facilitator.whenSynced(CANVAS);
		await facilitator.command({ type: 'phase.set', phase: 'onskvard' });
		void sendCard(canvas, card('w1', 'facilitator'));
		await facilitator.flushed();
		await facilitator.command({ type: 'vote.open', budget: 1 });
		await facilitator.command({ type: 'proxy.add', name: 'Gunnel (ingen telefon)' });
		const view = await facilitator.command({ type: 'vote.view' });
		const proxyId = (view as { ok: true; value: VoteView }).value.proxies![0]!.id;
		expect(await facilitator.command({ type: 'vote.cast', cardId: 'w1', voterId: proxyId })).toMatchObject({ ok: true });
		expect(await facilitator.command({ type: 'vote.cast', cardId: 'w1', voterId: proxyId })).toMatchObject({ ok: false });
		expect(await facilitator.command({ type: 'vote.cast', cardId: 'w1' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
	});

	it('keeps privately written cards off other devices until the facilitator reveals them', async () => {
		const { facilitator, sockets, people } = await room(2);
		await facilitator.command({ type: 'phase.set', phase: 'onskvard' });
		const [alice, bob] = sockets;
		const aliceDraft = alice!.open(`draft:${people[0]!.participantId}`);
		await alice!.whenSynced(`draft:${people[0]!.participantId}`);
		void sendCard(aliceDraft, card('secret', people[0]!.participantId));
		await alice!.flushed();

		// Bob can neither see it on the canvas nor open Alice's draft.
		const bobCanvas = bob!.open(CANVAS);
		await bob!.whenSynced(CANVAS);
		const problems: string[] = [];
		bob!.onProblem((p) => problems.push(p.code));
		bob!.open(`draft:${people[0]!.participantId}`);
		await waitFor(() => problems.includes('forbidden'), 'bob to be refused the draft');
		expect(readCards(bobCanvas.doc)).toEqual([]);

		expect(await facilitator.command({ type: 'reveal', phase: 'onskvard' })).toEqual({ ok: true });
		await waitFor(() => readCards(bobCanvas.doc).some((c) => c.id === 'secret'), 'the revealed card to reach bob');
		expect(readCards(aliceDraft.doc)).toEqual([]);
	});

	it('splits the people present into mixed groups of at most five', async () => {
		const { facilitator, sockets, control } = await room(7);
		await Promise.all(sockets.map((s) => (s.open('control'), s.whenSynced('control'))));
		await waitFor(async () => {
			await facilitator.command({ type: 'groups.split' });
			return readControl(control.doc).groups.flatMap((g) => g.memberIds).length === 7;
		}, 'everyone present to be grouped');
		const groups = readControl(control.doc).groups;
		expect(groups).toHaveLength(2);
		expect(groups.every((g) => g.memberIds.length <= 5)).toBe(true);
	});
});
