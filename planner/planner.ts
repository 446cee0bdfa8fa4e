import { apply, applyAll, createWorld, type Command, type Expectation, type InstallationStep, type LifecycleState, type Outcome, type Trace, type World } from '../model';
import type { CoverItem, Plan, PlanResult } from './types';
import { ACCOUNTS, ALL_MOVES, bundleOf, CAST, CAST_COMMANDS, CREATE_MOVES, PLANNED_RECORD, PLANNED_SEED, recordOf, SETTINGS, type Setting } from './cast';

/**
 * Plans world commands that drive one installation through given statechart transitions, in a
 * canonical cast: production "Acme" with its sandbox "Acme SB", a partner "Partner" and a
 * customer "Customer", and one integration record "App" (user credentials and token-based).
 *
 * Each lifecycle event is caused by a few commands (MOVES in cast.ts: one entry per event type,
 * checked by the compiler; a move sets up the guard's condition, e.g. Require Approval, first).
 * A breadth-first search over the moves, run on the real world (`apply`), finds the shortest
 * move sequences after which the subject installation has taken given transitions. The search
 * deduplicates on the part of the world that decides lifecycle moves (installations and their
 * origin, the record's owner, the bundle), so it runs to exhaustion in a few seconds: what it
 * does not find, no sequence of these moves reaches. Every plan is replayed from an empty world
 * with `applyAll` and kept only if the subject took exactly the planned transitions.
 */

/** A search node: the world after a move, linked to its parent (commands and path are rebuilt only for results). */
interface SearchNode {
  readonly world: World;
  readonly parent: SearchNode | undefined;
  readonly move: readonly Command[];
  /** Transitions the subject took in this move. */
  readonly steps: readonly string[];
  /** Issue Token commands so far (token handles must be new). */
  readonly tokens: number;
  /** The subject's path so far, joined, and its length and last transition. */
  readonly pathKey: string;
  readonly pathLength: number;
  readonly last: string | undefined;
}

function commandsOf(node: SearchNode): Command[] {
  const out: Command[] = [];
  for (let n: SearchNode | undefined = node; n; n = n.parent) out.unshift(...n.move);
  return out;
}

function pathOf(node: SearchNode): string[] {
  const out: string[] = [];
  for (let n: SearchNode | undefined = node; n; n = n.parent) out.unshift(...n.steps);
  return out;
}


/**
 * The part of the world that decides lifecycle moves: what the search deduplicates on.
 * Require Approval is left out because every move that reads it sets it first.
 */
function lifecycleKey(world: World, setting: Setting): string {
  const parts: string[] = [];
  for (const account of setting.accounts) {
    const inst = world.accounts[account].installations[PLANNED_RECORD];
    parts.push(inst ? `${inst.state}/${inst.origin}/${inst.bundle ?? ''}` : '-');
  }
  const record = recordOf(world);
  const bundle = bundleOf(world);
  parts.push(record?.owner ?? '-', bundle ? `${bundle.account}>${[...bundle.installedIn].sort().join(',')}` : '-');
  return parts.join('|');
}

/** Applies a move; set-up commands must be accepted, the last may be refused yet still move (STATE-02). */
function applyMove(world: World, commands: readonly Command[]): { world: World; steps: InstallationStep[] } | undefined {
  let w = world;
  const steps: InstallationStep[] = [];
  for (const [i, cmd] of commands.entries()) {
    const { world: next, outcome } = apply(w, cmd);
    if (outcome.kind === 'invalid') return undefined;
    if (outcome.kind === 'refused' && i < commands.length - 1) return undefined;
    steps.push(...outcome.transitions);
    w = next;
  }
  return { world: w, steps };
}

export interface SearchLimits {
  /** Most moves (a move is one to three commands) after the cast is set up. */
  readonly maxMoves: number;
  /** Most search states per search. */
  readonly maxStates: number;
}

const DEFAULT_LIMITS: SearchLimits = { maxMoves: 30, maxStates: 250_000 };

/**
 * One exhaustive search in a setting. `history` says how much of the subject's path decides what
 * counts as new (nothing for transitions, the last transition for pairs, the whole path for
 * paths; undefined stops expanding); `visit` sees every node where the subject moved, shortest first.
 */
