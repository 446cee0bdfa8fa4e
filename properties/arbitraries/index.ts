/** The generators of the world property: intents (intent.ts), their building blocks (values.ts), the intents of each command (intents.ts, requests.ts) and the mix that weighs them (mix.ts). */
export type { FreshNames, Intent } from './intent';
export { DEFAULT_MIX, intentArb, type Mix } from './mix';
export { weighted } from './values';
