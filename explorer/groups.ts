import type { Command, World } from '../model';
import { LEAF_CHANGES, LEAF_UNANSWERED, LEAF_VIOLATION, type StepCache } from './cache';
import type { Layout } from './layout';
import { grown, type Packing, type Row } from './store';
import { DecisionTrees } from './trees';

/** Offsets in a group record: how many states took it, its leaf number, moves answered, changes, the first change. */
const RECORD_HITS = 0;
const RECORD_LEAF = 1;
const RECORD_ANSWERED = 2;
const RECORD_CHANGES = 3;
const RECORD_FIRST_CHANGE = 4;
/** Offsets in a change: its move, its step leaf, how many [component, value id] pairs, the first pair. */
const CHANGE_MOVE = 0;
const CHANGE_LEAF = 1;
const CHANGE_PAIRS = 2;
const CHANGE_FIRST_PAIR = 3;

/**
 * Runs of consecutive moves of one type in one account (a request in every form and endpoint,
 * say) read much the same components, so their answers are looked up together: a group's tree
 * branches on the union of its moves' paths, and its leaf lists each move's step leaf. A state
 * then costs one walk per group instead of one per move. Built from the step trees, never from
 * the model directly.
 *
 * A group leaf's tree answer is the offset of its record in one flat array, which holds what
 * the search reads on every state, next to each other: [hits, leaf number, moves answered,
 * changes, then per change: move, step leaf, pair count, the [component, value id] pairs].
 * The search reads it through the methods below: a record by its offset `at`, a change by its
 * offset `k` (from `firstChange`, then `nextChange`).
 */
export class GroupCache<V> {
  readonly trees: DecisionTrees;
  /** Per group: its moves [first, end). */
  readonly groups: readonly (readonly [number, number])[];
  private records = new Int32Array(1 << 16);
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

  /** A state takes the record at `at`: counts it, and returns how many of the group's moves it answered. */
  take(at: number): number {
    this.records[at + RECORD_HITS]++;
    return this.records[at + RECORD_ANSWERED];
  }

  /** Undoes `take` for a state whose search stopped before this group; returns the moves answered. */
  untake(at: number): number {
    this.records[at + RECORD_HITS]--;
    return this.records[at + RECORD_ANSWERED];
  }

  /**
   * The search stopped at move `m` of group `g`, whose record is at `at`: the moves up to `m`
   * were taken, the later ones were not. Returns how many of the later ones it answered.
   */
  stopAt(g: number, at: number, m: number): number {
    const { stepCache: cache } = this;
    this.records[at + RECORD_HITS]--;
    const [first] = this.groups[g];
    let untaken = 0;
    this.stepsOf(at).forEach((step, i) => {
      if (first + i <= m) cache.hits[step]++;
      else if (cache.kinds[step] !== LEAF_UNANSWERED) untaken++;
    });
    return untaken;
  }

  /** How many of the record's moves change the row. */
  changes(at: number): number {
    return this.records[at + RECORD_CHANGES];
  }

  /** The offset of the record's first change. */
  firstChange(at: number): number {
    return at + RECORD_FIRST_CHANGE;
  }

  /** The offset of the change after the one at `k`. */
  nextChange(k: number): number {
    return k + CHANGE_FIRST_PAIR + 2 * this.records[k + CHANGE_PAIRS];
  }

  /** The move of the change at `k`. */
  changeMove(k: number): number {
    return this.records[k + CHANGE_MOVE];
  }

  /** Whether the change at `k` breaks an invariant. */
  violates(k: number): boolean {
    return this.stepCache.kinds[this.records[k + CHANGE_LEAF]] === LEAF_VIOLATION;
  }

  /** Writes the change at `k` into `row`. */
  applyTo(k: number, row: Row): void {
    const r = this.records;
    const to = k + CHANGE_FIRST_PAIR + 2 * r[k + CHANGE_PAIRS];
    for (let d = k + CHANGE_FIRST_PAIR; d < to; d += 2) row[r[d]] = r[d + 1];
  }

  /** Writes the change at `k` into the packed row at `words[at..]`. */
  packInto(k: number, packing: Packing, words: Int32Array, at: number): void {
    const r = this.records;
    const to = k + CHANGE_FIRST_PAIR + 2 * r[k + CHANGE_PAIRS];
    for (let d = k + CHANGE_FIRST_PAIR; d < to; d += 2) packing.set(words, at, r[d], r[d + 1]);
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
