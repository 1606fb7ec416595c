import { PLENARY_CANVAS } from '$lib/domain/workshop/documents';
import { addCard } from '$lib/sync/cards';
import type { Config } from './config';
import type { Storage } from './persistence/storage';
import type { DocRegistry } from './realtime/doc-registry';
import { seedDemoIndicators } from './demo-indicators';
import { hashSecret, newJoinCode, newSecret } from './secrets';
import { INITIAL_PHASE } from './workshops';

export const DEMO_WORKSHOP_ID = 'demo';

/**
 * Cards taken from seed 003 (Region Stockholm's start-up conference, 2026): the
 * kinds of data the research project's municipalities wished for and found.
 */
const DEMO_CARDS = [
	{ kind: 'samverkan', text: 'Fritidsgårdarna och föreningslivet' },
	{ kind: 'samverkan', text: 'Elevhälsan på högstadieskolorna' },
	{ kind: 'onskvard', text: 'Hur många unga upplever att de har en trygg vuxen att prata med?' },
	{ kind: 'tillganglig', text: 'Stockholmsenkäten: psykisk hälsa per stadsdelsområde, åk 9 och gy 2' }
] as const;

/**
 * Makes sure the demo workshop exists and prints how to open it. The facilitator
 * secret is rotated on every start, so no secret is kept on disk; this is the one
 * deliberate place a facilitator link is printed (to the console, not the JSON log).
 */
export async function ensureDemoWorkshop(options: { storage: Storage; docs: DocRegistry; config: Config }): Promise<void> {
	const { storage, docs, config } = options;
	const secret = newSecret();
	let workshop = await storage.workshops.findById(DEMO_WORKSHOP_ID);
	if (workshop) {
		await storage.workshops.update(workshop.id, { secretHash: hashSecret(secret) });
	} else {
		workshop = {
			id: DEMO_WORKSHOP_ID,
			code: newJoinCode(),
			title: 'Demo: Psykisk hälsa bland unga',
			secretHash: hashSecret(secret),
			phase: INITIAL_PHASE,
			status: 'open',
			createdAt: new Date().toISOString()
		};
		await storage.workshops.insert(workshop);
		const canvas = await docs.get(workshop.id, PLENARY_CANVAS);
		await docs.transact(canvas, (doc) => {
			DEMO_CARDS.forEach((card, index) =>
				addCard(
					doc,
					{
						id: `demo-${index + 1}`,
						kind: card.kind,
						text: card.text,
						authorId: 'facilitator',
						sector: 'facilitator',
						createdAt: new Date(Date.UTC(2026, 0, 1, 9, index)).toISOString()
					},
					null
				)
			);
		});
	}
	// Real figures from the seeds (workshop-templates/demo-indicators.json); skips what is already there.
	await seedDemoIndicators(docs, workshop.id);
	const origin = config.publicOrigin ?? `http://localhost:${config.port}`;
	process.stdout.write(
		`\nDemo workshop "${workshop.title}"\n` +
			`  Facilitator: ${origin}/f/${workshop.id}?key=${secret}\n` +
			`  Join code:   ${workshop.code}  (${origin}/j/${workshop.code})\n\n`
	);
}
