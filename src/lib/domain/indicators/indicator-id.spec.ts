import { describe, expect, it } from 'vitest';
import { idSchema } from '../cards/card-schema';
import { foldKey } from './dimensions';
import { INDICATOR_ID_MAX, fitIndicatorId } from './indicator-id';

const longName = 'Andel elever i årskurs 9 som är behöriga till yrkesprogram, hemkommun, andel (%)   x';

describe('fitIndicatorId', () => {
	it('keeps ids that fit', () => {
		expect(fitIndicatorId('upload:medelinkomst-kr')).toBe('upload:medelinkomst-kr');
		expect(fitIndicatorId('TAB638:BE0101N1')).toBe('TAB638:BE0101N1');
	});

	it('cuts a long id to what the archive schema accepts, keeping long names apart', () => {
		const id = fitIndicatorId(`upload:${foldKey(longName)}`);
		expect(`upload:${foldKey(longName)}`.length).toBeGreaterThan(INDICATOR_ID_MAX);
		expect(id.length).toBeLessThanOrEqual(INDICATOR_ID_MAX);
		expect(idSchema.safeParse(id).success).toBe(true);
		expect(id.startsWith('upload:andel-elever-i-arskurs-9')).toBe(true);
		expect(fitIndicatorId(`upload:${foldKey(`${longName} flickor`)}`)).not.toBe(id);
		expect(fitIndicatorId(`upload:${foldKey(longName)}`)).toBe(id);
	});

	it('never gives whitespace or an empty id', () => {
		expect(idSchema.safeParse(fitIndicatorId('tabell: kod med mellanslag')).success).toBe(true);
		expect(fitIndicatorId('')).toBe('indikator');
	});
});
