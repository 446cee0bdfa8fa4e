import type { GroupCache } from './groups';
import type { Packing, StateStore } from './store';

/**
 * A successor differs from the state that found it in a component or two, so most groups
 * answer it as they answered its parent: a group's answer depends only on the components its
 * tree reads. This keeps the group records of the level being expanded and of the level before,
 * and says which groups a state inherits (two thirds of lookups on the default configuration).
 * Sound because trees only grow: the parent's leaf is still a leaf, and a state equal to its
 * parent on every component the tree reads walks to the same one.
 */
export class InheritedAnswers {
  private readonly count: number;
  private level: Int32Array<ArrayBuffer>;
  private parents: Int32Array<ArrayBuffer> = new Int32Array(0);
  /** Per group and word, the bits of the components the group's tree reads. */
  private masks = new Int32Array(0);
  /** The packing and the trees' reads that `masks` was computed for. */
  private masksFor: { packing: Packing | undefined; widened: number } = { packing: undefined, widened: -1 };
  private parentWords = new Int32Array(0);
  /** The bits in which the current state differs from its parent. */
  private diff = new Int32Array(0);
  private own = 0;
  private parentOwn = -1;
  private head = 0;

  constructor(private readonly store: StateStore, private readonly groups: GroupCache<unknown>) {
    this.count = groups.groups.length;
    this.level = new Int32Array(this.count);
  }

  /** Starts expanding level `depth`; every state of it was found while expanding the level before. */
  startLevel(depth: number): void {
    const size = (this.store.size - this.store.levelStart[depth]) * this.count;
    [this.parents, this.level] = [this.level, this.parents.length >= size ? this.parents : new Int32Array(size + (size >> 1))];
  }

  /** Starts expanding state `head` at `depth`. */
  start(head: number, depth: number): void {
    const { store } = this;
    this.head = head;
    this.own = (head - store.levelStart[depth]) * this.count;
    this.parentOwn = depth === 0 ? -1 : (store.parent(head) - store.levelStart[depth - 1]) * this.count;
    if (depth > 0) this.differ();
  }

  /** After learning: the packing may have widened and the trees may read more. */
  learned(): void {
    if (this.parentOwn >= 0) this.differ();
  }

  /** The record the current state inherits for group `g`, or -1 when it must look it up. */
  inherited(g: number): number {
    if (this.parentOwn < 0) return -1;
    const masks = this.currentMasks();
    const { diff } = this;
    const words = diff.length;
    for (let w = 0; w < words; w++) if ((diff[w] & masks[g * words + w]) !== 0) return -1;
    return this.parents[this.parentOwn + g];
  }

  /** Notes the current state's record for group `g`. */
  set(g: number, at: number): void {
    this.level[this.own + g] = at;
  }

  /** The current state's record for group `g` (set before). */
  get(g: number): number {
    return this.level[this.own + g];
  }

  private differ(): void {
    const { store } = this;
    const { words } = store.packing;
    if (this.diff.length !== words) [this.parentWords, this.diff] = [new Int32Array(words), new Int32Array(words)];
    store.words(this.head, this.diff);
    store.words(store.parent(this.head), this.parentWords);
    for (let w = 0; w < words; w++) this.diff[w] ^= this.parentWords[w];
  }

  private currentMasks(): Int32Array {
    const p = this.store.packing;
    const { groups } = this;
    if (this.masksFor.packing === p && this.masksFor.widened === groups.widened) return this.masks;
    const masks = new Int32Array(this.count * p.words);
    groups.reads.forEach((reads, g) => {
      for (const c of reads) masks[g * p.words + p.word[c]] |= p.mask[c] << p.shift[c];
    });
    this.masks = masks;
    this.masksFor = { packing: p, widened: groups.widened };
    return masks;
  }
}