function explore(
  setting: Setting,
  history: (node: SearchNode) => string | undefined,
  visit: (node: SearchNode) => void,
  limits: SearchLimits,
): { exhausted: boolean } {
  const root: SearchNode = {
    world: applyAll(createWorld({ seed: PLANNED_SEED }), CAST_COMMANDS).world,
    parent: undefined, move: [], steps: [], tokens: 0, pathKey: '', pathLength: 0, last: undefined,
  };
  let layer: SearchNode[] = [root];
  const seen = new Set<string>([`${history(root)}|${lifecycleKey(root.world, setting)}`]);
  for (let depth = 0; depth < limits.maxMoves && layer.length > 0; depth++) {
    const next: SearchNode[] = [];
    for (const node of layer) {
      for (const factory of ALL_MOVES) {
        for (const account of CREATE_MOVES.has(factory) ? setting.accounts : setting.actors) {
          const move = factory(node.world, node.tokens, account);
          if (!move) continue;
          const applied = applyMove(node.world, move);
          if (!applied || applied.world === node.world) continue;
          const steps = applied.steps.filter((s) => s.account === setting.subject && s.record === PLANNED_RECORD).map((s) => s.transition);
          const child: SearchNode = {
            world: applied.world,
            parent: node,
            move,
            steps,
            tokens: node.tokens + (move[move.length - 1].type === 'issueToken' ? 1 : 0),
            pathKey: steps.length > 0 ? `${node.pathKey}${node.pathKey ? ',' : ''}${steps.join(',')}` : node.pathKey,
            pathLength: node.pathLength + steps.length,
            last: steps.length > 0 ? steps[steps.length - 1] : node.last,
          };
          if (steps.length > 0) visit(child);
          const h = history(child);
          if (h === undefined) continue;
          const key = `${h}|${lifecycleKey(applied.world, setting)}`;
          if (seen.has(key)) continue;
          seen.add(key);
          if (seen.size > limits.maxStates) return { exhausted: false };
          next.push(child);
        }
      }
    }
    layer = next;
  }
  return { exhausted: layer.length === 0 };
}

/**
 * Replays the commands from an empty world. None may be invalid; returns the transitions the
 * subject's installation took, its final state and the last outcome.
 */
function replayPlan(commands: readonly Command[], account: string):
  | { transitions: string[]; finalState: LifecycleState; last: Outcome }
  | { problem: string } {
  const { outcomes } = applyAll(createWorld({ seed: PLANNED_SEED }), commands);
  const bad = outcomes.findIndex((o) => o.kind === 'invalid');
  if (bad >= 0) return { problem: `command ${bad + 1} (${commands[bad].type}) is invalid on replay` };
  const taken = outcomes.flatMap((o) => (o.kind === 'invalid' ? [] : o.transitions.filter((s) => s.account === account && s.record === PLANNED_RECORD)));
  if (taken.length === 0) return { problem: `on replay "${account}" took no transition` };
  return { transitions: taken.map((s) => s.transition), finalState: taken[taken.length - 1].to, last: outcomes[outcomes.length - 1] };
}

/** Keeps only the cast accounts the plan uses (a sandbox needs its production). */
function castFor(commands: readonly Command[]): Command[] {
  const text = JSON.stringify(commands);
  const used = new Set(ACCOUNTS.filter((a) => text.includes(`"account":${JSON.stringify(a)}`)));
  if (used.has(CAST.sandbox)) used.add(CAST.production);
  return CAST_COMMANDS.filter((c) => 'account' in c && used.has(c.account));
}

/** Turns the searched commands into a verified plan: cast first, replayed, the subject's path checked. */
function verified(setting: Setting, commands: readonly Command[], expected: readonly string[]): PlanResult {
  const all = [...castFor(commands), ...commands];
  const replay = replayPlan(all, setting.subject);
  if ('problem' in replay) return { ok: false, unreachable: false, problem: replay.problem };
  if (JSON.stringify(replay.transitions) !== JSON.stringify(expected)) {
    return { ok: false, unreachable: false, problem: `on replay "${setting.subject}" took ${replay.transitions.join(', ')}, not the planned ${expected.join(', ')}` };
  }
  const last = replay.last;
  return {
    ok: true,
    plan: {
      subject: { account: setting.subject, record: PLANNED_RECORD },
      commands: all,
      transitions: replay.transitions,
      finalState: replay.finalState,
      lastOutcome: last.kind === 'refused' ? { type: 'outcome', kind: 'refused', rule: last.rule } : { type: 'outcome', kind: 'accepted' },
    },
  };
}

interface Found {
  readonly setting: Setting;
  readonly commands: readonly Command[];
  readonly path: readonly string[];
}

const found = (setting: Setting, node: SearchNode): Found => ({ setting, commands: commandsOf(node), path: pathOf(node) });

type Search = { readonly found: Map<string, Found>; readonly exhausted: boolean };

/**
 * The searches depend only on the model and the limits, never on a planner's path length: kept
 * per limits for the whole process, so every planner (reports built one after the other, tests)
 * runs each search once.
 */
interface Searches {
  transitions?: Search;
  pairs?: Search;
  readonly paths: Map<number, Search>;
  /** Plans already replayed and checked, by what they were found for: a plan is verified once. */
  readonly verified: WeakMap<Found, PlanResult>;
}
const SEARCHES = new WeakMap<SearchLimits, Searches>();

