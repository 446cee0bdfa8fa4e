import { apply, type Command, type World } from '../model';
import { applicable } from './commands';
import { fieldsOf, WORLD } from './contract';
import { Footprint } from './footprint';
import type { Interner, Layout } from './layout';
import { grown, type Row } from './store';
import { DecisionTrees } from './trees';
import type { Check } from './types';

/**
 * What one command does to a row of components, learned from the model and replayed.
 *
 * The first time a command meets a world, the explorer runs the model's `apply` and the
 * invariants on it under a `Footprint`, which records the components they read, in order. The
 * answer (answered or invalid, the components written and their new values, the statechart
 * transitions taken, any violation) depends on nothing else, so it is stored in a decision
 * tree over those reads. Later rows that agree on them take the stored answer without running
 * anything. The model stays the only statement of the rules; the cache only remembers what it
 * said, and `validate` mode re-asks it on every step to show the two agree.
 */

interface StepAnswer<V> {
  /** Accepted or refused; false when the command is not applicable or invalid here. */
  readonly answered: boolean;
  /**
   * Components the command changed, as [component, value id] pairs. Every component it wrote is
   * in the footprint, so every row reaching this answer had the same old values: the pairs
   * always change the row.
   */
  readonly delta: Int32Array;
  readonly transitions: readonly string[];
  readonly violation: V | undefined;
}

/** Leaf kinds: not applicable or invalid; answered, row unchanged; answered, row changed; answered with a violation. */
export const LEAF_UNANSWERED = 0;
const LEAF_UNCHANGED = 1;
export const LEAF_CHANGES = 2;
export const LEAF_VIOLATION = 3;

const ACCOUNT_MAPS = fieldsOf(WORLD, 'accounts');
const RECORD_MAPS = fieldsOf(WORLD, 'record');
const HOLDING_MAPS = fieldsOf(WORLD, 'holdings');
const ACCOUNT_PARTS = fieldsOf(WORLD.accounts.fields, 'account');
const INSTALLATION_MAPS = fieldsOf(WORLD.accounts.fields, 'installation');

/**
 * The components whose data the step replaced, field by field as the contract declares them; a
 * component whose objects are identical was not written.
 */
function written(layout: Layout, fp: Footprint, before: World, afterWrapped: World): number[] {
  const after = fp.unwrap(afterWrapped);
  if (after === before) return [];
  const out: number[] = [];
  for (const field of ACCOUNT_MAPS) {
    const accountsAfter = fp.unwrap(after[field]);
    if (accountsAfter === before[field]) continue;
    for (const [name, index] of layout.account) {
      const x = before[field][name];
      const y = fp.unwrap(accountsAfter[name]);
      if (x === y) continue;
      if (!x || !y || ACCOUNT_PARTS.some((k) => x[k] !== y[k])) out.push(index);
      for (const map of INSTALLATION_MAPS) {
        const ix = x?.[map];
        const iy = fp.unwrap(y?.[map]);
        if (ix === iy) continue;
        for (const [record, c] of layout.installation.get(name) ?? []) if (ix?.[record] !== iy?.[record]) out.push(c);
      }
    }
  }
  if (HOLDING_MAPS.some((field) => fp.unwrap(after[field]) !== before[field])) out.push(...layout.holdings);
  for (const field of RECORD_MAPS) {
    const recordsAfter = fp.unwrap(after[field]);
    if (recordsAfter !== before[field]) for (const [record, c] of layout.record) if (recordsAfter[record] !== before[field][record]) out.push(c);
  }
  return out;
}

/** What each move does to a row: one decision tree per move, leaves learned from the model. */
export class StepCache<V> {
  readonly trees: DecisionTrees;
  /** Per leaf: its answer, and how many steps took it. */
  readonly answers: StepAnswer<V>[] = [];
  hits = new Int32Array(1024);
  /** Per leaf, what the search needs on every step, kept flat: see LEAF_*. */
  kinds = new Uint8Array(1024);
  misses = 0;

  constructor(
    private readonly layout: Layout,
    private readonly interner: Interner,
    private readonly moves: readonly Command[],
    private readonly check: Check<V> | undefined,
  ) {
    this.trees = new DecisionTrees(moves.length, (m) => `"${moves[m].type}"`, (c) => `"${layout.names[c]}"`);
  }

  /** The leaf for move `m` on the row at `rows[base..]`, or -1 when never seen. */
  lookup(m: number, rows: Row, base: number): number {
    return this.trees.lookup(m, rows, base);
  }

  /** Runs the model on `world` (whose row is at `rows[base..]`), stores the answer and returns its leaf. */
  learn(m: number, world: World, rows: Row, base: number): number {
    this.misses++;
    const { layout, interner } = this;
    const command = this.moves[m];
    const fp = new Footprint(layout);
    const before = fp.world(world);
    let answer: StepAnswer<V> = { answered: false, delta: new Int32Array(0), transitions: [], violation: undefined };
    if (applicable(before, command)) {
      const { world: after, outcome } = apply(before, command);
      if (outcome.kind !== 'invalid') {
        const violation = this.check?.({ before, command, after, outcome });
        const changed = fp.untracked(() => written(layout, fp, world, after));
        // A component written without being read still makes the answer depend on it.
        fp.add(changed);
        const values = changed.length > 0 ? fp.untracked(() => layout.values(after)) : [];
        const pairs: number[] = [];
        for (const c of changed) {
          const id = interner.id(c, values[c]);
          if (id !== rows[base + c]) pairs.push(c, id);
        }
        answer = { answered: true, delta: Int32Array.from(pairs), transitions: outcome.transitions.map((t) => t.transition), violation };
      }
    }
    return this.store(m, fp.order, rows, base, answer);
  }

  private store(m: number, reads: readonly number[], rows: Row, base: number, answer: StepAnswer<V>): number {
    const leaf = this.answers.length;
    this.answers.push(answer);
    this.hits = grown(this.hits, leaf + 1);
    this.kinds = grown(this.kinds, leaf + 1);
    this.kinds[leaf] = !answer.answered ? LEAF_UNANSWERED : answer.violation !== undefined ? LEAF_VIOLATION : answer.delta.length > 0 ? LEAF_CHANGES : LEAF_UNCHANGED;
    this.trees.insert(m, reads, rows, base, leaf);
    return leaf;
  }

  /** Leaves taken, with their answers and hit counts. */
  *taken(): Generator<{ answer: StepAnswer<V>; hits: number }> {
    for (let i = 0; i < this.answers.length; i++) if (this.hits[i] > 0) yield { answer: this.answers[i], hits: this.hits[i] };
  }
}
