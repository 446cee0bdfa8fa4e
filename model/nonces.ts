/**
 * The nonces a token's accepted requests used, kept while their timestamps are inside the
 * window (FACT-11, ASM-17). `remember(used, threshold)` forgets every nonce whose timestamp
 * is below `threshold`, then keeps `used`; `has(nonce)` says whether it is still kept. Both
 * are O(1) amortised, and, like `Log`, a value never changes: values share one buffer along a
 * straight history and copy only where a history forks.
 *
 * How: entry i of the shared buffer was kept with the threshold thresholds[i] applied before
 * it. While thresholds only rise (a server's clock), entry i is still kept by the value of
 * length L exactly when it is the newest (i = L - 1) or its timestamp is at least the newest
 * threshold. A threshold lower than the one before (a world told of an earlier time) starts
 * a buffer of its own from the entries kept so far, so the answer is the same as filtering a
 * list on every call, as the model did before.
 *
 *   let w = NonceWindow.empty();
 *   w = w.remember({ nonce: 'a', timestamp: 100 }, 100 - 300);
 *   w.has('a');                                                   // true
 *   w.remember({ nonce: 'b', timestamp: 500 }, 500 - 300).has('a'); // false: 100 < 200
 */

export interface UsedNonce {
  readonly nonce: string;
  readonly timestamp: number;
}

interface Buffer {
  readonly entries: UsedNonce[];
  readonly thresholds: number[];
  /** The newest index of each nonce in `entries`. */
  readonly newest: Map<string, number>;
  /** The index of the same nonce's entry before this one, or -1. */
  readonly previous: number[];
}

/** Entries kept below this many forgotten ones at the front are not worth a copy. */
const COMPACT_AFTER = 1024;

function bufferOf(kept: readonly UsedNonce[]): Buffer {
  const b: Buffer = { entries: [], thresholds: [], newest: new Map(), previous: [] };
  for (const u of kept) push(b, u, -Infinity);
  return b;
}

function push(b: Buffer, used: UsedNonce, threshold: number): void {
  const i = b.entries.length;
  b.entries.push(used);
  b.thresholds.push(threshold);
  b.previous.push(b.newest.get(used.nonce) ?? -1);
  b.newest.set(used.nonce, i);
}

export class NonceWindow implements Iterable<UsedNonce> {
  readonly #buffer: Buffer;
  /** Entries before `start` are forgotten (an optimisation: the rule in the class comment decides). */
  readonly #start: number;
  readonly #length: number;

  private constructor(buffer: Buffer, start: number, length: number) {
    this.#buffer = buffer;
    this.#start = start;
    this.#length = length;
  }

  static empty(): NonceWindow {
    return new NonceWindow(bufferOf([]), 0, 0);
  }

  /** A window keeping exactly these nonces. */
  static of(kept: Iterable<UsedNonce>): NonceWindow {
    const list = [...kept];
    return new NonceWindow(bufferOf(list), 0, list.length);
  }

  #kept(i: number): boolean {
    const b = this.#buffer;
    return i >= this.#start && i < this.#length && (i === this.#length - 1 || b.entries[i].timestamp >= b.thresholds[this.#length - 1]);
  }

  /** Whether `nonce` is kept; a request without a nonce (undefined) never used one. */
  has(nonce: string | undefined): boolean {
    if (nonce === undefined) return false;
    const b = this.#buffer;
    // Every use of the nonce in the buffer, newest first (later values' uses are not this one's).
    for (let i = b.newest.get(nonce) ?? -1; i >= this.#start; i = b.previous[i]) if (this.#kept(i)) return true;
    return false;
  }

  /** Forgets every nonce with a timestamp below `threshold`, then keeps `used`. This value is unchanged. */
  remember(used: UsedNonce, threshold: number): NonceWindow {
    const b = this.#buffer;
    const n = this.#length;
    const tip = b.entries.length === n;
    const rising = n === 0 || threshold >= b.thresholds[n - 1];
    if (tip && rising && n > 0) {
      let start = this.#start;
      while (start < n && b.entries[start].timestamp < threshold) start++;
      if (start < COMPACT_AFTER || start * 2 < n) {
        push(b, used, threshold);
        return new NonceWindow(b, start, n + 1);
      }
    }
    const own = bufferOf(this.toArray().filter((u) => u.timestamp >= threshold));
    push(own, used, threshold);
    return new NonceWindow(own, 0, own.entries.length);
  }

  /** The nonces kept, oldest first (O(kept): for tests and printed worlds). */
  toArray(): UsedNonce[] {
    const out: UsedNonce[] = [];
    for (let i = this.#start; i < this.#length; i++) if (this.#kept(i)) out.push(this.#buffer.entries[i]);
    return out;
  }

  *[Symbol.iterator](): Iterator<UsedNonce> {
    yield* this.toArray();
  }

  toJSON(): UsedNonce[] {
    return this.toArray();
  }
}
