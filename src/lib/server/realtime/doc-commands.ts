import { authorIdOf, checkCardCommand } from '$lib/domain/cards/commands';
import { checkIndicatorsCommand } from '$lib/domain/indicators/commands';
import { checkMapCommand } from '$lib/domain/systemmap/commands';
import { canAccessDoc, type Actor } from '$lib/domain/workshop/access';
import { parseDocName, type DocName } from '$lib/domain/workshop/documents';
import { refuse, type Refusal } from '$lib/domain/workshop/refusal';
import { readControl } from '$lib/sync/control';
import {
	applyDocCommand,
	cardBoardOf,
	commandTargets,
	indicatorsBoardOf,
	isCardCommand,
	isIndicatorsCommand,
	lastApplied,
	mapBoardOf,
	type CommandAuthor,
	type CommandEnvelope,
	type DocCommand
} from '$lib/sync/doc-commands';
import type { Storage } from '../persistence/storage';
import { isWorkshopClosed } from '../archive/status-cache';
import type { DocRegistry, LiveDoc } from './doc-registry';

/** A command the rules refused; nothing was applied. */
export class CommandRefusedError extends Error {
	constructor(readonly refusal: Refusal) {
		super(refusal.reason);
		this.name = 'CommandRefusedError';
	}
}

export interface CommandSender {
	actor: Actor;
	/** Recorded on new entries; taken from the session, never from the command. */
	author: CommandAuthor;
}

/**
 * Carries out commands on shared documents: the document kind must take the
 * command, the workshop must be open, the domain's rule must accept it against the
 * document as it is now; then it is applied in one transaction, shared with every
 * reader at once and acknowledged once stored. Check and apply run without a pause
 * between them, so two commands can never both pass a cap meant for one.
 */
export class DocCommandService {
	readonly #docs: DocRegistry;
	readonly #storage: Storage;

	constructor(options: { docs: DocRegistry; storage: Storage }) {
		this.#docs = options.docs;
		this.#storage = options.storage;
	}

	async run(sender: CommandSender, live: LiveDoc, envelope: CommandEnvelope): Promise<void> {
		const { command } = envelope;
		const name = parseDocName(live.name);
		if (!name || !commandTargets(command).includes(name.kind)) {
			throw new CommandRefusedError(refuse('bad_request', 'wrong-document', `${command.type} does not apply to ${live.name}`));
		}
		if (!canAccessDoc({ actor: sender.actor, doc: name, mode: 'write' })) {
			throw new CommandRefusedError(refuse('forbidden', 'read-only', 'this document is read-only for you'));
		}
		if (await isWorkshopClosed(this.#storage.workshops, live.workshopId)) {
			throw new CommandRefusedError(
				refuse('forbidden', 'closed', 'the workshop is closed; the facilitator must reopen it before anything can change')
			);
		}
		const control = readControl((await this.#docs.get(live.workshopId, 'control')).doc);
		if (name.kind === 'map' && control.removedMaps.includes(name.sub)) {
			throw new CommandRefusedError(refuse('not_found', 'map-removed', 'this map was removed; the facilitator can bring it back'));
		}
		const key = `${authorIdOf(sender.actor)}/${envelope.client}`;
		// Sent again after a reconnect or a lost acknowledgement: applied once already.
		if (envelope.seq <= lastApplied(live.doc, key)) return this.#docs.whenStored(live);
		const refusal = this.#check(sender.actor, name, live, command, control);
		if (refusal) throw new CommandRefusedError(refusal);
		await this.#docs.transact(live, (doc) =>
			applyDocCommand(doc, { command, author: sender.author, now: new Date().toISOString(), sender: { key, seq: envelope.seq } }, null)
		);
	}

	#check(actor: Actor, name: DocName, live: LiveDoc, command: DocCommand, control: ReturnType<typeof readControl>): Refusal | null {
		if (isCardCommand(command)) {
			const groupIds = name.kind === 'draft' ? control.groups.map((group) => group.id) : name.sub === 'plenary' ? [] : [name.sub];
			return checkCardCommand({ actor, live: control.live, board: cardBoardOf(live.doc), groupIds }, command);
		}
		if (isIndicatorsCommand(command)) return checkIndicatorsCommand({ actor, board: indicatorsBoardOf(live.doc) }, command);
		return checkMapCommand({ actor, board: mapBoardOf(live.doc) }, command);
	}
}
