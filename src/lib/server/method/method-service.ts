import type { Card } from '$lib/domain/cards/card';
import { mergeCards } from '$lib/domain/cards/merge';
import { hideCard, unhideCard } from '$lib/domain/cards/moderation';
import {
	createGroups,
	joinGroup,
	mayChooseGroupQuestion,
	setGroupQuestion,
	splitByOrganisation,
	splitIntoGroups
} from '$lib/domain/method/groups';
import {
	goToPhase,
	markReady,
	setAgenda,
	setPhaseRules,
	setRevealed,
	setSummoned,
	setTimer,
	unmarkReady,
	type LiveState
} from '$lib/domain/method/live-state';
import type { VoteState } from '$lib/domain/method/dot-vote';
import { denyReason, type MethodAction } from '$lib/domain/method/permissions';
import { mergeGroupCanvases } from '$lib/domain/method/plenary-merge';
import { seededRandom } from '$lib/domain/method/seeded-random';
import { removeMap, restoreMap, type MapRemovalRefusal } from '$lib/domain/systemmap/map-removal';
import { checkSpotlight, type SpotlightInput, type SpotlightRefusal, type SpotlightTargets } from '$lib/domain/method/spotlight';
import { loopFromKey } from '$lib/domain/systemmap/loops';
import { addTime, createTimer, pauseTimer, resetTimer, startTimer } from '$lib/domain/method/timer';
import { timeboxOf } from '$lib/domain/method/agenda';
import { voteView, type VoteView } from '$lib/domain/method/vote-tally';
import type { Actor } from '$lib/domain/workshop/access';
import { PLENARY_CANVAS, canvasName, isStandingDoc, parseDocName } from '$lib/domain/workshop/documents';
import { isSector, workshopSectors, type Sector } from '$lib/domain/workshop/sectors';
import type { ResponsePhase } from '$lib/domain/responses/questions';
import { questionsFor } from '$lib/domain/responses/surveys';
import { deleteCards, putCard, readCards } from '$lib/sync/cards';
import { cardBoardOf } from '$lib/sync/doc-commands';
import { readControl, writeControl, type ControlSnapshot } from '$lib/sync/control';
import { INDICATORS_DOC, readIndicators } from '$lib/sync/indicators';
import { mapDocName, readMap } from '$lib/sync/map';
import type { MethodCommand } from '$lib/sync/method-commands';
import { log } from '../log';
import type { Storage } from '../persistence/storage';
import type { DocRegistry } from '../realtime/doc-registry';
import type { MethodActor } from '$lib/domain/method/method-actor';
import { KeyedQueue } from '../keyed-queue';
import { MethodError } from './method-error';
import { revealDrafts } from './reveal';
import { ResponseBox } from './response-box';
import { VoteBox } from './vote-box';

/** How often, at most, the public progress of a vote is rewritten while dots come in. */
const PROGRESS_INTERVAL_MS = 500;

export interface MethodServiceOptions {
	storage: Storage;
	docs: DocRegistry;
	/** Participants connected right now, for splitting into groups and readiness. */
	present: (workshopId: string) => Promise<{ id: string; sector: Sector }[]>;
	/**
	 * Called after the ballot changed, so connected people get their own view again:
	 * everyone when the vote itself changed, only `whose` view after a dot (everyone
	 * else's progress arrives with the public vote in the control document).
	 */
	onVoteChanged: (workshopId: string, whose: MethodActor | 'everyone') => void;
}

/**
 * Carries out method commands. Commands for one workshop run one at a time, so two
 * concurrent dots can never both pass the budget check; each is authorised with the
 * domain's permission rule against the current state before anything is written.
 */
