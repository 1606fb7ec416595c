export * from './map';
export { checkLabel, isValidId, validateMap, type LabelProblem, type MapIssue, type MapIssueCode, type MapValidation } from './validate';
export { findLoops, loopFromKey, LOOP_CAP_DEFAULT, type Loop, type LoopKind, type LoopSearch } from './loops';
export { attachLoopStories, type AttachedStories, type LoopStory, type StoriedLoop } from './loop-stories';
export { focusFactor, type Focus, type FocusDepth, type FocusSet } from './focus';
export { type ImportError, type ImportResult } from './import-result';
export { parseMapJson } from './import-json';
export { parseLinksCsv } from './import-csv';
export { mapToJson } from './export-json';
export { linksToCsv } from './export-csv';
export { mapToGraphml } from './export-graphml';
export { mapToSvg, type SvgOptions } from './export-svg';
export { slugId } from './ids';
export {
	checkStarterLibrary,
	starterToFactor,
	THEME_IDS,
	type Bilingual,
	type StarterFactor,
	type StarterLibrary,
	type StarterTheme,
	type ThemeId
} from './starter-factors';
