/**
 * Every state found, as compactly as the search allows: memory, not arithmetic, is what a
 * large exploration pays for (on this machine, first touching a megabyte costs about 3 ms, and
 * a lookup that misses the processor's caches costs more than everything else a step does).
 *
 * A state is its row of component value ids packed into a few 32-bit words, each component
 * taking only the bits its values need so far (the default configuration fits in one word). The
 * table of states found holds those words themselves, so checking whether a successor is new
 * touches one slot and nothing else. States also keep their parent and the move that reached
 * them, for shortest traces, in fixed chunks so growing never copies.
 */

export type Row = Uint16Array;

/** The array, or a copy twice as long (at least `needed`) when it is too short. */
export function grown<T extends Int32Array | Uint16Array | Uint8Array>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  const more = new (array.constructor as new (n: number) => T)(Math.max(needed, array.length * 2));
  more.set(array);
  return more;
}

/**
 * Bits per word: 30, so that word 0 plus one (the table's mark of a used slot) is still a small
 * integer to the JavaScript engine.
 */
const WORD_BITS = 30;

/** Bits that hold ids 0 .. count - 1 (none for a single value). */
export function bitsFor(count: number): number {
  let bits = 0;
  while (1 << bits < count) bits++;
  return bits;
}

/** Where each component's id sits in a state's words: components in row order, first fit. */
export class Packing {
  readonly words: number;
  readonly word: Int32Array;
  readonly shift: Int32Array;
  readonly mask: Int32Array;
  /** Per component, the word with its bits cleared: `w & clear[c]`. */
  readonly clear: Int32Array;

  constructor(readonly bits: readonly number[]) {
    const width = bits.length;
    this.word = new Int32Array(width);
    this.shift = new Int32Array(width);
    this.mask = new Int32Array(width);
    this.clear = new Int32Array(width);
    const used: number[] = [0];
    bits.forEach((b, c) => {
      if (b > 16) throw new RangeError(`explorer: a component takes ${b} bits; at most 16`);
      let w = used.findIndex((u) => u + b <= WORD_BITS);
      if (w < 0) w = used.push(0) - 1;
      this.word[c] = w;
      this.shift[c] = used[w];
      this.mask[c] = (1 << b) - 1;
      this.clear[c] = ~(this.mask[c] << used[w]);
      used[w] += b;
    });
    this.words = used.length;
  }

  /** Whether component `c` can hold id `id`. */
  holds(c: number, id: number): boolean {
    return id <= this.mask[c];
  }

  /** Sets component `c` to id `id` in the packed row at `words[at..]`. */
  set(words: Int32Array, at: number, c: number, id: number): void {
    const w = at + this.word[c];
    words[w] = (words[w] & this.clear[c]) | (id << this.shift[c]);
  }

  encode(row: Row, into: Int32Array, at: number): Int32Array {
    for (let k = 0; k < this.words; k++) into[at + k] = 0;
    for (let c = 0; c < row.length; c++) into[at + this.word[c]] |= row[c] << this.shift[c];
    return into;
  }

  decode(words: Int32Array, at: number, into: Row): Row {
    for (let c = 0; c < into.length; c++) into[c] = (words[at + this.word[c]] >>> this.shift[c]) & this.mask[c];
    return into;
  }
}

const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;