export class MethodService {
	readonly #options: MethodServiceOptions;
	readonly #queue = new KeyedQueue();
	readonly #votes: VoteBox;
	/** Workshops whose vote progress is waiting to be published; see `#publishProgressSoon`. */
	readonly #progressDue = new Set<string>();
	readonly #responses: ResponseBox;
	/** Workshop and phase pairs whose answer summaries are waiting to be published; see `#publishSummariesSoon`. */
	readonly #summariesDue = new Set<string>();

	constructor(options: MethodServiceOptions) {
		this.#options = options;
		this.#votes = new VoteBox(options.docs);
		this.#responses = new ResponseBox(options.docs);
	}

	run(actor: Actor, command: MethodCommand): Promise<unknown> {
		return this.#queue.run(actor.workshopId, () => this.#execute(actor, command));
	}

	/**
	 * After a dot, the public progress ("12 dots from 5 people") reaches the control
	 * document at most every PROGRESS_INTERVAL_MS: in a room of 300, a write per dot
	 * would send every dot to every screen. The write waits its turn in the workshop's
	 * queue and reads the ballots then, so it can never undo a close or a reopen.
	 */
	#publishProgressSoon(workshopId: string): void {
		if (this.#progressDue.has(workshopId)) return;
		this.#progressDue.add(workshopId);
		setTimeout(() => {
			this.#progressDue.delete(workshopId);
			void this.#queue
				.run(workshopId, async () => {
					const vote = await this.#votes.read(workshopId);
					if (vote) await this.#writePublicVote(workshopId, vote);
				})
				.catch((error) => log.error('vote.progress_failed', { workshopId, error }));
		}, PROGRESS_INTERVAL_MS);
	}

