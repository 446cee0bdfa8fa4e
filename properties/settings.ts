import { faultsFromEnv, type DeliberateFault } from '../model';

/**
 * Settings of the property runs, read once from the environment (options in, config out).
 *
 *   HARNESS_RUNS          runs per property (default 400)
 *   HARNESS_SEED          fast-check seed (default: a new one each time, printed on failure)
 *   HARNESS_PATH          fast-check path of a counterexample to replay (with HARNESS_SEED)
 *   HARNESS_REPLAY_PATH   fc.commands replayPath of that counterexample
 *   HARNESS_MAX_COMMANDS  longest generated command sequence (default 100)
 *   HARNESS_STATS=1       print how runs spread over lifecycle transitions and rule IDs
 *   HARNESS_FAULT         deliberate faults to switch on, e.g. AUTH-03 (the properties should fail)
 *   HARNESS_COUNTEREXAMPLES  where counterexample files go (default counterexamples/)
 *   HARNESS_COVERING=0    skip the planner's covering set before the random runs (quick runs only)
 */
export interface PropertySettings {
  readonly numRuns: number;
  readonly seed: number | undefined;
  readonly path: string | undefined;
  readonly replayPath: string | undefined;
  readonly maxCommands: number;
  readonly stats: boolean;
  readonly faults: readonly DeliberateFault[];
  readonly counterexampleDir: string;
  /** The world's own seed (Application IDs, keys). */
  readonly worldSeed: number;
  /** Run the planner's covering set as examples first (properties/covering.ts). */
  readonly covering: boolean;
}

export const DEFAULT_SETTINGS: PropertySettings = {
  numRuns: 400,
  seed: undefined,
  path: undefined,
  replayPath: undefined,
  maxCommands: 100,
  stats: false,
  faults: [],
  counterexampleDir: 'counterexamples',
  worldSeed: 42,
  covering: true,
};

function integer(env: NodeJS.ProcessEnv, name: string, min: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name}: Invalid value "${raw}": should be an integer of at least ${min}`);
  return n;
}

function text(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
}

/** Completes the settings from the environment, then from `overrides` (tests pass their own). */
export function resolvePropertySettings(env: NodeJS.ProcessEnv = process.env, overrides: Partial<PropertySettings> = {}): PropertySettings {
  const stats = text(env, 'HARNESS_STATS');
  return {
    numRuns: integer(env, 'HARNESS_RUNS', 1) ?? DEFAULT_SETTINGS.numRuns,
    seed: integer(env, 'HARNESS_SEED', -0x80000000),
    path: text(env, 'HARNESS_PATH'),
    replayPath: text(env, 'HARNESS_REPLAY_PATH'),
    maxCommands: integer(env, 'HARNESS_MAX_COMMANDS', 1) ?? DEFAULT_SETTINGS.maxCommands,
    stats: stats !== undefined && stats !== '0' && stats.toLowerCase() !== 'false',
    faults: faultsFromEnv(env.HARNESS_FAULT),
    counterexampleDir: text(env, 'HARNESS_COUNTEREXAMPLES') ?? DEFAULT_SETTINGS.counterexampleDir,
    worldSeed: DEFAULT_SETTINGS.worldSeed,
    covering: !['0', 'false', 'off'].includes((text(env, 'HARNESS_COVERING') ?? 'on').toLowerCase()),
    ...overrides,
  };
}
