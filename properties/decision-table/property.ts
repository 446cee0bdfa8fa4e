import fc from 'fast-check';
import { apply, createWorld, redactText, type Command, type DeliberateFault, type Expectation, type Outcome, type World } from '../../model';
import type { CoverageRecorder } from '../../io/recorder';
import { propertyFailure, type PropertyFailure } from '../counterexample';
import type { Violation } from '../invariants';
import type { PropertySettings } from '../settings';
import type { RunStats } from '../stats';
import { decisionInputArb } from './inputs';
import { decide, DECISION_TABLE, type Decision, type DecisionInput } from './table';
import { commandsFor, RECORD } from './world';

/**
 * The decision table as a property: random abstract inputs are turned into a world by
 * ordinary commands, the request is applied, and the world's answer must be the table's.
 * A bug must be made twice to pass.
 */

/** The IDs the table decides by, and those it states without a row of their own: ASM-01 and TOKEN-02 (an auto-installation's State from Require Approval), ASM-07 (the refusal order). */
const DECISION_TABLE_RULES: readonly string[] = [...new Set([...DECISION_TABLE.map((r) => r.rule), ...DECISION_TABLE.flatMap((r) => (r.then.accepted ? [] : [r.then.rule])), 'ASM-01', 'ASM-07', 'TOKEN-02'])];

export const DECISION_PROPERTY_NAME = `decision table agrees with the world on whether a request is accepted and which record tracks it (${DECISION_TABLE_RULES.join(' ')})`;

class DecisionMismatch extends Error {
  constructor(readonly violation: Violation, readonly commands: readonly Command[]) {
    super(violation.message);
  }
}

function said(o: Outcome): string {
  if (o.kind === 'accepted') return `accepted, tracked by ${o.trackedBy?.by === 'record' ? o.trackedBy.record : o.trackedBy?.by ?? 'nothing said'}`;
  return o.kind === 'refused' ? `refused by ${o.rule}` : `invalid at ${o.at}: ${o.problem}`;
}

function agrees(d: Decision, o: Outcome): boolean {
  if (!d.accepted) return o.kind === 'refused' && o.rule === d.rule;
  if (o.kind !== 'accepted' || !o.trackedBy) return false;
  return d.trackedBy === 'App' ? o.trackedBy.by === 'record' && o.trackedBy.record === RECORD : o.trackedBy.by === d.trackedBy;
}

interface DecisionCheck {
  /** The table row that decided. */
  readonly row: number;
  /** The setup commands and the request, from an empty world. */
  readonly commands: readonly Command[];
  /** The mismatch between the world and the table, if any. */
  readonly violation: Violation | undefined;
}

/** Applies the input's commands to a fresh world and compares the request's outcome with the table. */
function checkDecision(i: DecisionInput, worldSeed: number, faults: readonly DeliberateFault[], observe?: (o: Outcome, c: Command) => void): DecisionCheck {
  const { setup, request } = commandsFor(i);
  let world: World = createWorld({ seed: worldSeed, faults });
  for (const [n, c] of setup.entries()) {
    const r = apply(world, c);
    observe?.(r.outcome, c);
    if (r.outcome.kind === 'invalid') throw new Error(`decision table setup: commands[${n}] (${c.type}) is invalid: ${r.outcome.at}: ${r.outcome.problem}`);
    world = r.world;
  }
  const { outcome } = apply(world, request);
  observe?.(outcome, request);
  const { decision, row } = decide(i);
  const commands = [...setup, request];
  if (agrees(decision, outcome)) return { row, commands, violation: undefined };
  const expected: Expectation = decision.accepted ? { type: 'outcome', kind: 'accepted' } : { type: 'outcome', kind: 'refused', rule: decision.rule };
  const rule = DECISION_TABLE[row].rule;
  const violation: Violation = {
    invariant: `${rule} decision table row ${row + 1}`,
    rules: [...new Set([rule, ...(decision.accepted ? [] : [decision.rule])])],
    message: redactText(`${JSON.stringify(i)}: the world said ${said(outcome)}; the table says ${decision.accepted ? `accepted, tracked by ${decision.trackedBy}` : `refused by ${decision.rule}`} (row ${row + 1})`),
    expectations: [expected],
  };
  return { row, commands, violation };
}

interface DecisionResult {
  readonly runs: number;
  readonly failure: PropertyFailure | undefined;
}

/** A row as statistics name it. */
export const rowLabel = (row: number): string => {
  const { rule, then } = DECISION_TABLE[row];
  return `row ${String(row + 1).padStart(2)} ${rule} ${then.accepted ? 'accepted' : `refused by ${then.rule}`}`;
};

export function checkDecisionTable(settings: PropertySettings, recorder?: CoverageRecorder, stats?: RunStats): DecisionResult {
  let run = 0;
  const property = fc.property(decisionInputArb, (i) => {
    run++;
    const observe = recorder || stats ? (o: Outcome, c: Command) => {
      recorder?.observe(o, run);
      stats?.observe(o, c);
    } : undefined;
    const { row, commands, violation } = checkDecision(i, settings.worldSeed, settings.faults, observe);
    recorder?.endRun(run);
    stats?.note('row', rowLabel(row));
    stats?.endRun();
    if (violation) throw new DecisionMismatch(violation, commands);
  });
  const details = fc.check(property, {
    numRuns: settings.numRuns * 4,
    ...(settings.seed !== undefined ? { seed: settings.seed } : {}),
    ...(settings.path !== undefined ? { path: settings.path } : {}),
  });
  if (!details.failed) return { runs: run, failure: undefined };
  const error = details.errorInstance;
  if (!(error instanceof DecisionMismatch)) throw new Error(`decision table: failed without a mismatch (seed ${details.seed}): ${String(error)}`);
  return { runs: run, failure: propertyFailure(DECISION_PROPERTY_NAME, settings, details, error) };
}
