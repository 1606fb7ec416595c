/** A co-facilitator's link as `GET /api/workshops/:ref/facilitator-links` lists it: never its secret. */
export interface FacilitatorLink {
	id: string;
	label: string;
	createdAt: string;
	revokedAt: string | null;
}

/** `POST /api/workshops/:ref/facilitator-links` answers with the link and, once, its URL. */
export interface CreatedFacilitatorLink extends FacilitatorLink {
	url: string;
}
