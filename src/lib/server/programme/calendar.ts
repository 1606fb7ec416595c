import { readStoredArchive } from '$lib/domain/archive/stored-document';
import ical from 'ical-generator';
import type { ArchiveDocument } from '$lib/domain/archive/schema';
import { THEMES } from '$lib/domain/method/default-templates';
import { questionText } from '$lib/domain/method/preparation';
import type { Lang } from '$lib/i18n/lang';
import { translator } from '$lib/i18n/messages';
import type { App } from '../app';
import { hashSecret, newSecret } from '../secrets';
import type { WorkshopRow } from '../persistence/workshops';

/** One workshop's follow-ups as the calendar shows them. */
export interface FollowUpEntry {
	workshopId: string;
	title: string;
	/** The workshop's question, if it had one. */
	question: string | null;
	/** Calendar dates, YYYY-MM-DD. */
	dates: string[];
}

/**
 * The follow-up dates as an iCalendar (RFC 5545) file, written by ical-generator: one
 * all-day event per date, titled with the workshop, describing its question, linking to
 * where the follow-up is started (the archive page). Each event's UID is the workshop
 * and the date, so a calendar that subscribes updates an event rather than adding it
 * again when the feed changes.
 */
export function followUpCalendar(
	entries: readonly FollowUpEntry[],
	options: { name: string; startUrl: string; lang: Lang; host: string }
): string {
	const t = translator(options.lang);
	const calendar = ical({
		name: options.name,
		prodId: { company: 'Datadialog', product: 'uppfoljningar', language: options.lang.toUpperCase() }
	});
	for (const entry of entries) {
		for (const date of entry.dates) {
			const description = [
				entry.question ? t('programme.calendar.question', { question: entry.question }) : null,
				t('programme.calendar.start', { url: options.startUrl })
			]
				.filter((line): line is string => line !== null)
				.join('\n\n');
			calendar.createEvent({
				id: `${entry.workshopId}-${date}@${options.host}`,
				// Noon UTC, so the calendar date is the same whatever the server's time zone.
				start: new Date(`${date}T12:00:00.000Z`),
				allDay: true,
				summary: t('programme.calendar.summary', { title: entry.title }),
				description,
				url: options.startUrl
			});
		}
	}
	return calendar.toString();
}

/** The question of a closed workshop's frozen version, as text. */
export function documentQuestion(document: Pick<ArchiveDocument, 'preparation'> | null, lang: Lang): string | null {
	const question = document?.preparation?.question;
	return question ? questionText(question, THEMES, lang) : null;
}

/** A workshop's follow-up entry: its dates from the archive record, its question from the latest frozen version. */
export async function followUpEntry(app: App, workshop: WorkshopRow, lang: Lang): Promise<FollowUpEntry> {
	const archive = await app.storage.archive.find(workshop.id);
	const stored = workshop.status === 'closed' ? await app.storage.archive.findVersion(workshop.id) : null;
	const document = stored ? readStoredArchive(stored.document) : null;
	return {
		workshopId: workshop.id,
		title: workshop.title,
		question: documentQuestion(document, lang),
		dates: archive?.followUpDates ?? []
	};
}

/** Every closed workshop's follow-up entry, for the organisers' feed. */
export async function allFollowUpEntries(app: App, lang: Lang): Promise<FollowUpEntry[]> {
	const entries: FollowUpEntry[] = [];
	for (const { workshop, archive } of await app.storage.workshops.listSummaries()) {
		if (workshop.status !== 'closed' || !archive || archive.followUpDates.length === 0) continue;
		entries.push(await followUpEntry(app, workshop, lang));
	}
	return entries;
}

/**
 * A new feed token for one organiser; only its hash is stored, and that organiser's old
 * one stops working (other organisers' tokens are untouched). The token is returned once.
 */
export async function rotateFeedToken(app: App, organiser: string, now: Date): Promise<string> {
	const token = newSecret();
	await app.storage.feeds.put({ organiser, tokenHash: hashSecret(token), createdAt: now.toISOString() });
	return token;
}

/**
 * Whether a token is some organiser's current feed token. Looked up by its SHA-256: the
 * token is 256 random bits, so the hash is not guessable and the look-up leaks nothing.
 */
export async function feedTokenMatches(app: App, token: string): Promise<boolean> {
	return (await app.storage.feeds.findByHash(hashSecret(token))) !== null;
}

export function feedUrl(origin: string, token: string): string {
	return `${origin}/api/programme/follow-ups.ics?token=${encodeURIComponent(token)}`;
}
