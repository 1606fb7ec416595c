/**
 * Structured logs: one JSON object per line on stdout. Secrets never reach a log
 * line: known secret-bearing fields are replaced, and URLs lose their `key` query.
 */
type Level = 'info' | 'warn' | 'error';

const SECRET_FIELDS = new Set(['secret', 'facilitatorSecret', 'token', 'authorization', 'cookie', 'password']);

function redact(value: unknown, depth = 0): unknown {
	if (typeof value === 'string') return value.replace(/([?&]key=)[^&#\s]+/g, '$1[redacted]');
	if (depth > 4 || value === null || typeof value !== 'object') return value;
	if (value instanceof Error) return { name: value.name, message: value.message };
	if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(value)) {
		out[k] = SECRET_FIELDS.has(k) ? '[redacted]' : redact(v, depth + 1);
	}
	return out;
}

function write(level: Level, event: string, fields: Record<string, unknown> = {}): void {
	const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...(redact(fields) as object) });
	if (level === 'error') process.stderr.write(line + '\n');
	else process.stdout.write(line + '\n');
}

export const log = {
	info: (event: string, fields?: Record<string, unknown>) => write('info', event, fields),
	warn: (event: string, fields?: Record<string, unknown>) => write('warn', event, fields),
	error: (event: string, fields?: Record<string, unknown>) => write('error', event, fields)
};
