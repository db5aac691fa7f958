/** Public surface of the progression engine (see docs/progression.md). */
export { assessProgression } from './engine';
export { classifyFlare } from './flare';
export { classifySoreness } from './soreness';
export { assessPlateau } from './plateau';
export { suggestPhase } from './phase';
export { summariseCheckpoint, goalProgress } from './checkpoint';
export { reliefPoints, mixPoints } from './timeline';
export { DEFAULT_PROGRESSION_SETTINGS, PROGRESSION_SETTING_RANGES, resolveProgressionSettings, describeSetting, settingsLabel } from './settings';
export type * from './types';
export { FLARE_CLASSES } from './types';