	/**
	 * After an answer, the summaries of its phase reach the control document at most every
	 * PROGRESS_INTERVAL_MS, like a vote's progress: every summary carries the phase's open
	 * answers, so a write per answer would send each answer to every screen hundreds of times.
	 */
	#publishSummariesSoon(workshopId: string, phase: ResponsePhase): void {
		const key = `${workshopId}/${phase}`;
		if (this.#summariesDue.has(key)) return;
		this.#summariesDue.add(key);
		setTimeout(() => {
			this.#summariesDue.delete(key);
			void this.#queue
				.run(workshopId, () => this.#publishSummaries(workshopId, phase))
				.catch((error) => log.error('responses.publish_failed', { workshopId, phase, error }));
		}, PROGRESS_INTERVAL_MS);
	}

	async #publishSummaries(workshopId: string, phase: ResponsePhase): Promise<void> {
		const control = await this.#options.docs.get(workshopId, 'control');
		const snapshot = readControl(control.doc);
		const questions = questionsFor(phase, snapshot.surveys, { lang: 'sv', followUp: snapshot.followUp });
		const summaries = await this.#responses.summaries(workshopId, phase, questions);
		await this.#options.docs.transact(control, (doc) =>
			writeControl(doc, { responses: { ...readControl(doc).responses, [phase]: summaries } }, null)
		);
	}

	/** Stores the ballots; what everyone may see of them follows at once, or soon after a dot. */
	async #saveVote(workshopId: string, vote: VoteState, publicPart: 'now' | 'soon'): Promise<void> {
		await this.#votes.write(workshopId, vote);
		if (publicPart === 'now') await this.#writePublicVote(workshopId, vote);
		else this.#publishProgressSoon(workshopId);
	}

	async #writePublicVote(workshopId: string, vote: VoteState): Promise<void> {
		const control = await this.#options.docs.get(workshopId, 'control');
		await this.#options.docs.transact(control, (doc) => writeControl(doc, { vote: publicVote(vote) }, null));
	}

	/** What `actor` may see of the workshop's vote (their own dots; results once closed). */
	async voteViewFor(actor: Actor): Promise<VoteView | null> {
		const state = await this.#votes.read(actor.workshopId);
		return state ? voteView(state, actor) : null;
	}

	async #execute(actor: Actor, command: MethodCommand): Promise<unknown> {
		const { docs } = this.#options;
		const workshopId = actor.workshopId;
		const control = await docs.get(workshopId, 'control');
		const snapshot = readControl(control.doc);
		const vote = await this.#votes.read(workshopId);
		const allow = (action: MethodAction) => {
			const reason = denyReason(actor, action, { live: snapshot.live, vote });
			if (reason) throw new MethodError('forbidden', `not allowed: ${reason}`, reason);
		};
		const write = (patch: Partial<ControlSnapshot>) => docs.transact(control, (doc) => writeControl(doc, patch, null));
		const live = (next: LiveState) => write({ live: next });
		const now = Date.now();

		switch (command.type) {
			case 'phase.set': {
				allow({ type: 'change-phase' });
				await live(goToPhase(snapshot.live, command.phase));
				await this.#options.storage.workshops.update(workshopId, { phase: command.phase });
				return;
			}
			case 'agenda.set': {
				allow({ type: 'edit-agenda' });
				const result = setAgenda(snapshot.live, command.agenda);
				if (!result.ok) throw new MethodError('bad_request', `invalid agenda: ${result.error}`);
				return live(result.value);
			}
			case 'rules.set':
				allow({ type: 'set-phase-rules' });
				return live(setPhaseRules(snapshot.live, command.phase, command.rules));
			case 'reveal':
				allow({ type: 'reveal' });
				await revealDrafts({ docs, storage: this.#options.storage, workshopId, phase: command.phase });
				return live(setRevealed(snapshot.live, command.phase, true));
			case 'timer.start':
			case 'timer.pause':
			case 'timer.reset':
			case 'timer.add':
			case 'timer.set': {
				allow({ type: 'control-timer' });
				const current = snapshot.live.timer ?? createTimer(timeboxOf(snapshot.live.agenda, snapshot.live.phase) ?? 10);
				const timer =
					command.type === 'timer.start'
						? startTimer(current, now)
						: command.type === 'timer.pause'
							? pauseTimer(current, now)
							: command.type === 'timer.reset'
								? resetTimer(current)
								: command.type === 'timer.add'
									? addTime(current, command.minutes, now)
									: createTimer(command.minutes);
				return live(setTimer(snapshot.live, timer));
			}
			case 'summon':
				allow({ type: 'summon' });
				return live(setSummoned(snapshot.live, command.summoned));
			case 'preparation.set':
				allow({ type: 'edit-preparation' });
				return write({ preparation: command.preparation });
			case 'ready.set': {
				if (actor.role !== 'participant') throw new MethodError('forbidden', 'only participants mark themselves ready');
				allow({ type: 'mark-ready', participantId: actor.participantId });
				const next = command.ready ? markReady(snapshot.live, actor.participantId) : unmarkReady(snapshot.live, actor.participantId);
				return live(next);
			}
			case 'vote.open':
			case 'vote.close':
			case 'vote.reopen':
			case 'proxy.add':
			case 'proxy.remove': {
				allow({ type: command.type.startsWith('proxy') ? 'manage-proxies' : 'manage-vote' });
				const wishes = await this.#plenaryWishes(workshopId);
				await this.#saveVote(workshopId, this.#votes.manage(vote, command, wishes), 'now');
				this.#options.onVoteChanged(workshopId, 'everyone');
				return;
			}
			case 'vote.cast':
			case 'vote.retract': {
				const voterId = command.voterId ?? (actor.role === 'participant' ? actor.participantId : '');
				allow({ type: 'cast-vote', voterId });
				const next = this.#votes.cast(vote!, command.type, { voterId, cardId: command.cardId });
				try {
					await this.#saveVote(workshopId, next, 'soon');
				} finally {
					// Applied even if the database did not answer (it is stored once it does): the voter's view shows it either way.
					this.#options.onVoteChanged(workshopId, actor);
				}
				return this.voteViewFor(actor);
			}
			case 'vote.view':
				return this.voteViewFor(actor);
			case 'groups.split': {
				allow({ type: 'arrange-groups' });
				const members = await this.#options.present(workshopId);
				if (members.length === 0) throw new MethodError('conflict', 'nobody is connected to split into groups', 'no-participants');
				const round = await this.#nextGroupRound(workshopId);
				const random = seededRandom(now);
				const result =
					command.by === 'organisation'
						? splitByOrganisation({ members, random, maxSize: command.maxSize, round })
						: splitIntoGroups({ members, random, maxSize: command.maxSize, count: command.count, round });
				if (!result.ok) throw new MethodError('bad_request', 'group size must be at least 2');
				// A new round of groups works apart: nobody stays summoned to the plenary.
				return write({ groups: result.value, live: setSummoned(snapshot.live, false) });
			}
			case 'groups.create': {
				allow({ type: 'arrange-groups' });
				const round = await this.#nextGroupRound(workshopId);
				return write({ groups: createGroups(command.count, round), live: setSummoned(snapshot.live, false) });
			}
			case 'groups.clear':
				allow({ type: 'arrange-groups' });
				return write({ groups: [] });
			case 'group.join': {
				if (actor.role !== 'participant') throw new MethodError('forbidden', 'only participants join groups');
				allow({ type: 'join-group', participantId: actor.participantId });
				const result = joinGroup(snapshot.groups, { participantId: actor.participantId, groupId: command.groupId });
				if (!result.ok) throw new MethodError('conflict', `cannot join: ${result.error}`);
				return write({ groups: result.value });
			}
			case 'group.question': {
				// Each group may choose its own question; the facilitator may set any group's.
				if (!mayChooseGroupQuestion(snapshot.groups, actor, command.groupId)) {
					throw new MethodError('forbidden', 'only the facilitator or a member of the group chooses its question');
				}
				const result = setGroupQuestion(snapshot.groups, command.groupId, command.question);
				if (!result.ok) throw new MethodError('bad_request', `cannot set question: ${result.error}`);
				return write({ groups: result.value });
			}
			case 'card.hide':
			case 'card.unhide': {
				allow({ type: 'hide-card' });
				const canvas = await docs.get(workshopId, command.canvas);
				const card = readCards(canvas.doc).find((c) => c.id === command.cardId);
				if (!card) throw new MethodError('bad_request', 'no such card');
				const options = { at: new Date(now).toISOString(), reason: command.type === 'card.hide' ? command.reason : undefined };
				const result = command.type === 'card.hide' ? hideCard(card, options) : unhideCard(card, options);
				if (!result.ok) throw new MethodError('conflict', result.error);
				await docs.transact(canvas, (doc) => putCard(doc, result.value.card, null));
				return write({ moderation: [...snapshot.moderation, result.value.entry] });
			}
			case 'cards.merge': {
				allow({ type: 'merge-cards' });
				const canvas = await docs.get(workshopId, command.canvas);
				const result = mergeCards(readCards(canvas.doc), { keepId: command.keepId, mergeIds: command.mergeIds });
				if (!result.ok) throw new MethodError('bad_request', `cannot merge: ${result.error}`);
				await docs.transact(canvas, (doc) => {
					for (const card of result.value.updated) putCard(doc, card, null);
					deleteCards(doc, result.value.removedIds, null);
				});
				if (vote && command.canvas === PLENARY_CANVAS) {
					await this.#saveVote(workshopId, this.#votes.merge(vote, command.keepId, command.mergeIds), 'now');
					this.#options.onVoteChanged(workshopId, 'everyone');
				}
				return;
			}
			case 'groups.merge': {
				allow({ type: 'arrange-groups' });
				const groupCards = await Promise.all(
					snapshot.groups.map(async (group) => ({
						groupId: group.id,
						cards: readCards((await docs.get(workshopId, canvasName(group.id))).doc)
					}))
				);
				const merged = mergeGroupCanvases(groupCards);
				const plenary = await docs.get(workshopId, PLENARY_CANVAS);
				await docs.transact(plenary, (doc) => merged.forEach((card: Card) => putCard(doc, card, null)));
				return live(setSummoned(snapshot.live, true));
			}
			case 'map.remove': {
				allow({ type: 'manage-maps' });
				const docName = `map:${command.mapId}`;
				const exists =
					docs.peek(workshopId, docName) !== undefined || (await this.#options.storage.docs.listDocNames(workshopId)).includes(docName);
				const groupIds = snapshot.groups.map((group) => group.id);
				const result = removeMap(snapshot.removedMaps, command.mapId, { groupIds, exists });
				if (!result.ok) throw mapRemovalError(result.error);
				return write({ removedMaps: result.value });
			}
			case 'map.restore': {
				allow({ type: 'manage-maps' });
				const result = restoreMap(snapshot.removedMaps, command.mapId);
				if (!result.ok) throw mapRemovalError(result.error);
				return write({ removedMaps: result.value });
			}
			case 'spotlight.set': {
				allow({ type: 'steer-projector' });
				const targets = await this.#spotlightTargets(workshopId, command.spotlight, snapshot);
				const result = checkSpotlight(command.spotlight, targets);
				if (!result.ok) throw new MethodError('bad_request', spotlightMessage(result.error, command.spotlight), result.error);
				return write({ spotlight: result.value });
			}
			case 'follow.set':
				allow({ type: 'steer-projector' });
				return write({ follow: command.follow });
			case 'join.ask':
				allow({ type: 'edit-preparation' });
				return write({ askOrganisation: command.organisation });
			case 'sectors.set':
				allow({ type: 'edit-preparation' });
				return write({ sectors: workshopSectors(command.sectors) });
			case 'responses.questions': {
				allow({ type: 'set-questions' });
				if (await this.#responses.hasAnswers(workshopId, command.phase)) {
					throw new MethodError('conflict', 'people have already answered these questions; they cannot be changed now', 'has-answers');
				}
				const surveys = { ...snapshot.surveys };
				if (command.questions) surveys[command.phase] = command.questions;
				else delete surveys[command.phase];
				await write({ surveys });
				return this.#publishSummaries(workshopId, command.phase);
			}
			case 'responses.answer': {
				if (actor.role !== 'participant')
					throw new MethodError('forbidden', 'only participants answer; the facilitator sees the summaries');
				allow({ type: 'answer', phase: command.phase });
				const participant = await this.#options.storage.participants.find(workshopId, actor.participantId);
				if (!participant || !isSector(participant.sector)) throw new MethodError('forbidden', 'unknown participant');
				await this.#responses.answer(workshopId, {
					phase: command.phase,
					open: snapshot.live.phase === command.phase,
					questions: questionsFor(command.phase, snapshot.surveys, { lang: 'sv', followUp: snapshot.followUp }),
					participantId: actor.participantId,
					sector: participant.sector,
					questionId: command.questionId,
					value: command.value
				});
				this.#publishSummariesSoon(workshopId, command.phase);
				return this.#responses.mine(workshopId, command.phase, actor.participantId);
			}
			case 'responses.mine':
				if (actor.role !== 'participant') return {};
				return this.#responses.mine(workshopId, command.phase, actor.participantId);
		}
	}

	/** What the workshop has of the kind being spotlighted; only that kind's document is read. */
	async #spotlightTargets(workshopId: string, input: SpotlightInput, snapshot: ControlSnapshot): Promise<SpotlightTargets> {
		const { docs, storage } = this.#options;
		const groupIds = snapshot.groups.map((group) => group.id);
		/** The map's document when the workshop has that map (and it is not removed), else null. */
		const liveMap = async (mapId: string) => {
			const name = mapDocName(mapId);
			const parsed = name ? parseDocName(name) : null;
			if (!name || !parsed || snapshot.removedMaps.includes(mapId)) return null;
			const exists =
				isStandingDoc(parsed, groupIds) ||
				docs.peek(workshopId, name) !== undefined ||
				(await storage.docs.listDocNames(workshopId)).includes(name);
			return exists ? (await docs.get(workshopId, name)).doc : null;
		};
		switch (input.kind) {
			case 'indicator': {
				const ids = new Set(readIndicators((await docs.get(workshopId, INDICATORS_DOC)).doc).indicators.map((i) => i.id));
				return { indicator: (id) => ids.has(id) };
			}
			case 'map': {
				const found = input.id !== undefined && (await liveMap(input.id)) !== null;
				return { map: (id) => found && id === input.id };
			}
			case 'loop': {
				const mapId = input.id?.split(':')[0] ?? '';
				const doc = mapId ? await liveMap(mapId) : null;
				const map = doc ? readMap(doc) : null;
				return { loop: (id, key) => map !== null && id === mapId && loopFromKey(map, key) !== null };
			}
			case 'card': {
				// The plenary first: merging the groups copies their cards there with the same ids.
				// Then the group canvases this server has loaded (the facilitator's picker has the
				// card's canvas open), and only then the others: a conference has 200 of them.
				const groupCanvases = groupIds.map((id) => canvasName(id));
				const loaded = groupCanvases.filter((name) => docs.peek(workshopId, name) !== undefined);
				const canvases = [PLENARY_CANVAS, ...loaded, ...groupCanvases.filter((name) => !loaded.includes(name))];
				for (const name of canvases) {
					const card = cardBoardOf((await docs.get(workshopId, name)).doc).find(input.id ?? '');
					if (card && !card.hidden) return { card: (id) => (id === input.id ? name : null) };
				}
				return { card: () => null };
			}
			case 'group':
				return { group: (id) => groupIds.includes(id) };
			default:
				return {};
		}
	}

	/** One more than the latest round whose group canvases were stored, so a new round starts on blank canvases. */
	async #nextGroupRound(workshopId: string): Promise<number> {
		const names = await this.#options.storage.docs.listDocNames(workshopId);
		const rounds = names.map((name) => /^(?:canvas|map):grupp-\d+(?:-v(\d+))?$/.exec(name)).map((m) => (m ? Number(m[1] ?? 1) : 0));
		return Math.max(0, ...rounds) + 1;
	}

	async #plenaryWishes(workshopId: string): Promise<Card[]> {
		const plenary = await this.#options.docs.get(workshopId, PLENARY_CANVAS);
		return readCards(plenary.doc).filter((card) => card.kind === 'onskvard' && !card.hidden);
	}
}

function mapRemovalError(refusal: MapRemovalRefusal): MethodError {
	switch (refusal) {
		case 'belongs-to-workshop':
			return new MethodError('conflict', 'the plenary map and the group maps belong to the workshop and cannot be removed');
		case 'no-such-map':
			return new MethodError('not_found', 'no such map in this workshop');
		case 'not-removed':
			return new MethodError('not_found', 'that map is not removed');
	}
}

function spotlightMessage(refusal: SpotlightRefusal, input: SpotlightInput): string {
	switch (refusal) {
		case 'id-required':
			return `a ${input.kind} spotlight needs the id of the ${input.kind} to show`;
		case 'id-not-allowed':
			return `a ${input.kind} spotlight takes no id`;
		case 'unknown-id':
			return `no ${input.kind} with that id in this workshop`;
	}
}

/** The part of a vote everyone may see: status and progress, and results once closed. */
function publicVote(vote: VoteState): ControlSnapshot['vote'] {
	const view = voteView(vote, { role: 'facilitator' });
	return {
		status: view.status,
		budget: view.budget,
		perCardCap: view.perCardCap,
		cardIds: view.cardIds,
		progress: view.progress,
		tally: view.tally
	};
}