/** A 32-bit hash of the `words` words at `key[at..]` (murmur3's finalizer, chained). */
function hashOf(key: Int32Array, at: number, words: number): number {
  let h = 0;
  for (let k = 0; k < words; k++) {
    h = Math.imul(h ^ key[at + k], 0x9e3779b1);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h;
}

export class StateStore {
  size = 0;
  /** Packed rows, CHUNK states per chunk. */
  private rows: Int32Array[] = [];
  /**
   * Open addressing over the packed canonical rows (equal to the rows without symmetry): slot s
   * is words [s * words, (s + 1) * words), word 0 stored plus one so that 0 marks an empty slot.
   * Load stays at most a half.
   */
  private table: Int32Array;
  private readonly parents: Int32Array[] = [];
  private readonly vias: Uint16Array[] = [];
  /** levelStart[d]: index of the first state at depth d (states are added breadth-first). */
  readonly levelStart: number[] = [0];

  constructor(private current: Packing) {
    this.table = new Int32Array((1 << 12) * current.words);
  }

  /** How states are packed now; `repack` widens it. */
  get packing(): Packing {
    return this.current;
  }

  /** Decodes state `i`'s row into `into`. */
  row(i: number, into: Row): Row {
    return this.packing.decode(this.rows[i >>> CHUNK_BITS], (i & (CHUNK - 1)) * this.packing.words, into);
  }

  /** Copies state `i`'s packed words into `into`. */
  words(i: number, into: Int32Array): Int32Array {
    const { words } = this.packing;
    const chunk = this.rows[i >>> CHUNK_BITS];
    const at = (i & (CHUNK - 1)) * words;
    for (let k = 0; k < words; k++) into[k] = chunk[at + k];
    return into;
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

  /**
   * Asks the processor for the table slots of `count` packed canonical rows at `keys` at once,
   * ahead of adding them one by one: the slots are far apart in a large table, and fetching
   * them together overlaps the waits. Returns a value only so the reads are not optimized away.
   */
  prefetch(keys: Int32Array, count: number): number {
    const { words } = this.packing;
    const { table } = this;
    const mask = table.length / words - 1;
    let any = 0;
    for (let i = 0; i < count; i++) any |= table[(hashOf(keys, i * words, words) & mask) * words];
    return any;
  }

  /**
   * Adds the state with packed row `rows[rowAt..]` and packed canonical row `keys[keyAt..]`,
   * reached from `parent` by move `via` (-1, -1 for the first), unless a state with that
   * canonical row was found before. Returns whether it was added.
   */
  add(rows: Int32Array, rowAt: number, keys: Int32Array, keyAt: number, parent: number, via: number, depth: number): boolean {
    const { words } = this.packing;
    const slot = this.probe(this.table, words, keys, keyAt);
    if (slot < 0) return false;
    this.put(this.table, words, slot, keys, keyAt);
    const i = this.size++;
    if ((i & (CHUNK - 1)) === 0) {
      this.rows.push(new Int32Array(CHUNK * words));
      this.parents.push(new Int32Array(CHUNK));
      this.vias.push(new Uint16Array(CHUNK));
    }
    const k = i & (CHUNK - 1);
    const chunk = this.rows[i >>> CHUNK_BITS];
    for (let w = 0; w < words; w++) chunk[k * words + w] = rows[rowAt + w];
    this.parents[i >>> CHUNK_BITS][k] = parent;
    this.vias[i >>> CHUNK_BITS][k] = via;
    if (depth === this.levelStart.length) this.levelStart.push(i);
    if (this.size * 2 > this.table.length / words) this.rehash(this.table.length / words * 2, this.packing);
    return true;
  }

  /** Re-encodes every state under a wider packing (a component took more values than its bits held). */
  repack(packing: Packing): void {
    const old = this.packing;
    const row = new Uint16Array(old.bits.length);
    this.rows = this.rows.map((chunk, n) => {
      const count = Math.min(CHUNK, this.size - n * CHUNK);
      const out = new Int32Array(CHUNK * packing.words);
      for (let k = 0; k < count; k++) packing.encode(old.decode(chunk, k * old.words, row), out, k * packing.words);
      return out;
    });
    this.rehash(this.table.length / old.words, packing);
  }

  /** Rebuilds the table with `slots` slots under `packing` (the canonical rows live only here). */
  private rehash(slots: number, packing: Packing): void {
    const old = this.packing;
    const from = this.table;
    const to = new Int32Array(slots * packing.words);
    const row = new Uint16Array(old.bits.length);
    const key = new Int32Array(Math.max(old.words, packing.words));
    for (let at = 0; at < from.length; at += old.words) {
      if (from[at] === 0) continue;
      for (let w = 0; w < old.words; w++) key[w] = from[at + w];
      key[0]--;
      if (packing !== old) packing.encode(old.decode(key, 0, row), key, 0);
      this.put(to, packing.words, this.probe(to, packing.words, key, 0), key, 0);
    }
    this.current = packing;
    this.table = to;
  }

  /** The empty slot where `key` belongs in `table` (of `words`-word slots), or -1 when it is there. */
  private probe(table: Int32Array, words: number, key: Int32Array, at: number): number {
    const mask = table.length / words - 1;
    const first = key[at] + 1;
    for (let slot = hashOf(key, at, words) & mask; ; slot = (slot + 1) & mask) {
      const s = slot * words;
      const w0 = table[s];
      if (w0 === 0) return slot;
      if (w0 !== first) continue;
      let w = 1;
      while (w < words && table[s + w] === key[at + w]) w++;
      if (w === words) return -1;
    }
  }

  private put(table: Int32Array, words: number, slot: number, key: Int32Array, at: number): void {
    table[slot * words] = key[at] + 1;
    for (let w = 1; w < words; w++) table[slot * words + w] = key[at + w];
  }
}
