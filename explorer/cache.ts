import { apply, type Command, type World } from '../model';
import { applicable } from './commands';
import type { Step } from './explore';
import { Footprint } from './footprint';
import type { Interner, Layout } from './layout';
import { grown, type Row } from './store';

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

export interface StepAnswer<V> {
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
export const LEAF_UNCHANGED = 1;
export const LEAF_CHANGES = 2;
export const LEAF_VIOLATION = 3;

export type Check<V> = (step: Step) => V | undefined;

/** The components whose data the step replaced; a component whose objects are identical was not written. */
function written(layout: Layout, fp: Footprint, before: World, afterWrapped: World): number[] {
  const after = fp.unwrap(afterWrapped);
  if (after === before) return [];
  const out: number[] = [];
  const accountsAfter = fp.unwrap(after.accounts);
  if (accountsAfter !== before.accounts) {
    for (const [name, index] of layout.account) {
      const x = before.accounts[name];
      const y = fp.unwrap(accountsAfter[name]);
      if (x === y) continue;
      if (!x || !y || x.preferences !== y.preferences || x.defaultRecord !== y.defaultRecord) out.push(index);
      const ix = x?.installations;
      const iy = fp.unwrap(y?.installations);
      if (ix === iy) continue;
      for (const [record, c] of layout.installation.get(name) ?? []) if (ix?.[record] !== iy?.[record]) out.push(c);
    }
  }
  if (fp.unwrap(after.tokens) !== before.tokens || fp.unwrap(after.bundles) !== before.bundles || fp.unwrap(after.sessions) !== before.sessions) out.push(...layout.holdings);
  const recordsAfter = fp.unwrap(after.records);
  if (recordsAfter !== before.records) for (const [record, c] of layout.record) if (recordsAfter[record] !== before.records[record]) out.push(c);
  return out;
}

/**
 * Decision trees over rows, all in one typed array so a lookup walks a few adjacent integers
 * instead of chasing objects around the heap. A node at offset p is [component, capacity,
 * child for value 0, child for value 1, ...]; a child is 0 (never seen), a node offset (> 0), or
 * a leaf -(index + 1). Tree t branches on the components its computation read, in the order read.
 */
export class DecisionTrees {
  private arena = new Int32Array(1 << 16);
  private top = 1;
  private readonly roots: Int32Array;

  constructor(trees: number, private readonly treeName: (tree: number) => string, private readonly componentName: (component: number) => string) {
    this.roots = new Int32Array(trees);
  }

  /** The leaf of tree `t` for the row at `rows[base..]`, or -1 when never seen. */
  lookup(t: number, rows: Row, base: number): number {
    const a = this.arena;
    let p = this.roots[t];
    while (p > 0) {
      const v = rows[base + a[p]];
      p = v < a[p + 1] ? a[p + 2 + v] : 0;
    }
    return p < 0 ? -p - 1 : -1;
  }

  /** The components tree `t` branches on for this row, in order (the row must reach a leaf). */
  path(t: number, rows: Row, base: number, into: number[]): void {
    const a = this.arena;
    for (let p = this.roots[t]; p > 0; p = a[p + 2 + rows[base + a[p]]]) into.push(a[p]);
  }

  /** Stores `leaf` as the answer of tree `t` for every row agreeing with this one on `reads`. */
  insert(t: number, reads: readonly number[], rows: Row, base: number, leaf: number): void {
    let slot = -(t + 1);
    for (let k = 0; ; k++) {
      const p = this.get(slot);
      if (p === 0) {
        let child = -(leaf + 1);
        for (let i = reads.length - 1; i >= k; i--) {
          const v = rows[base + reads[i]];
          const q = this.alloc(reads[i], v + 1);
          this.arena[q + 2 + v] = child;
          child = q;
        }
        this.set(slot, child);
        return;
      }
      // The computation read components in a different order for rows that agree so far: its
      // control flow depends on something the layout leaves out, and caching it would be unsound.
      if (p < 0 || k === reads.length || this.arena[p] !== reads[k]) {
        const name = (c: number | undefined) => (c === undefined ? 'no more' : this.componentName(c));
        throw new Error(`explorer: ${this.treeName(t)} read ${name(reads[k])} where an earlier world with the same values read ${name(p < 0 ? undefined : this.arena[p])}; the layout misses something the rules depend on`);
      }
      slot = this.childSlot(slot, rows[base + reads[k]]);
    }
  }

  private alloc(comp: number, capacity: number): number {
    const size = 2 + capacity;
    if (this.top + size > this.arena.length) {
      const more = new Int32Array(Math.max(this.arena.length * 2, this.top + size));
      more.set(this.arena);
      this.arena = more;
    }
    const p = this.top;
    this.top += size;
    this.arena[p] = comp;
    this.arena[p + 1] = capacity;
    return p;
  }

  /** Reads or writes a child reference: slot < 0 is root -(slot + 1), otherwise an arena offset. */
  private get(slot: number): number {
    return slot < 0 ? this.roots[-slot - 1] : this.arena[slot];
  }

  private set(slot: number, ref: number): void {
    if (slot < 0) this.roots[-slot - 1] = ref;
    else this.arena[slot] = ref;
  }

