import { describe, expect, it } from 'vitest';
import { INDICATORS_DOC, readIndicators } from '$lib/sync/indicators';
import { seedDemoIndicators } from './demo-indicators';
import { MemoryStorage } from './persistence/memory';
import { DocRegistry } from './realtime/doc-registry';

describe('demo indicators', () => {
	it('writes the real figures of the demo set, in the file order, with sources and period notes, once', async () => {
		const storage = new MemoryStorage();
		const docs = new DocRegistry({ store: storage.docs });
		await seedDemoIndicators(docs, 'demo');
		await seedDemoIndicators(docs, 'demo');
		const { indicators } = readIndicators((await docs.get('demo', INDICATORS_DOC)).doc);
		expect(indicators.map((i) => i.id)).toEqual([
			'invanare',
			'bostader',
			'behorighet-gymnasieskolan',
			'eftergymnasial-utbildning',
			'utlandsk-bakgrund',
			'medelinkomst',
			'ekonomiskt-bistand',
			'medarbetare-utbildade-savry'
		]);
		const behorighet = indicators.find((i) => i.id === 'behorighet-gymnasieskolan')!;
		expect(behorighet.meta.attribution).toMatch(/^Källa: /);
		expect(behorighet.meta.riskForFeltolkning).toBeTruthy();
		expect(behorighet.data!.observations.map((o) => [o.area.name, o.value])).toEqual([
			['Enskede-Årsta-Vantör', 87.4],
			['Södermalm', 93.5]
		]);
		expect(indicators.find((i) => i.id === 'invanare')!.data!.periodNote).toMatch(/inget referensår/);
		expect((await storage.docs.loadDoc('demo', INDICATORS_DOC)).updates).toHaveLength(1);
	});
});
