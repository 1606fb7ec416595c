/**
 * Catalogues are split by feature, one JSON file per namespace and language
 * (`sv/card.json` holds the `card.*` keys), so features add strings without
 * editing a shared file. Vite bundles them all; nothing is fetched at run time.
 */
type Tree = { [key: string]: string | Tree };

const files = import.meta.glob<Tree>('./{sv,en}/*.json', { eager: true, import: 'default' });

function catalogue(lang: 'sv' | 'en'): Tree {
	const out: Tree = {};
	for (const [path, messages] of Object.entries(files)) {
		const match = path.match(/^\.\/(sv|en)\/([\w-]+)\.json$/);
		if (match && match[1] === lang) out[match[2]!] = messages;
	}
	return out;
}

export const sv = catalogue('sv');
export const en = catalogue('en');
