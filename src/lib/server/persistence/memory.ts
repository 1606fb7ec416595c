import type { ArchiveRepository, ArchiveRow, ArchiveVersionInfo, ArchiveVersionRow, FollowUpStepRow } from './archive';
import type { AuditEntry, AuditLog } from './audit';
import type { DocumentStore, StoredDoc } from './documents';
import type { FacilitatorLinkRepository, FacilitatorLinkRow } from './facilitator-links';
import type { FeedTokenRepository, FeedTokenRow } from './feeds';
import type { OrganiserSessionRepository, OrganiserSessionRow } from './organiser-sessions';
import type { ParticipantRepository, ParticipantRow } from './participants';
import type { SetupTemplateRepository, SetupTemplateRow } from './setup-templates';
import { DuplicateKeyError, type Storage } from './storage';
import type { WorkshopPatch, WorkshopRepository, WorkshopRow, WorkshopSummaryRow } from './workshops';

/**
 * In-memory store for unit tests; the same repositories and contract as the SQL stores,
 * nothing survives a restart. Every row handed out is a copy, so callers can never
 * change what the store holds.
 */
export class MemoryStorage implements Storage {
	readonly kind = 'memory' as const;
	readonly participants = new MemoryParticipants();
	readonly archive = new MemoryArchive();
	readonly audit = new MemoryAuditLog();
	readonly docs = new MemoryDocumentStore();
	readonly feeds = new MemoryFeedTokens();
	readonly facilitatorLinks = new MemoryFacilitatorLinks();
	readonly setupTemplates = new MemorySetupTemplates();
	readonly organiserSessions = new MemoryOrganiserSessions();
	readonly workshops = new MemoryWorkshops(this.participants, this.archive, this.docs, [this.facilitatorLinks, this.setupTemplates]);

	async migrate(): Promise<void> {}
	async ping(): Promise<void> {}
	async close(): Promise<void> {}
}

/** Deep copy, so callers can never change what the store holds. */
function clone<T>(value: T): T {
	return structuredClone(value);
}

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** What a memory repository drops when its workshop is deleted. */
interface MemoryDependent {
	removeWorkshop(workshopId: string): void;
}

class MemoryWorkshops implements WorkshopRepository {
	readonly #rows = new Map<string, WorkshopRow>();
	readonly #participants: MemoryParticipants;
	readonly #archive: MemoryArchive;
	readonly #dependents: MemoryDependent[];

	constructor(participants: MemoryParticipants, archive: MemoryArchive, docs: MemoryDocumentStore, others: readonly MemoryDependent[]) {
		this.#participants = participants;
		this.#archive = archive;
		this.#dependents = [archive, docs, participants, ...others];
	}

	async insert(row: WorkshopRow): Promise<void> {
		for (const existing of this.#rows.values()) {
			if (existing.id === row.id || existing.code === row.code) throw new DuplicateKeyError('workshop id or code');
		}
		this.#rows.set(row.id, { ...row });
	}

	async findById(id: string): Promise<WorkshopRow | null> {
		const row = this.#rows.get(id);
		return row ? { ...row } : null;
	}

