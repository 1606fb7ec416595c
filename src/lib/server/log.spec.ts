import { afterEach, describe, expect, it, vi } from 'vitest';
import { log } from './log';

describe('structured log', () => {
	afterEach(() => vi.restoreAllMocks());

	it('writes one JSON line per event and never the secret', () => {
		const lines: string[] = [];
		vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
			lines.push(String(chunk));
			return true;
		});
		log.info('test.event', {
			facilitatorSecret: 's3cret-value',
			nested: { token: 'tok-value' },
			url: 'http://x/f/abc?key=s3cret-value&lang=sv'
		});
		expect(lines).toHaveLength(1);
		const line = lines[0]!;
		expect(line.endsWith('\n')).toBe(true);
		const parsed = JSON.parse(line);
		expect(parsed.event).toBe('test.event');
		expect(parsed.level).toBe('info');
		expect(line).not.toContain('s3cret-value');
		expect(line).not.toContain('tok-value');
		expect(parsed.url).toBe('http://x/f/abc?key=[redacted]&lang=sv');
	});
});
