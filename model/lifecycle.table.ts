import { transition, type AnyStateNode, type SnapshotFrom } from 'xstate';
import {
  lifecycleMachine,
  type GuardName,
  type LifecycleEvent,
  type LifecycleEventType,
  type LifecycleState,
  type PresentState,
  type TransitionMeta,
} from './lifecycle.machine';
import type { RuleId } from './rules';

/**
 * The statechart compiled once into a transition table over its leaf states, so the world
 * and the explorer step an installation in a few array reads instead of a full xstate
 * `transition()` call. The table is read from the machine's own state nodes (never written
 * by hand); a test checks it agrees with xstate on every state, event and guard outcome.
 */

/** One edge of the lifecycle as coverage counts it: a leaf source, an event, a guard, a leaf target. */
export interface TransitionDef {
  readonly id: string;
  readonly from: LifecycleState;
  readonly event: LifecycleEventType;
  readonly guard: GuardName | undefined;
  readonly to: LifecycleState;
  readonly rules: readonly RuleId[];
  /** The state node that declares it (a parent's transition applies to each of its leaves). */
  readonly declaredOn: string;
}

/** What the world records each time it moves an installation. */
export interface LifecycleStep {
  readonly from: LifecycleState;
  readonly event: LifecycleEventType;
  readonly to: LifecycleState;
  readonly guard: GuardName | undefined;
  readonly transition: string;
}

export interface LifecycleStepper {
  step(from: LifecycleState, event: LifecycleEvent): LifecycleStep | undefined;
}

/** The leaf states, read from the machine in the order it declares them (the one list of them). */
export const LIFECYCLE_STATES: readonly LifecycleState[] = leaves(lifecycleMachine.root).map((n) => n.key as LifecycleState);
/** The states in which the account holds the record: the leaves under `present` (STATE-01). */
export const PRESENT_STATES: readonly PresentState[] = leaves(lifecycleMachine.root.states.present).map((n) => n.key as PresentState);
export const INITIAL_STATE = lifecycleMachine.root.initial?.target?.[0]?.key as LifecycleState;

export function transitionId(from: LifecycleState, event: LifecycleEventType, guard: string | undefined, to: LifecycleState): string {
  return `${from} --${event}${guard ? `[${guard}]` : ''}--> ${to}`;
}

/** Where a transition into `node` lands: xstate gives every compound state an initial child. */
function leafOf(node: AnyStateNode): AnyStateNode {
  let n = node;
  while (n.type === 'compound') n = n.initial.target[0];
  return n;
}

function leaves(node: AnyStateNode): AnyStateNode[] {
  const children = Object.values(node.states) as AnyStateNode[];
  return children.length === 0 ? [node] : children.flatMap(leaves);
}

/** A guard named by a string: the lifecycle's guards are named after the rules they enforce. */
function guardName(guard: unknown): GuardName | undefined {
  if (guard === undefined) return undefined;
  if (typeof guard === 'string') return guard as GuardName;
  throw new Error(`lifecycle table: unsupported guard ${typeof guard === 'function' ? 'function' : JSON.stringify(guard)}; use a guard named by a string`);
}

function leafName(node: AnyStateNode): LifecycleState {
  const key = node.key as LifecycleState;
  if (!LIFECYCLE_STATES.includes(key)) throw new Error(`lifecycle table: unexpected leaf state "${node.key}"`);
  return key;
}

