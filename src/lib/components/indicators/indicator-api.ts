import type {
	ColumnMapping,
	KoladaFetchRequest,
	KpiHit,
	KpiSearchResponse,
	MunicipalityHit,
	MunicipalitySearchResponse,
	PxWebFetchRequest,
	UploadPreview
} from '$lib/api/indicators';
import type { ImportSummary, IndicatorMeta } from '$lib/domain/indicators';
import type { PxWebV1Table } from '$lib/domain/indicators/pxweb-selection';

/**
 * The facilitator page's calls to the indicator API (same origin; the
 * facilitator cookie authenticates). Every call resolves, never throws: a
 * failure carries the API's code, its reason and its English message, and
 * 'network' when the request never reached our own server.
 */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiFailure };

export interface ApiFailure {
	status: number;
	code: string;
	/** 'malformed', 'unsupported', 'empty', 'too_large', 'offline', 'timeout', 'upstream', or 'network'. */
	reason: string;
	message: string;
}

export interface UploadParams {
	file: Blob;
	/** XLSX: which sheet, 1-based (a number, so a sheet called "2024" is never read as sheet 2024). */
	sheet?: number;
	mapping?: ColumnMapping;
	meta?: Partial<IndicatorMeta>;
}

const base = (workshopId: string) => `/api/workshops/${encodeURIComponent(workshopId)}/indicators`;

export function previewUpload(workshopId: string, params: UploadParams): Promise<ApiResult<UploadPreview>> {
	return call(`${base(workshopId)}/preview?${uploadQuery(params)}`, uploadInit(params));
}

export function importUpload(workshopId: string, params: UploadParams): Promise<ApiResult<ImportSummary>> {
	return call(`${base(workshopId)}?${uploadQuery(params)}`, uploadInit(params));
}

export async function searchKpis(workshopId: string, title: string): Promise<ApiResult<KpiHit[]>> {
	const result = await call<KpiSearchResponse>(`${base(workshopId)}/kolada/kpis?title=${encodeURIComponent(title)}`);
	return result.ok ? { ok: true, data: result.data.kpis } : result;
}

export async function searchMunicipalities(workshopId: string, title: string): Promise<ApiResult<MunicipalityHit[]>> {
	const result = await call<MunicipalitySearchResponse>(`${base(workshopId)}/kolada/municipalities?title=${encodeURIComponent(title)}`);
	return result.ok ? { ok: true, data: result.data.municipalities } : result;
}

export function fetchKolada(workshopId: string, body: KoladaFetchRequest): Promise<ApiResult<ImportSummary>> {
	return call(`${base(workshopId)}/kolada`, jsonInit(body));
}

export function fetchPxWeb(workshopId: string, body: PxWebFetchRequest): Promise<ApiResult<ImportSummary>> {
	return call(`${base(workshopId)}/pxweb`, jsonInit(body));
}

/** A PxWeb v1 table's variables, to choose values from instead of pasting a query. */
export function describePxWebTable(workshopId: string, url: string): Promise<ApiResult<PxWebV1Table>> {
	return call(`${base(workshopId)}/pxweb/variables?url=${encodeURIComponent(url)}`);
}

function uploadQuery(params: UploadParams): string {
	const query = new URLSearchParams();
	if (params.sheet !== undefined) query.set('sheet', String(params.sheet));
	if (params.mapping) query.set('mapping', JSON.stringify(params.mapping));
	if (params.meta && Object.keys(params.meta).length > 0) query.set('meta', JSON.stringify(params.meta));
	return query.toString();
}

function uploadInit(params: UploadParams): RequestInit {
	// Not a form type: the file travels raw, as integrations send it.
	return { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: params.file };
}

function jsonInit(body: unknown): RequestInit {
	return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

async function call<T>(url: string, init?: RequestInit): Promise<ApiResult<T>> {
	let response: Response;
	try {
		response = await fetch(url, init);
	} catch (error) {
		return { ok: false, error: { status: 0, code: 'network', reason: 'network', message: String(error) } };
	}
	const body = (await response.json().catch(() => null)) as unknown;
	if (response.ok) return { ok: true, data: body as T };
	const error = (body as { error?: Partial<ApiFailure> } | null)?.error ?? {};
	return {
		ok: false,
		error: {
			status: response.status,
			code: error.code ?? 'internal',
			reason: error.reason ?? error.code ?? 'internal',
			message: error.message ?? response.statusText
		}
	};
}
