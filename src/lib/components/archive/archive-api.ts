import type { ArchiveState, CloseRequest, DeleteRequest, StartedWorkshop, StepStatusRequest } from '$lib/api/archive';
import type { CreatedFacilitatorLink, FacilitatorLink } from '$lib/api/facilitator-links';
import type { SetupTemplate } from '$lib/api/setup-templates';

/**
 * The archive controls' calls to the API (same origin; the facilitator or
 * organiser cookie authenticates). Every call resolves, never throws: a failure
 * carries the API's English message, or the browser's when the server was not
 * reached.
 */
export type ArchiveResult<T> = { ok: true; data: T } | { ok: false; message: string };

const base = (workshopId: string) => `/api/workshops/${encodeURIComponent(workshopId)}`;

/** Where the report, its PDF and the exports are, for links. */
export function archiveLinks(workshopId: string) {
	return {
		report: `/f/${encodeURIComponent(workshopId)}/rapport`,
		pdf: `${base(workshopId)}/report.pdf`,
		json: `${base(workshopId)}/export.json`,
		zip: `${base(workshopId)}/export.zip`,
		zipComma: `${base(workshopId)}/export.zip?separator=comma`,
		canvas: `${base(workshopId)}/canvas.pdf`,
		blankCanvas: `${base(workshopId)}/canvas.pdf?blank=1`,
		archive: '/arkiv'
	};
}

export function loadArchiveState(workshopId: string): Promise<ArchiveResult<ArchiveState>> {
	return call(`${base(workshopId)}/archive`);
}

export function closeWorkshop(workshopId: string, followUpDates: string[]): Promise<ArchiveResult<unknown>> {
	return call(`${base(workshopId)}/close`, post({ followUpDates } satisfies CloseRequest));
}

export function reopenWorkshop(workshopId: string): Promise<ArchiveResult<unknown>> {
	return call(`${base(workshopId)}/reopen`, post({}));
}

export function startFollowUp(workshopId: string): Promise<ArchiveResult<StartedWorkshop>> {
	return call(`${base(workshopId)}/follow-up`, post({}));
}

/** "Kopiera upplägget": a new workshop with this one's setup; the answer carries its facilitator link once. */
export function copySetup(workshopId: string): Promise<ArchiveResult<StartedWorkshop>> {
	return call(`${base(workshopId)}/copy`, post({}));
}

export function deleteWorkshop(workshopId: string, code: string): Promise<ArchiveResult<unknown>> {
	return call(`${base(workshopId)}/delete`, post({ confirm: code } satisfies DeleteRequest));
}

export function setStepStatus(workshopId: string, cardId: string, body: StepStatusRequest): Promise<ArchiveResult<unknown>> {
	return call(`${base(workshopId)}/follow-up/steps/${encodeURIComponent(cardId)}`, { ...post(body), method: 'PUT' });
}

export function listFacilitatorLinks(workshopId: string): Promise<ArchiveResult<{ links: FacilitatorLink[] }>> {
	return call(`${base(workshopId)}/facilitator-links`);
}

/** A co-facilitator's own link (or the organiser's way in); the answer carries its URL once. */
export function createFacilitatorLink(workshopId: string, label: string): Promise<ArchiveResult<CreatedFacilitatorLink>> {
	return call(`${base(workshopId)}/facilitator-links`, post({ label }));
}

export function revokeFacilitatorLink(workshopId: string, linkId: string): Promise<ArchiveResult<unknown>> {
	return call(`${base(workshopId)}/facilitator-links/${encodeURIComponent(linkId)}`, { method: 'DELETE' });
}

export function listSetupTemplates(): Promise<ArchiveResult<{ templates: SetupTemplate[] }>> {
	return call('/api/programme/templates');
}

/** Keeps a workshop's setup as a template for a municipality (organisers). */
export function keepAsTemplate(workshopId: string, name: string, municipality: string): Promise<ArchiveResult<SetupTemplate>> {
	return call(`/api/programme/templates/${encodeURIComponent(workshopId)}`, {
		...post({ name, municipality: municipality || null }),
		method: 'PUT'
	});
}

export function removeSetupTemplate(workshopId: string): Promise<ArchiveResult<unknown>> {
	return call(`/api/programme/templates/${encodeURIComponent(workshopId)}`, { method: 'DELETE' });
}

function post(body: unknown): RequestInit {
	return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

async function call<T>(url: string, init?: RequestInit): Promise<ArchiveResult<T>> {
	try {
		const response = await fetch(url, init);
		const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
		if (response.ok) return { ok: true, data: body as T };
		return { ok: false, message: body?.error?.message ?? `HTTP ${response.status}` };
	} catch (error) {
		return { ok: false, message: (error as Error).message };
	}
}