/** Every transition of the machine, expanded to leaf sources, in xstate's priority order. */
export function deriveTransitions(machine = lifecycleMachine): TransitionDef[] {
  const out: TransitionDef[] = [];
  for (const leaf of leaves(machine.root)) {
    const from = leafName(leaf);
    const seen = new Set<string>();
    // Child transitions take priority over the parent's, as in xstate.
    // A leaf's ancestors all lead to the root.
    for (let node: AnyStateNode = leaf; node !== machine.root; node = node.parent as AnyStateNode) {
      for (const [eventType, defs] of node.transitions) {
        for (const def of defs) {
          const target = def.target?.[0];
          // Every lifecycle event moves the record somewhere; a transition that stays put would need a State of its own.
          if (!target) throw new Error(`lifecycle table: ${eventType} from "${from}" has no target; give every transition one`);
          const to = leafName(leafOf(target));
          const guard = guardName(def.guard);
          const id = transitionId(from, eventType as LifecycleEventType, guard, to);
          if (seen.has(id)) continue;
          seen.add(id);
          out.push({
            id,
            from,
            event: eventType as LifecycleEventType,
            guard,
            to,
            rules: ((def as { meta?: TransitionMeta }).meta?.rules ?? []) as readonly RuleId[],
            declaredOn: node.id,
          });
        }
      }
    }
  }
  return out;
}

type GuardFn = (args: { event: LifecycleEvent }) => boolean;

/** The fast stepper: candidates per (state, event) in priority order; the first whose guard holds wins. */
export function compileLifecycle(machine = lifecycleMachine): LifecycleStepper & { readonly transitions: readonly TransitionDef[] } {
  const transitions = deriveTransitions(machine);
  const guards = machine.implementations.guards as unknown as Record<string, GuardFn>;
  const table = new Map<string, TransitionDef[]>();
  for (const t of transitions) {
    const key = `${t.from}|${t.event}`;
    const list = table.get(key) ?? [];
    list.push(t);
    table.set(key, list);
  }
  for (const t of transitions) {
    if (t.guard && typeof guards[t.guard] !== 'function') throw new Error(`lifecycle table: guard "${t.guard}" has no implementation`);
  }
  return {
    transitions,
    step(from, event) {
      const candidates = table.get(`${from}|${event.type}`);
      if (!candidates) return undefined;
      for (const t of candidates) {
        if (t.guard === undefined || guards[t.guard]({ event })) {
          return { from, event: event.type, to: t.to, guard: t.guard, transition: t.id };
        }
      }
      return undefined;
    },
  };
}

/** The same stepping through xstate's pure `transition()`: the reference the table is checked against. */
export function xstateStepper(machine = lifecycleMachine): LifecycleStepper {
  const compiled = compileLifecycle(machine);
  const snapshots = new Map<LifecycleState, SnapshotFrom<typeof machine>>();
  for (const s of LIFECYCLE_STATES) {
    const value = s === 'absent' || s === 'removed' ? s : { present: s };
    snapshots.set(s, machine.resolveState({ value, context: {} }));
  }
  return {
    step(from, event) {
      const before = snapshots.get(from);
      // Stryker disable next-line ConditionalExpression: every leaf has a snapshot (built above from the same list)
      if (!before) return undefined;
      // `can` asks xstate whether any transition is enabled: a self-transition may return the same snapshot.
      if (!before.can(event)) return undefined;
      const [after] = transition(machine, before, event);
      const to = stateOfSnapshotValue(after.value);
      // xstate does not say which candidate fired; the compiled table names it.
      const named = compiled.step(from, event);
      // Stryker disable next-line OptionalChaining: the table agrees with xstate (tested), so it names every transition xstate takes
      return { from, event: event.type, to, guard: named?.guard, transition: transitionId(from, event.type, named?.guard, to) };
    },
  };
}

function stateOfSnapshotValue(value: unknown): LifecycleState {
  if (typeof value === 'string') return value as LifecycleState;
  // Stryker disable next-line all: the lifecycle's snapshot values are a leaf name or { present: leaf }; the checks only narrow the type
  if (typeof value === 'object' && value !== null && 'present' in value) return (value as { present: LifecycleState }).present;
  throw new Error(`unexpected lifecycle snapshot value ${JSON.stringify(value)}`);
}

/** The compiled lifecycle the world uses; derived once from the machine. */
export const lifecycle = compileLifecycle();
