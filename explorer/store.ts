/**
 * Every state found, as compactly as the search allows: memory, not arithmetic, is what a
 * large exploration pays for (on this machine, first touching a megabyte costs about 3 ms).
 * A state is its row of 16-bit value ids, its hash, its parent and the move that reached it (for
 * shortest traces), all kept in fixed chunks so growing never copies; and a slot in an
 * open-addressing table keyed by the Zobrist hash of its canonical row.
 */

export type Row = Uint16Array;

/** The array, or a copy twice as long (at least `needed`) when it is too short. */
export function grown<T extends Int32Array | Uint16Array | Uint8Array>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  const more = new (array.constructor as new (n: number) => T)(Math.max(needed, array.length * 2));
  more.set(array);
  return more;
}

const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;

export class StateStore {
  size = 0;
  private readonly rows: Row[] = [];
  /** Canonical rows, when symmetry makes them differ from the rows. */
  private readonly canon: Row[];
  /** Slot k holds [hash, state index + 1] at 2k, 2k + 1; 0 marks an empty slot. Load stays under a half. */
  private slots = new Int32Array(1 << 12);
  private readonly hashes: Int32Array[] = [];
  private readonly parents: Int32Array[] = [];
  private readonly vias: Uint16Array[] = [];
  /** levelStart[d]: index of the first state at depth d (states are added breadth-first). */
  readonly levelStart: number[] = [0];

  constructor(readonly width: number, private readonly symmetric: boolean) {
    this.canon = symmetric ? [] : this.rows;
  }

  /** Copies state `i`'s row into `into`. */
  row(i: number, into: Row): Row {
    const chunk = this.rows[i >>> CHUNK_BITS];
    const at = (i & (CHUNK - 1)) * this.width;
    for (let c = 0; c < this.width; c++) into[c] = chunk[at + c];
    return into;
  }

  hash(i: number): number {
    return this.hashes[i >>> CHUNK_BITS][i & (CHUNK - 1)];
  }

  parent(i: number): number {
    return this.parents[i >>> CHUNK_BITS][i & (CHUNK - 1)];
  }

  via(i: number): number {
    return this.vias[i >>> CHUNK_BITS][i & (CHUNK - 1)];
  }

  depth(i: number): number {
    let d = this.levelStart.length - 1;
    while (this.levelStart[d] > i) d--;
    return d;
  }

  /** Index of the state whose canonical row is `key` (hash `h`), or -1. */
  find(key: Row, h: number): number {
    const { slots, width } = this;
    const mask = (slots.length >>> 1) - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const j = slots[2 * slot + 1] - 1;
      if (j < 0) return -1;
      if (slots[2 * slot] !== h) continue;
      const chunk = this.canon[j >>> CHUNK_BITS];
      const at = (j & (CHUNK - 1)) * width;
      let c = 0;
      while (c < width && chunk[at + c] === key[c]) c++;
      if (c === width) return j;
    }
  }

  /** Adds a state reached from `parent` by move `via` (-1, -1 for the first). Returns its index. */
  add(row: Row, key: Row, h: number, parent: number, via: number, depth: number): number {
    const i = this.size++;
    const { width } = this;
    if ((i & (CHUNK - 1)) === 0) {
      this.rows.push(new Uint16Array(CHUNK * width));
      if (this.symmetric) this.canon.push(new Uint16Array(CHUNK * width));
      this.hashes.push(new Int32Array(CHUNK));
      this.parents.push(new Int32Array(CHUNK));
      this.vias.push(new Uint16Array(CHUNK));
    }
    const at = (i & (CHUNK - 1)) * width;
    const chunk = this.rows[i >>> CHUNK_BITS];
    for (let c = 0; c < width; c++) chunk[at + c] = row[c];
    if (this.symmetric) {
      const canon = this.canon[i >>> CHUNK_BITS];
      for (let c = 0; c < width; c++) canon[at + c] = key[c];
    }
    const k = i & (CHUNK - 1);
    this.hashes[i >>> CHUNK_BITS][k] = h;
    this.parents[i >>> CHUNK_BITS][k] = parent;
    this.vias[i >>> CHUNK_BITS][k] = via;
    if (depth === this.levelStart.length) this.levelStart.push(i);
    if (this.size * 4 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2);
      for (let j = 0; j < this.size; j++) this.place(j);
    } else this.place(i);
    return i;
  }

  private place(i: number): void {
    const { slots } = this;
    const mask = (slots.length >>> 1) - 1;
    const h = this.hash(i);
    let slot = h & mask;
    while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    slots[2 * slot] = h;
    slots[2 * slot + 1] = i + 1;
  }
}
