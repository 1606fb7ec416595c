import {
	DuplicateKeyError,
	type ArchiveRow,
	type ArchiveVersionInfo,
	type ArchiveVersionRow,
	type AuditEntry,
	type FollowUpStepRow,
	type ParticipantRow,
	type Storage,
	type StoredDoc,
	type WorkshopPatch,
	type WorkshopRow,
	type WorkshopSummaryRow
} from './storage';

interface DocLog {
	snapshot: Uint8Array | null;
	snapshotSeq: number;
	updates: { seq: number; data: Uint8Array }[];
}

/** In-memory store for unit tests; same contract as the SQL stores, nothing survives a restart. */
export class MemoryStorage implements Storage {
	readonly kind = 'memory' as const;
	readonly #workshops = new Map<string, WorkshopRow>();
	readonly #participants = new Map<string, ParticipantRow>();
	readonly #docs = new Map<string, DocLog>();
	readonly #archives = new Map<string, ArchiveRow>();
	readonly #versions = new Map<string, ArchiveVersionRow>();
	readonly #steps = new Map<string, FollowUpStepRow>();
	readonly #audit: AuditEntry[] = [];
	#seq = 0;

	async migrate(): Promise<void> {}
	async ping(): Promise<void> {}
	async close(): Promise<void> {}

	async insertWorkshop(row: WorkshopRow): Promise<void> {
		for (const existing of this.#workshops.values()) {
			if (existing.id === row.id || existing.code === row.code) throw new DuplicateKeyError('workshop id or code');
		}
		this.#workshops.set(row.id, { ...row });
	}

	async findWorkshopById(id: string): Promise<WorkshopRow | null> {
		const row = this.#workshops.get(id);
		return row ? { ...row } : null;
	}

	async findWorkshopByCode(code: string): Promise<WorkshopRow | null> {
		for (const row of this.#workshops.values()) if (row.code === code) return { ...row };
		return null;
	}

	async listWorkshops(): Promise<WorkshopRow[]> {
		return [...this.#workshops.values()].map((r) => ({ ...r })).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
	}

	async updateWorkshop(id: string, patch: WorkshopPatch): Promise<void> {
		const row = this.#workshops.get(id);
		if (row) this.#workshops.set(id, { ...row, ...patch });
	}

	async deleteWorkshop(id: string): Promise<void> {
		this.#workshops.delete(id);
		for (const [key, p] of this.#participants) if (p.workshopId === id) this.#participants.delete(key);
		for (const key of this.#docs.keys()) if (key.startsWith(`${id}/`)) this.#docs.delete(key);
		this.#archives.delete(id);
		for (const [key, v] of this.#versions) if (v.workshopId === id) this.#versions.delete(key);
		for (const [key, s] of this.#steps) if (s.workshopId === id) this.#steps.delete(key);
	}

	async listWorkshopSummaries(): Promise<WorkshopSummaryRow[]> {
		const archives = [...this.#archives.values()];
		return (await this.listWorkshops()).map((workshop) => ({
			workshop,
			archive: clone(this.#archives.get(workshop.id) ?? null),
			participantCount: [...this.#participants.values()].filter((p) => p.workshopId === workshop.id).length,
			followUpsStarted: archives.filter((a) => a.followUpOf?.workshopId === workshop.id).length
		}));
	}

	async insertParticipant(row: ParticipantRow): Promise<void> {
		this.#participants.set(`${row.workshopId}/${row.id}`, { ...row });
	}

	async findParticipant(workshopId: string, id: string): Promise<ParticipantRow | null> {
		const row = this.#participants.get(`${workshopId}/${id}`);
		return row ? { ...row } : null;
	}

	async listParticipants(workshopId: string): Promise<ParticipantRow[]> {
		return [...this.#participants.values()]
			.filter((p) => p.workshopId === workshopId)
			.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
	}

	async deleteParticipant(workshopId: string, id: string): Promise<boolean> {
		return this.#participants.delete(`${workshopId}/${id}`);
	}

	async eraseParticipantNames(workshopId: string): Promise<number> {
		let erased = 0;
		for (const [key, p] of this.#participants) {
			if (p.workshopId !== workshopId || p.displayName === '') continue;
			this.#participants.set(key, { ...p, displayName: '' });
			erased++;
		}
		return erased;
	}

	async findArchive(workshopId: string): Promise<ArchiveRow | null> {
		return clone(this.#archives.get(workshopId) ?? null);
	}

	async putArchive(row: ArchiveRow): Promise<void> {
		this.#archives.set(row.workshopId, clone(row));
	}

	async insertArchiveVersion(row: ArchiveVersionRow): Promise<void> {
		const key = `${row.workshopId}/${row.version}`;
		if (this.#versions.has(key)) throw new DuplicateKeyError('archive version');
		this.#versions.set(key, { ...row });
	}

	async listArchiveVersions(workshopId: string): Promise<ArchiveVersionInfo[]> {
		return this.#versionsOf(workshopId).map(({ document: _document, ...info }) => info);
	}

	async findArchiveVersion(workshopId: string, version?: number): Promise<ArchiveVersionRow | null> {
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
			.sort((a, b) => (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0));
	}

	async appendAudit(entry: AuditEntry): Promise<void> {
		this.#audit.push({ ...entry });
	}

	async listAudit(): Promise<AuditEntry[]> {
		return this.#audit.map((entry) => ({ ...entry }));
	}

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
}

/** Deep copy, so callers can never change what the store holds. */
function clone<T>(value: T): T {
	return structuredClone(value);
}