	async findByCode(code: string): Promise<WorkshopRow | null> {
		for (const row of this.#rows.values()) if (row.code === code) return { ...row };
		return null;
	}

	async list(): Promise<WorkshopRow[]> {
		return [...this.#rows.values()].map((r) => ({ ...r })).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
	}

	async update(id: string, patch: WorkshopPatch): Promise<void> {
		const row = this.#rows.get(id);
		if (row) this.#rows.set(id, { ...row, ...patch });
	}

	async delete(id: string): Promise<void> {
		for (const dependent of this.#dependents) dependent.removeWorkshop(id);
		this.#rows.delete(id);
	}

	async listSummaries(): Promise<WorkshopSummaryRow[]> {
		const archives = this.#archive.all();
		const participants = this.#participants.all();
		return (await this.list()).map((workshop) => ({
			workshop,
			archive: clone(archives.find((a) => a.workshopId === workshop.id) ?? null),
			participantCount: participants.filter((p) => p.workshopId === workshop.id).length,
			followUpsStarted: archives.filter((a) => a.followUpOf?.workshopId === workshop.id).length
		}));
	}
}

class MemoryParticipants implements ParticipantRepository, MemoryDependent {
	readonly #rows = new Map<string, ParticipantRow>();

	/** Every participant of every workshop, as held (for the summaries). */
	all(): ParticipantRow[] {
		return [...this.#rows.values()];
	}

	async insert(row: ParticipantRow): Promise<void> {
		this.#rows.set(`${row.workshopId}/${row.id}`, { ...row });
	}

	async find(workshopId: string, id: string): Promise<ParticipantRow | null> {
		const row = this.#rows.get(`${workshopId}/${id}`);
		return row ? { ...row } : null;
	}

	async list(workshopId: string): Promise<ParticipantRow[]> {
		return this.all()
			.filter((p) => p.workshopId === workshopId)
			.map((p) => ({ ...p }))
			.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
	}

	async count(workshopId: string): Promise<number> {
		return this.all().filter((p) => p.workshopId === workshopId).length;
	}

	async delete(workshopId: string, id: string): Promise<boolean> {
		return this.#rows.delete(`${workshopId}/${id}`);
	}

	async eraseNames(workshopId: string): Promise<number> {
		let erased = 0;
		for (const [key, p] of this.#rows) {
			if (p.workshopId !== workshopId || p.displayName === '') continue;
			this.#rows.set(key, { ...p, displayName: '' });
			erased++;
		}
		return erased;
	}

	removeWorkshop(workshopId: string): void {
		for (const [key, p] of this.#rows) if (p.workshopId === workshopId) this.#rows.delete(key);
	}
}

class MemoryArchive implements ArchiveRepository, MemoryDependent {
	readonly #archives = new Map<string, ArchiveRow>();
	readonly #versions = new Map<string, ArchiveVersionRow>();
	readonly #steps = new Map<string, FollowUpStepRow>();

	/** Every archive record, as held (for the summaries). */
	all(): ArchiveRow[] {
		return [...this.#archives.values()];
	}

	async find(workshopId: string): Promise<ArchiveRow | null> {
		return clone(this.#archives.get(workshopId) ?? null);
	}

	async put(row: ArchiveRow): Promise<void> {
		this.#archives.set(row.workshopId, clone(row));
	}

	async insertVersion(row: ArchiveVersionRow): Promise<void> {
		const key = `${row.workshopId}/${row.version}`;
		if (this.#versions.has(key)) throw new DuplicateKeyError('archive version');
		this.#versions.set(key, { ...row });
	}

	async listVersions(workshopId: string): Promise<ArchiveVersionInfo[]> {
		return this.#versionsOf(workshopId).map(({ document: _document, ...info }) => info);
	}

	async findVersion(workshopId: string, version?: number): Promise<ArchiveVersionRow | null> {
		const versions = this.#versionsOf(workshopId);
		const found = version === undefined ? versions.at(-1) : versions.find((v) => v.version === version);
		return found ? { ...found } : null;
	}

	#versionsOf(workshopId: string): ArchiveVersionRow[] {
		return [...this.#versions.values()].filter((v) => v.workshopId === workshopId).sort((a, b) => a.version - b.version);
	}

	async putFollowUpStep(row: FollowUpStepRow): Promise<void> {
		this.#steps.set(`${row.workshopId}/${row.cardId}`, { ...row });
	}

	async listFollowUpSteps(workshopId: string): Promise<FollowUpStepRow[]> {
		return [...this.#steps.values()]
			.filter((s) => s.workshopId === workshopId)
			.map((s) => ({ ...s }))
			.sort((a, b) => byteOrder(a.cardId, b.cardId));
	}

	removeWorkshop(workshopId: string): void {
		this.#archives.delete(workshopId);
		for (const [key, v] of this.#versions) if (v.workshopId === workshopId) this.#versions.delete(key);
		for (const [key, s] of this.#steps) if (s.workshopId === workshopId) this.#steps.delete(key);
	}
}

class MemoryFeedTokens implements FeedTokenRepository {
	readonly #rows = new Map<string, FeedTokenRow>();

	async findFor(organiser: string): Promise<FeedTokenRow | null> {
		const row = this.#rows.get(organiser);
		return row ? clone(row) : null;
	}

	async findByHash(tokenHash: string): Promise<FeedTokenRow | null> {
		const row = [...this.#rows.values()].find((r) => r.tokenHash === tokenHash);
		return row ? clone(row) : null;
	}

	async put(row: FeedTokenRow): Promise<void> {
		this.#rows.set(row.organiser, clone(row));
	}
}

class MemoryOrganiserSessions implements OrganiserSessionRepository {
	readonly #rows = new Map<string, OrganiserSessionRow>();

	async insert(row: OrganiserSessionRow): Promise<void> {
		if (this.#rows.has(row.idHash)) throw new DuplicateKeyError('organiser session');
		this.#rows.set(row.idHash, clone(row));
	}

	async findLive(idHash: string, now: Date): Promise<OrganiserSessionRow | null> {
		const row = this.#rows.get(idHash);
		return row && row.expiresAt > now.toISOString() ? clone(row) : null;
	}

	async remove(idHash: string): Promise<void> {
		this.#rows.delete(idHash);
	}
}

class MemoryAuditLog implements AuditLog {
	readonly #entries: AuditEntry[] = [];

	async append(entry: AuditEntry): Promise<void> {
		this.#entries.push({ ...entry });
	}

	async list(): Promise<AuditEntry[]> {
		return this.#entries.map((entry) => ({ ...entry }));
	}
}

interface DocLog {
	snapshot: Uint8Array | null;
	snapshotSeq: number;
	updates: { seq: number; data: Uint8Array }[];
}

class MemoryDocumentStore implements DocumentStore, MemoryDependent {
	readonly #docs = new Map<string, DocLog>();
	#seq = 0;

	#log(workshopId: string, docName: string): DocLog {
		const key = `${workshopId}/${docName}`;
		let log = this.#docs.get(key);
		if (!log) {
			log = { snapshot: null, snapshotSeq: 0, updates: [] };
			this.#docs.set(key, log);
		}
		return log;
	}

	async appendUpdate(workshopId: string, docName: string, update: Uint8Array): Promise<number> {
		const seq = ++this.#seq;
		this.#log(workshopId, docName).updates.push({ seq, data: update.slice() });
		return seq;
	}

	async loadDoc(workshopId: string, docName: string): Promise<StoredDoc> {
		const log = this.#docs.get(`${workshopId}/${docName}`);
		if (!log) return { snapshot: null, updates: [], lastSeq: 0 };
		const last = log.updates[log.updates.length - 1];
		return {
			snapshot: log.snapshot,
			updates: log.updates.map((u) => u.data),
			lastSeq: last ? last.seq : log.snapshotSeq
		};
	}

	async compactDoc(workshopId: string, docName: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
		const log = this.#log(workshopId, docName);
		log.snapshot = snapshot.slice();
		log.snapshotSeq = uptoSeq;
		log.updates = log.updates.filter((u) => u.seq > uptoSeq);
	}

	async listDocNames(workshopId: string): Promise<string[]> {
		return [...this.#docs.keys()]
			.filter((k) => k.startsWith(`${workshopId}/`))
			.map((k) => k.slice(workshopId.length + 1))
			.sort();
	}

	async deleteWorkshopDocs(workshopId: string): Promise<void> {
		this.removeWorkshop(workshopId);
	}

	removeWorkshop(workshopId: string): void {
		for (const key of this.#docs.keys()) if (key.startsWith(`${workshopId}/`)) this.#docs.delete(key);
	}
}

class MemoryFacilitatorLinks implements FacilitatorLinkRepository, MemoryDependent {
	#rows: FacilitatorLinkRow[] = [];

	async insert(row: FacilitatorLinkRow): Promise<void> {
		if (this.#rows.some((existing) => existing.id === row.id || existing.secretHash === row.secretHash)) {
			throw new DuplicateKeyError('facilitator link');
		}
		this.#rows.push(clone(row));
	}

	async list(workshopId: string): Promise<FacilitatorLinkRow[]> {
		return this.#rows.filter((row) => row.workshopId === workshopId).map(clone);
	}

	async findActive(workshopId: string, secretHash: string): Promise<FacilitatorLinkRow | null> {
		const row = this.#rows.find((r) => r.workshopId === workshopId && r.secretHash === secretHash && r.revokedAt === null);
		return row ? clone(row) : null;
	}

	async revoke(workshopId: string, id: string, at: string): Promise<boolean> {
		const row = this.#rows.find((r) => r.workshopId === workshopId && r.id === id && r.revokedAt === null);
		if (!row) return false;
		row.revokedAt = at;
		return true;
	}

	removeWorkshop(workshopId: string): void {
		this.#rows = this.#rows.filter((row) => row.workshopId !== workshopId);
	}
}

class MemorySetupTemplates implements SetupTemplateRepository, MemoryDependent {
	readonly #rows = new Map<string, SetupTemplateRow>();

	async put(row: SetupTemplateRow): Promise<void> {
		const existing = this.#rows.get(row.workshopId);
		this.#rows.set(row.workshopId, { ...row, createdAt: existing?.createdAt ?? row.createdAt });
	}

	async list(): Promise<SetupTemplateRow[]> {
		const key = (row: SetupTemplateRow) => [row.municipality === null ? 1 : 0, row.municipality ?? '', row.name, row.workshopId] as const;
		return [...this.#rows.values()].map(clone).sort((a, b) => {
			const [x, y] = [key(a), key(b)];
			for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
			return 0;
		});
	}

	async remove(workshopId: string): Promise<boolean> {
		return this.#rows.delete(workshopId);
	}

	removeWorkshop(workshopId: string): void {
		this.#rows.delete(workshopId);
	}
}
