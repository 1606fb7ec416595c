import { describe, expect, it } from 'vitest';
import { DATA_SOURCES, DEFAULT_AGENDA_TEMPLATE, GOALS, THEMES } from './default-templates';

describe('default templates', () => {
	it('loads the shipped themes, goals, data sources and agenda', () => {
		expect(THEMES).toHaveLength(15);
		expect(GOALS).toHaveLength(3);
		expect(DATA_SOURCES.length).toBeGreaterThanOrEqual(12);
		expect(DEFAULT_AGENDA_TEMPLATE.id).toBe('standard');
	});
});
