import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en, sv } from './catalogue-files';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
	const out = new Map<string, string>();
	for (const [key, value] of Object.entries(tree)) {
		const path = prefix ? `${prefix}.${key}` : key;
		if (typeof value === 'string') out.set(path, value);
		else for (const [k, v] of flatten(value, path)) out.set(k, v);
	}
	return out;
}

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return /\.(svelte|ts)$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
	});
}

const svKeys = flatten(sv as Tree);
const enKeys = flatten(en as Tree);

describe('message catalogues', () => {
	it('have exactly the same keys in Swedish and English', () => {
		expect([...enKeys.keys()].sort()).toEqual([...svKeys.keys()].sort());
	});

	it('have no empty messages', () => {
		for (const [key, value] of [...svKeys, ...enKeys]) expect(value.trim(), key).not.toBe('');
	});

	it('use the same {{placeholders}} in both languages', () => {
		const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
		for (const [key, value] of svKeys) expect(placeholders(enKeys.get(key) ?? ''), key).toEqual(placeholders(value));
	});

	it('contain every literal key the UI asks for', () => {
		const root = new URL('../..', import.meta.url).pathname;
		const missing: string[] = [];
		for (const file of sourceFiles(root)) {
			const text = readFileSync(file, 'utf8');
			for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) {
				// A key asked for with a count may exist only as its plural forms (key_one, key_other).
				if (!svKeys.has(match[1]!) && !svKeys.has(`${match[1]}_other`)) missing.push(`${match[1]} (${file.slice(root.length)})`);
			}
		}
		expect(missing).toEqual([]);
	});
});
