import type { WorkshopRow } from '../persistence/workshops';

export function joinUrl(origin: string, workshop: Pick<WorkshopRow, 'code'>): string {
	return `${origin}/j/${workshop.code}`;
}

/** Carries the secret once; the facilitator page moves it into a cookie and drops it from the URL. */
export function facilitatorUrl(origin: string, workshop: Pick<WorkshopRow, 'id'>, secret: string): string {
	return `${origin}/f/${workshop.id}?key=${encodeURIComponent(secret)}`;
}
