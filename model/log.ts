/**
 * An append-only log held by a world value: appending is O(1) and leaves every earlier log
 * value as it was, so `apply` stays pure without copying a log per request.
 *
 * Each log value is a prefix (its `length`) of a buffer that log values share. Appending to
 * the newest value of a buffer pushes onto the buffer: the values before it see only their
 * own prefix, which never changes. Appending to an older value (a world applied twice, as
 * properties and the explorer do) copies its prefix into a buffer of its own, so the cost is
 * paid only when a world's history forks, never on the straight line a server runs along.
 *
 *   const a = Log.empty<number>();
 *   const b = a.append(1);      // a is still empty
 *   b.length;                   // 1
 *   b.toArray();                // [1]
 *   JSON.stringify({ b });      // {"b":[1]}
 *
 * Log values are iterable, serialise to JSON as arrays, and compare equal (vitest's toEqual)
 * element by element: the buffer is a private field, invisible to equality and to JSON.
 */
export class Log<T> implements Iterable<T> {
  readonly #buffer: T[];
  readonly #length: number;

  private constructor(buffer: T[], length: number) {
    this.#buffer = buffer;
    this.#length = length;
  }

  static empty<T>(): Log<T> {
    return new Log<T>([], 0);
  }

  /** A log holding these entries (copied), in order. */
  static of<T>(entries: Iterable<T>): Log<T> {
    const buffer = [...entries];
    return new Log(buffer, buffer.length);
  }

  get length(): number {
    return this.#length;
  }

  /** The entry at `index` (negative counts from the end, as Array.prototype.at), or undefined. */
  at(index: number): T | undefined {
    const i = index < 0 ? this.#length + index : index;
    return i >= 0 && i < this.#length ? this.#buffer[i] : undefined;
  }

  /** The newest entry, or undefined for an empty log. */
  last(): T | undefined {
    return this.#length > 0 ? this.#buffer[this.#length - 1] : undefined;
  }

  /** A new log with `entry` at the end; this one is unchanged. */
  append(entry: T): Log<T> {
    const buffer = this.#buffer;
    if (this.#length > 0 && buffer.length === this.#length) {
      buffer.push(entry);
      return new Log(buffer, this.#length + 1);
    }
    // Empty (so no buffer is shared from nothing) or an older value: a buffer of its own.
    const own = buffer.slice(0, this.#length);
    own.push(entry);
    return new Log(own, own.length);
  }

  /** The entries as a fresh array, oldest first (O(length): for views, invariants and tests). */
  toArray(): T[] {
    return this.#buffer.slice(0, this.#length);
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let i = 0; i < this.#length; i++) yield this.#buffer[i];
  }

  toJSON(): T[] {
    return this.toArray();
  }
}
