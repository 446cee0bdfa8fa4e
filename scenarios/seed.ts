/**
 * Per-scenario seeds. Each scenario gets its own seed from its name, so adding or reordering
 * scenarios never changes another scenario's data, and serial and parallel runs agree.
 * HARNESS_SEED (an integer) shifts every scenario's seed at once, to try other fake data.
 */

/** FNV-1a over the text, as a non-negative 31-bit integer (the model wants an integer seed). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0) & 0x7fffffff;
}

/** Reads HARNESS_SEED; unset or empty means 0. */
export function baseSeedFromEnv(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 0;
  if (!/^-?\d+$/.test(value.trim())) throw new Error(`HARNESS_SEED: Invalid seed "${value}": should be an integer, e.g. HARNESS_SEED=42`);
  return Number(value.trim());
}

/** The seed of one scenario: its name mixed with the base seed. */
export function scenarioSeed(name: string, base: number): number {
  return base === 0 ? hash(name) : hash(`${base}:${name}`);
}

/** What a failing scenario prints so its run can be repeated exactly. */
export function describeSeed(name: string, seed: number, base: number, pinned: boolean): string {
  const env = base === 0 ? '' : `HARNESS_SEED=${base} `;
  const how = pinned
    ? 'pinned by the step "the scenario seed is ..."'
    : `derived from the scenario name${base === 0 ? '' : ` and HARNESS_SEED=${base}`}`;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "'\\''");
  return [
    `Scenario seed: ${seed} (${how}).`,
    `Repeat this run with: ${env}npm run features -- --name '^${escaped}$'`,
    `or pin the seed in the scenario with: Given the scenario seed is ${seed}`,
  ].join('\n');
}
