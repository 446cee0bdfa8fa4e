import { ASSUMPTION_IDS, FACT_IDS, RULE_IDS } from '../../model';
import { coveringSet } from '../../planner/covering';
import { Planner } from '../../planner/planner';
import type { CoverageRecord, RuleEvidence } from '../../io/recorder';
import { recordsForTransitions, replay } from './records';

/**
 * Raw coverage the size of a full run (`npm start`: about 140 scenarios and 2 properties) without
 * running cucumber: the planner's covering set of every reachable transition, pair and path,
 * one scenario per transition, and more scenarios up to the count, each replayed through the real
 * world with a name as long as the feature files' names; then two properties whose names carry
 * every ID they check (as the world property's do) and that took every transition and path the
 * scenarios took, with evidence for each rule. Tests only.
 */

export interface FullRunOptions {
  /** Scenarios in all (default 140). */
  readonly scenarios?: number;
  /** How many scenarios (the first ones) are recorded as failed (default none). */
  readonly failed?: number;
  /** Transitions no check takes (every walk through them is left out), so they, their pairs and paths are uncovered. */
  readonly omit?: readonly string[];
  /** Rules the properties name but whose case no step reached (evidence 0 of 0). */
  readonly vacuous?: readonly string[];
}

const FEATURES = ['lifecycle', 'sandbox', 'authentication', 'records', 'ownership', 'tokens'];
const PROPERTY_FILE = 'properties/world.property.test.ts';
const INVARIANTS = ['acceptedRequestsNeedAnEnabledRecord', 'applicationIdsAreUniqueAndStable', 'ownerControlsItsRecord', 'refreshCopiesProduction', 'waitingBlocksEveryRequest'];

function scenarioName(i: number, path: readonly string[]): string {
  const walk = path.map((t) => t.slice(t.lastIndexOf(' ') + 1)).join(', then ');
  return `Scenario ${i + 1}: an installation of "App" in "Acme" becomes ${walk}`;
}

const featureOf = (i: number): string => `features/${FEATURES[i % FEATURES.length]}.feature`;

export function fullRunRecords(options: FullRunOptions = {}): CoverageRecord[] {
  const planner = new Planner(3);
  const { plans } = coveringSet(planner, planner.reachableItems(), 3);
  const perTransition = recordsForTransitions().records;
  const rulesOfTransition = new Map(perTransition.flatMap((r) => r.transitions.map((t) => [t.id, r.rules] as const)));
  const rulesOf = (transitions: readonly string[]): string[] => [...new Set(transitions.flatMap((t) => rulesOfTransition.get(t) ?? []))];
  // Every plan replayed: the properties took all of them (the world property runs the covering
  // set before its random runs); the scenarios are the first of them and one per transition.
  const walks = plans.map(({ plan }, i) => replay(scenarioName(i, plan.transitions), plan.commands, rulesOf(plan.transitions), 'scenario', featureOf(i)).record);
  const pool = [...perTransition, ...walks].filter((r) => !r.transitions.some((t) => options.omit?.includes(t.id)));
  const scenarios = Array.from({ length: options.scenarios ?? 140 }, (_, i): CoverageRecord => {
    const r = pool[i % pool.length];
    return { ...r, name: scenarioName(i, r.paths[0] ?? []), file: featureOf(i) };
  });
  const failed = options.failed ?? 0;
  const scenarioRecords = scenarios.map((r, i) => (i < failed ? { ...r, status: 'failed' as const } : r));
  const ids = [...RULE_IDS, ...ASSUMPTION_IDS, ...FACT_IDS];
  const evidence = (which: readonly string[]): Record<string, RuleEvidence> =>
    Object.fromEntries(
      which.map((id, i) => {
        const reached = options.vacuous?.includes(id) ? 0 : 40 + ((i * 37) % 400);
        return [id, { by: [INVARIANTS[i % INVARIANTS.length], INVARIANTS[(i + 2) % INVARIANTS.length]], reached, held: reached }];
      }),
    );
  const all = <T>(xs: readonly (readonly T[])[], key: (x: T) => string): T[] => [...new Map(xs.flat().map((x) => [key(x), x])).values()];
  const property = (name: string, which: readonly string[]): CoverageRecord => ({
    ...scenarios[0],
    source: 'property',
    status: 'passed',
    name: `${name} (${which.join(' ')})`,
    file: PROPERTY_FILE,
    transitions: all(pool.map((s) => s.transitions), (t) => t.id),
    paths: all(pool.map((s) => s.paths), (p) => p.join('|')),
    rules: [...which],
    evidence: evidence(which),
  });
  return [
    ...scenarioRecords,
    property('random command sequences keep every invariant', ids),
    property('decision table agrees with the world on whether a request is accepted and which record tracks it', ids.filter((_, i) => i % 3 === 0)),
  ];
}
