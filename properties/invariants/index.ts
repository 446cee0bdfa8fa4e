import { COMMAND_TYPES } from '../../model';
import { ambiguousRefused, dataCenterUrls, endpointEras, permittedMethods, replayRefused, stateGate } from './authentication';
import { bundles } from './bundles';
import { citations } from './citations';
import { lifecycle } from './lifecycle';
import { permissions } from './permissions';
import { applicationIds, creation, credentials, editRights } from './records';
import { refresh } from './refresh';
import { notHeldHere, refusalsChangeNothing } from './refusals';
import { Step, type DefinedInvariant, type Invariant, type StepContext, type Violation } from './step';
import { installations } from './tokens';
import { tracking } from './tracking';
import { views } from './views';

/**
 * Invariants over one step of the world, each named by the rule IDs it checks. Each states
 * its rule on its own terms (a small table of who may do what, which refusal comes first),
 * not by calling the model's code again. Pure, deterministic and cheap: the explorer calls
 * them on hundreds of thousands of steps, so they compare the few parts a command may touch,
 * relying on the world's structural sharing only as a fast path.
 *
 * One file per rule area; `step.ts` holds the vocabulary of a check (`define`, the per-step
 * memo), `calls.ts` decodes requests and logins, `differences.ts` compares worlds.
 */

export type { Invariant, StepContext, Violation };

/** Every invariant, rule-specific ones first so a broken rule is reported under its own name. */
const ALL: readonly DefinedInvariant[] = [
  ambiguousRefused,
  endpointEras,
  replayRefused,
  dataCenterUrls,
  stateGate,
  editRights,
  refresh,
  credentials,
  creation,
  applicationIds,
  bundles,
  installations,
  permittedMethods,
  tracking,
  permissions,
  views,
  lifecycle,
  refusalsChangeNothing,
  notHeldHere,
  citations,
];

export const INVARIANTS: readonly Invariant[] = ALL;

/** For each command type, the invariants that concern it, in INVARIANTS order. */
const BY_COMMAND = new Map<string, readonly DefinedInvariant[]>(
  COMMAND_TYPES.map((type) => [type, ALL.filter((i) => i.concerns?.includes(type) ?? true)]),
);

/** The first violation of any invariant, or undefined. */
export function checkStep(context: StepContext): Violation | undefined {
  // Each invariant also checks the command type itself, so unknown types simply get them all.
  const invariants = BY_COMMAND.get(context.command.type) ?? ALL;
  const step = new Step(context);
  for (const inv of invariants) {
    const v = inv.verify(step);
    if (v) return v;
  }
  return undefined;
}