  /** The slot of value `v`'s child under the node referenced from `slot`, moving the node if it is too small. */
  private childSlot(slot: number, v: number): number {
    let p = this.get(slot);
    const capacity = this.arena[p + 1];
    if (v >= capacity) {
      const q = this.alloc(this.arena[p], Math.max(v + 1, capacity * 2));
      this.arena.copyWithin(q + 2, p + 2, p + 2 + capacity);
      this.set(slot, q);
      p = q;
    }
    return p + 2 + v;
  }
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

/** Offsets in a group record: how many states took it, its leaf number, moves answered, changes, the first change. */
export const RECORD_HITS = 0;
const RECORD_LEAF = 1;
export const RECORD_ANSWERED = 2;
export const RECORD_CHANGES = 3;
export const RECORD_FIRST_CHANGE = 4;
/** Offsets in a change: its move, its step leaf, how many [component, value id] pairs, the first pair. */
export const CHANGE_MOVE = 0;
export const CHANGE_LEAF = 1;
export const CHANGE_PAIRS = 2;
export const CHANGE_FIRST_PAIR = 3;

/**
 * Runs of consecutive moves of one type in one account (a request in every form and endpoint,
 * say) read much the same components, so their answers are looked up together: a group's tree
 * branches on the union of its moves' paths, and its leaf lists each move's step leaf. A state
 * then costs one walk per group instead of one per move. Built from the step trees, never from
 * the model directly.
 *
 * A group leaf's tree answer is the offset of its record in one flat array, which holds what
 * the search reads on every state, next to each other: [hits, leaf number, moves answered,
 * changes, then per change: move, step leaf, pair count, the [component, value id] pairs]
 * (the offsets are RECORD_* and CHANGE_*).
 */
export class GroupCache<V> {
  readonly trees: DecisionTrees;
  /** Per group: its moves [first, end). */
  readonly groups: readonly (readonly [number, number])[];
  records = new Int32Array(1 << 16);
  private top = 0;
  /** Per group leaf number: its record's offset, and the step leaf of each of its moves. */
  private readonly offsets: number[] = [];
  private readonly steps: Int32Array[] = [];
  /** Per group, the components its tree reads on some path; grows as it learns. */
  readonly reads: number[][];
  private readonly reading: Uint8Array[];
  /** Counts the times a group's tree began reading a component it never read before. */
  widened = 0;
  private readonly path: number[] = [];
  private readonly seen: Uint8Array;

  constructor(layout: Layout, moves: readonly Command[], private readonly stepCache: StepCache<V>) {
    const groupOf = (cmd: Command) => `${cmd.type} ${cmd.type === 'request' ? cmd.request.account : 'account' in cmd ? cmd.account : ''}`;
    const groups: [number, number][] = [];
    moves.forEach((cmd, m) => {
      const last = groups[groups.length - 1];
      if (last && groupOf(moves[last[0]]) === groupOf(cmd)) last[1] = m + 1;
      else groups.push([m, m + 1]);
    });
    this.groups = groups;
    this.reads = groups.map(() => []);
    this.reading = groups.map(() => new Uint8Array(layout.width));
    this.seen = new Uint8Array(layout.width);
    this.trees = new DecisionTrees(groups.length, (g) => `the moves ${groupOf(moves[groups[g][0]])}`, (c) => `"${layout.names[c]}"`);
  }

  /** The record offset of group `g` for the row at `rows[base..]`, or -1 when never seen. */
  lookup(g: number, rows: Row, base: number): number {
    return this.trees.lookup(g, rows, base);
  }

  /** The step leaf of each move of the group whose record is at `at`. */
  stepsOf(at: number): Int32Array {
    return this.steps[this.records[at + RECORD_LEAF]];
  }

  /** Builds the group's record for this row from its moves' step leaves, learning those it lacks with `world()`. */
  learn(g: number, rows: Row, base: number, world: () => World): number {
    const { stepCache: cache, path, seen } = this;
    const [first, end] = this.groups[g];
    const leaves = new Int32Array(end - first);
    const changes: number[] = [];
    let answered = 0;
    let count = 0;
    const reads: number[] = [];
    for (let m = first; m < end; m++) {
      let leaf = cache.lookup(m, rows, base);
      if (leaf < 0) leaf = cache.learn(m, world(), rows, base);
      leaves[m - first] = leaf;
      const kind = cache.kinds[leaf];
      if (kind !== LEAF_UNANSWERED) answered++;
      if (kind >= LEAF_CHANGES) {
        const delta = cache.answers[leaf].delta;
        changes.push(m, leaf, delta.length / 2, ...delta);
        count++;
      }
      path.length = 0;
      cache.trees.path(m, rows, base, path);
      for (const c of path) {
        if (seen[c]) continue;
        seen[c] = 1;
        reads.push(c);
      }
    }
    for (const c of reads) {
      seen[c] = 0;
      if (this.reading[g][c]) continue;
      this.reading[g][c] = 1;
      this.reads[g].push(c);
      this.widened++;
    }
    const at = this.top;
    this.top += RECORD_FIRST_CHANGE + changes.length;
    this.records = grown(this.records, this.top);
    this.records.set([0, this.steps.length, answered, count, ...changes], at);
    this.offsets.push(at);
    this.steps.push(leaves);
    this.trees.insert(g, reads, rows, base, at);
    return at;
  }

  /** Credits each group record's hits to its step leaves (the step cache then counts transitions taken). */
  settle(): void {
    for (const at of this.offsets) {
      const h = this.records[at + RECORD_HITS];
      if (h === 0) continue;
      for (const step of this.stepsOf(at)) this.stepCache.hits[step] += h;
      this.records[at + RECORD_HITS] = 0;
    }
  }
}
