import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyAll, createWorld, type Command, type World } from '../../model';
import { PLANNED_SEED } from '../../planner/cast';
import { Planner } from '../../planner/planner';
import { CoverageRecorder, type CoverageRecord } from '../../io/recorder';
import { computeTotals } from '../totals';

/**
 * Real raw coverage for the report tests, without running cucumber: each statechart transition
 * the planner can reach is driven through the real world (so Application IDs, consumer keys and
 * secrets, token secrets are generated as in a run) and observed by a CoverageRecorder, as a
 * scenario of its own. Tests only.
 */

export interface GeneratedRun {
  readonly records: CoverageRecord[];
  /** The worlds the records came from: their confidential values must not reach any report file. */
  readonly worlds: World[];
}

export const SYNTHETIC_FEATURE = 'features/synthetic-coverage.feature';

/** Records one scenario per reachable transition (minus `omit`), each tagged with the transition's rules. */
export function recordsForTransitions(options: { omit?: readonly string[] } = {}): GeneratedRun {
  const totals = computeTotals({ maxPathLength: 1 });
  const planner = new Planner(1);
  const records: CoverageRecord[] = [];
  const worlds: World[] = [];
  for (const t of totals.transitions) {
    if (options.omit?.includes(t.id)) continue;
    const plan = planner.transition(t.id);
    if (!plan.ok) continue;
    const run = replay(`Takes ${t.id}`, plan.plan.commands, t.rules, 'scenario');
    records.push(run.record);
    worlds.push(run.world);
  }
  return { records, worlds };
}

/** Replays commands from an empty world and records them as one check. */
export function replay(name: string, commands: readonly Command[], rules: readonly string[], source: 'scenario' | 'property', file: string | undefined = source === 'scenario' ? SYNTHETIC_FEATURE : undefined): { record: CoverageRecord; world: World } {
  const recorder = new CoverageRecorder(source, name, file);
  recorder.checks(rules);
  const { world, outcomes } = applyAll(createWorld({ seed: PLANNED_SEED }), commands);
  for (const o of outcomes) recorder.observe(o);
  recorder.endRun();
  return { record: recorder.toRecord('passed'), world };
}

/** Writes records as raw JSON lines, split round-robin over `files` files (as parallel workers would). */
export function writeRaw(dir: string, records: readonly CoverageRecord[], files = 1, prefix = 'worker'): string[] {
  mkdirSync(dir, { recursive: true });
  const names = Array.from({ length: files }, (_, i) => join(dir, `${prefix}-${i}.jsonl`));
  const lines = names.map(() => [] as string[]);
  records.forEach((r, i) => lines[i % files].push(JSON.stringify(r)));
  names.forEach((n, i) => writeFileSync(n, lines[i].map((l) => `${l}\n`).join('')));
  return names;
}

/** Every confidential value a world holds: Application IDs, consumer keys and secrets, token IDs and secrets. */
export function confidentialValues(world: World): string[] {
  return [
    ...Object.values(world.records).flatMap((r) => [r.applicationId, r.consumerKey, r.consumerSecret, ...(r.previousConsumerKey ? [r.previousConsumerKey] : [])]),
    ...Object.values(world.tokens).flatMap((t) => [t.tokenId, t.tokenSecret]),
  ];
}
