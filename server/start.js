// `npm start`: build once if there is no production build yet, then serve.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(new URL('../build/handler.js', import.meta.url))) {
	process.stdout.write('No production build yet: running `npm run build` first…\n');
	const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}
await import('./index.js');
