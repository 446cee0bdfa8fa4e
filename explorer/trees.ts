import type { Row } from './store';

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