function searchesFor(limits: SearchLimits): Searches {
  let s = SEARCHES.get(limits);
  if (!s) {
    s = { paths: new Map(), verified: new WeakMap() };
    SEARCHES.set(limits, s);
  }
  return s;
}

/**
 * Plans for transitions, pairs of consecutive transitions and lifecycle paths. Each kind is one
 * exhaustive search per setting, run the first time any planner with the same limits asks for it.
 */
export class Planner {
  private readonly searches: Searches;

  /** `maxPathLength`: the longest path asked for; one search answers every path up to it. */
  constructor(private readonly maxPathLength = 3, private readonly limits: SearchLimits = DEFAULT_LIMITS) {
    this.searches = searchesFor(limits);
  }

  private searchAll(history: (node: SearchNode) => string | undefined, keyOf: (node: SearchNode) => string | undefined): Search {
    const results = new Map<string, Found>();
    let exhausted = true;
    for (const setting of SETTINGS) {
      const r = explore(setting, history, (node) => {
        const key = keyOf(node);
        if (key !== undefined && !results.has(key)) results.set(key, found(setting, node));
      }, this.limits);
      exhausted &&= r.exhausted;
    }
    return { found: results, exhausted };
  }

  private transitions(): Search {
    this.searches.transitions ??= this.searchAll(() => '', (node) => node.last);
    return this.searches.transitions;
  }

  private pairs(): Search {
    this.searches.pairs ??= this.searchAll(
      (node) => node.last ?? '',
      (node) => {
        if (node.pathLength < 2) return undefined;
        const path = node.steps.length >= 2 ? node.steps : [node.parent?.last, ...node.steps];
        return JSON.stringify(path.slice(-2));
      },
    );
    return this.searches.pairs;
  }

  private paths(maxLength: number): Search {
    let entry = this.searches.paths.get(maxLength);
    if (!entry) {
      entry = this.searchAll(
        (node) => (node.pathLength < maxLength ? node.pathKey : undefined),
        (node) => (node.pathLength <= maxLength ? node.pathKey : undefined),
      );
      this.searches.paths.set(maxLength, entry);
    }
    return entry;
  }

  private result(found: Found | undefined, exhausted: boolean): PlanResult {
    if (found) {
      let result = this.searches.verified.get(found);
      if (!result) {
        result = verified(found.setting, found.commands, found.path);
        this.searches.verified.set(found, result);
      }
      return result;
    }
    return exhausted
      ? {
          ok: false,
          unreachable: true,
          problem: `no sequence of world commands reaches it: an exhaustive search of the cast (${SETTINGS.map((s) => `${s.subject} with ${s.accounts.filter((a) => a !== s.subject).join(' and ')}`).join('; ')}) never takes it`,
        }
      : { ok: false, unreachable: false, problem: `no plan within ${this.limits.maxMoves} moves / ${this.limits.maxStates} search states` };
  }

  /** The shortest plan in which one installation takes the transition (after the lifecycle path that gets it there). */
  transition(id: string): PlanResult {
    const s = this.transitions();
    return this.result(s.found.get(id), s.exhausted);
  }

  /** The shortest plan in which one installation takes the two transitions in a row. */
  pair(first: string, second: string): PlanResult {
    const s = this.pairs();
    return this.result(s.found.get(JSON.stringify([first, second])), s.exhausted);
  }

  /**
   * Every transition, pair of transitions and lifecycle path (up to the planner's maxPathLength)
   * some sequence of world commands takes: the searches are exhaustive, so this is the whole of it.
   */
  reachableItems(): CoverItem[] {
    const transitions = [...this.transitions().found.keys()].map((id): CoverItem => ({ kind: 'transition', id }));
    const pairs = [...this.pairs().found.keys()].map((k): CoverItem => ({ kind: 'pair', transitions: JSON.parse(k) as [string, string] }));
    const paths = [...this.paths(this.maxPathLength).found.values()].filter((f) => f.path.length <= this.maxPathLength).map((f): CoverItem => ({ kind: 'path', transitions: f.path }));
    return [...transitions, ...pairs, ...paths];
  }

  /** The shortest plan moving one installation along exactly this path from its absence. */
  path(path: readonly string[]): PlanResult {
    if (path.length === 0) return { ok: false, unreachable: false, problem: 'an empty path needs no scenario' };
    const s = this.paths(Math.max(path.length, this.maxPathLength));
    return this.result(s.found.get(path.join(',')), s.exhausted);
  }
}

/** A Trace (model/trace.ts) of the plan, ready for traceToGherkin. */
export function planToTrace(plan: Plan, title: string, tags: readonly string[]): Trace {
  return {
    title,
    tags,
    seed: PLANNED_SEED,
    faults: [],
    commands: plan.commands,
    expectations: [
      plan.lastOutcome,
      { type: 'state', account: plan.subject.account, record: plan.subject.record, state: plan.finalState },
    ],
  };
}
