import type { Factor } from '$lib/domain/systemmap';

type Translate = (key: string) => string;

/** "Risk · universell": a factor's risk/protective tag and prevention level as one short mark, or '' without a tag. */
export function factorTagText(factor: Pick<Factor, 'tag' | 'level'>, t: Translate): string {
	if (!factor.tag) return '';
	const tag = t(`map.tag.${factor.tag}`);
	return factor.level ? `${tag} · ${t(`map.level.${factor.level}`)}` : tag;
}
