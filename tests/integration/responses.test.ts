import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { SyncClient } from '../../src/lib/client/sync-client';
import { readControl } from '../../src/lib/sync/control';
import { connectClient } from '../helpers/clients';
import { startServer, type RunningServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import { createWorkshop, joinWorkshop } from '../helpers/workshop-api';

/** Reflections, polls and the evaluation: anonymous answers checked and kept by the server. */
describe('anonymous answers from phones', () => {
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

	async function room(sectors: ('skola' | 'polis' | 'fritid')[]) {
		const w = await createWorkshop(server.url);
		const people = [];
		for (const sector of sectors) people.push(await joinWorkshop(server.url, w.code, { sector, displayName: `Person ${people.length}` }));
		const facilitator = connect(server.url, w.id, { facilitator: w.facilitatorSecret });
		const control = facilitator.open('control');
		await facilitator.whenSynced('control');
		const phones = people.map((p) => connect(server.url, w.id, { participant: p.session }));
		return { w, people, facilitator, control, phones };
	}

	const summaries = (doc: Y.Doc, phase: 'reflektion' | 'utvardering') => readControl(doc).responses[phase] ?? [];

	it('shows the closing reflection on every screen as an anonymous list with sectors and a word cloud', async () => {
		const { facilitator, control, phones, people } = await room(['skola', 'polis']);
		expect(await facilitator.command({ type: 'phase.set', phase: 'reflektion' })).toEqual({ ok: true });
		expect(
			await phones[0]!.command({ type: 'responses.answer', phase: 'reflektion', questionId: 'ta-med', value: 'Samverkan med polisen' })
		).toEqual({
			ok: true,
			value: { 'ta-med': 'Samverkan med polisen' }
		});
		await phones[1]!.command({ type: 'responses.answer', phase: 'reflektion', questionId: 'ta-med', value: 'Mer samverkan och data' });
		await waitFor(() => summaries(control.doc, 'reflektion')[0]?.respondents === 2, 'both answers to be summarised');
		const [summary] = summaries(control.doc, 'reflektion');
		expect(summary).toMatchObject({
			kind: 'open',
			entries: [
				{ sector: 'polis', text: 'Mer samverkan och data' },
				{ sector: 'skola', text: 'Samverkan med polisen' }
			]
		});
		expect(summary?.kind === 'open' && summary.words[0]).toEqual({ word: 'samverkan', count: 2 });
		// Nobody's identity reaches the shared document: no participant id, no display name.
		const shared = JSON.stringify(readControl(control.doc));
		for (const person of people) expect(shared).not.toContain(person.participantId);
		expect(shared).not.toContain('Person 0');
	});

	it('lets the facilitator set a quick poll and shows it as counts per choice', async () => {
		const { facilitator, control, phones } = await room(['skola', 'polis', 'fritid']);
		const poll = { id: 'tempo', kind: 'choice' as const, prompt: 'Hur var tempot?', choices: ['För långsamt', 'Lagom', 'För snabbt'] };
		expect(await facilitator.command({ type: 'responses.questions', phase: 'reflektion', questions: [poll] })).toEqual({ ok: true });
		await facilitator.command({ type: 'phase.set', phase: 'reflektion' });
		for (const [i, choice] of [1, 1, 2].entries()) {
			expect(await phones[i]!.command({ type: 'responses.answer', phase: 'reflektion', questionId: 'tempo', value: choice })).toMatchObject(
				{ ok: true }
			);
		}
		await waitFor(() => summaries(control.doc, 'reflektion')[0]?.respondents === 3, 'the poll to be counted');
		expect(summaries(control.doc, 'reflektion')[0]).toEqual({ questionId: 'tempo', kind: 'choice', respondents: 3, counts: [0, 2, 1] });
		expect(readControl(control.doc).surveys.reflektion).toEqual([poll]);
	});

	describe('a hostile client', () => {
		it('is counted once however often it answers: a new answer replaces its earlier one', async () => {
			const { facilitator, control, phones } = await room(['skola']);
			await facilitator.command({ type: 'phase.set', phase: 'utvardering' });
			for (const value of [5, 5, 1, 2])
				await phones[0]!.command({ type: 'responses.answer', phase: 'utvardering', questionId: 'nya-initiativ', value });
			await waitFor(() => summaries(control.doc, 'utvardering')[1]?.respondents === 1, 'the answer to be summarised');
			await new Promise((resolve) => setTimeout(resolve, 700));
			expect(summaries(control.doc, 'utvardering')[1]).toMatchObject({
				questionId: 'nya-initiativ',
				respondents: 1,
				counts: [0, 1, 0, 0, 0]
			});
		});

		it.each([
			['answers a question that does not exist', { questionId: 'finns-inte', value: 3 }, 'not_found', /no such question/],
			['sends a 10,000-character answer', { questionId: 'vilka-initiativ', value: 'x'.repeat(10_000) }, 'bad_request', /280/],
			['answers a scale with 6', { questionId: 'samverkan', value: 6 }, 'bad_request', /1 to 5/],
			['answers a scale with text', { questionId: 'samverkan', value: 'fem' }, 'bad_request', /does not fit/]
		] as const)('is refused when it %s, and nothing saved is lost', async (_what, answer, code, message) => {
			const { facilitator, control, phones } = await room(['skola', 'polis']);
			await facilitator.command({ type: 'phase.set', phase: 'utvardering' });
			await phones[1]!.command({ type: 'responses.answer', phase: 'utvardering', questionId: 'samverkan', value: 4 });
			const result = await phones[0]!.command({ type: 'responses.answer', phase: 'utvardering', ...answer } as never);
			expect(result).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) } });
			await waitFor(() => summaries(control.doc, 'utvardering')[0]?.respondents === 1, 'the saved answer to be summarised');
			await new Promise((resolve) => setTimeout(resolve, 700));
			expect(summaries(control.doc, 'utvardering')[0]).toMatchObject({ respondents: 1, counts: [0, 0, 0, 1, 0] });
		});

		it('cannot answer a phase that is not open, nor after it closed', async () => {
			const { facilitator, control, phones } = await room(['skola']);
			const early = await phones[0]!.command({ type: 'responses.answer', phase: 'reflektion', questionId: 'ta-med', value: 'För tidigt' });
			expect(early).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/phase-closed/) } });
			await facilitator.command({ type: 'phase.set', phase: 'reflektion' });
			await phones[0]!.command({ type: 'responses.answer', phase: 'reflektion', questionId: 'ta-med', value: 'I tid' });
			await facilitator.command({ type: 'phase.set', phase: 'sammanfattning' });
			const late = await phones[0]!.command({ type: 'responses.answer', phase: 'reflektion', questionId: 'ta-med', value: 'Ändrat sent' });
			expect(late).toMatchObject({ ok: false, error: { code: 'forbidden' } });
			await waitFor(() => summaries(control.doc, 'reflektion')[0]?.respondents === 1, 'the answer in time to be kept');
			expect(summaries(control.doc, 'reflektion')[0]).toMatchObject({ entries: [{ sector: 'skola', text: 'I tid' }] });
		});

		it('cannot set the questions, and the facilitator cannot answer in anyone’s name', async () => {
			const { facilitator, control, phones } = await room(['skola']);
			const questions = [{ id: 'x', kind: 'open' as const, prompt: 'Kapad fråga' }];
			expect(await phones[0]!.command({ type: 'responses.questions', phase: 'reflektion', questions })).toMatchObject({
				ok: false,
				error: { code: 'forbidden', message: expect.stringMatching(/facilitator-only/) }
			});
			expect(readControl(control.doc).surveys).toEqual({});
			await facilitator.command({ type: 'phase.set', phase: 'reflektion' });
			expect(
				await facilitator.command({ type: 'responses.answer', phase: 'reflektion', questionId: 'ta-med', value: 'Ifylld av någon annan' })
			).toMatchObject({
				ok: false,
				error: { code: 'forbidden' }
			});
		});

		it('cannot read who answered: another person’s answers, a participant field or the ballots document are refused', async () => {
			const { facilitator, phones, people } = await room(['skola', 'polis']);
			await facilitator.command({ type: 'phase.set', phase: 'reflektion' });
			await phones[1]!.command({ type: 'responses.answer', phase: 'reflektion', questionId: 'ta-med', value: 'Hemligt svar' });
			// "mine" is always the sender's own, whatever else the command carries.
			expect(
				await phones[0]!.command({ type: 'responses.mine', phase: 'reflektion', participantId: people[1]!.participantId } as never)
			).toEqual({
				ok: true,
				value: {}
			});
			expect(
				await phones[0]!.command({
					type: 'responses.answer',
					phase: 'reflektion',
					questionId: 'ta-med',
					value: 'Som någon annan',
					participantId: people[1]!.participantId
				} as never)
			).toMatchObject({ ok: false, error: { code: 'bad_request' } });
			// The answers with their authors stay in the server-only ballots document.
			expect(await phones[0]!.socket.emitWithAck('doc:open', 'ballots')).toMatchObject({ ok: false });
		});

		it('keeps the questions once someone has answered them', async () => {
			const { facilitator, phones } = await room(['skola']);
			await facilitator.command({ type: 'phase.set', phase: 'reflektion' });
			await phones[0]!.command({ type: 'responses.answer', phase: 'reflektion', questionId: 'ta-med', value: 'Svar' });
			expect(await facilitator.command({ type: 'responses.questions', phase: 'reflektion', questions: null })).toMatchObject({
				ok: false,
				error: { code: 'conflict', message: expect.stringMatching(/already answered/) }
			});
		});
	});

	it('keeps who answered across a restart, so an answer after it still replaces the earlier one', async () => {
		const { w, facilitator, phones, people } = await room(['skola']);
		await facilitator.command({ type: 'phase.set', phase: 'utvardering' });
		await phones[0]!.command({ type: 'responses.answer', phase: 'utvardering', questionId: 'samverkan', value: 2 });
		clients.splice(0).forEach((c) => c.destroy());
		const { dataDir, port } = server;
		await server.stop();
		server = await startServer({ dataDir, port });
		const again = connect(server.url, w.id, { participant: people[0]!.session });
		expect(await again.command({ type: 'responses.mine', phase: 'utvardering' })).toEqual({ ok: true, value: { samverkan: 2 } });
		await again.command({ type: 'responses.answer', phase: 'utvardering', questionId: 'samverkan', value: 5 });
		const watcher = connect(server.url, w.id, { facilitator: w.facilitatorSecret });
		const control = watcher.open('control');
		await waitFor(() => {
			const summary = summaries(control.doc, 'utvardering')[0];
			return summary?.kind === 'scale' && summary.counts[4] === 1;
		}, 'the changed answer to be summarised');
		expect(summaries(control.doc, 'utvardering')[0]).toMatchObject({ respondents: 1, agree: 1 });
	});
});
