import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Log } from './log';
import { NonceWindow, type UsedNonce } from './nonces';

describe('Log', () => {
  it('appends without changing the value it was appended to, and prints as an array', () => {
    const a = Log.empty<number>();
    const b = a.append(1);
    const c = b.append(2);
    expect([a.length, b.length, c.length]).toEqual([0, 1, 2]);
    expect(b.toArray()).toEqual([1]);
    expect(JSON.stringify({ c })).toBe('{"c":[1,2]}');
    expect([...c]).toEqual([1, 2]);
    expect([c.at(0), c.at(-1), c.at(2), c.last(), a.last()]).toEqual([1, 2, undefined, 2, undefined]);
  });

  it('an older value appended to again forks: neither history sees the other', () => {
    const base = Log.of([1, 2]);
    const left = base.append(3);
    const right = base.append(4);
    expect(left.toArray()).toEqual([1, 2, 3]);
    expect(right.toArray()).toEqual([1, 2, 4]);
    expect(base.toArray()).toEqual([1, 2]);
    expect(left.append(5).toArray()).toEqual([1, 2, 3, 5]);
    expect(right).toEqual(Log.of([1, 2, 4]));
    expect(right).not.toEqual(left);
  });

  it('any interleaving of appends to any earlier value reads as the arrays it stands for', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(), fc.integer())), (ops) => {
      const logs: Log<number>[] = [Log.empty()];
      const arrays: number[][] = [[]];
      for (const [from, v] of ops) {
        const i = from % logs.length;
        logs.push(logs[i].append(v));
        arrays.push([...arrays[i], v]);
      }
      logs.forEach((l, i) => expect(l.toArray()).toEqual(arrays[i]));
    }));
  });
});

/** The nonce window as the model kept it before: a list filtered on every accepted request. */
function rememberByFilter(list: readonly UsedNonce[], used: UsedNonce, threshold: number): UsedNonce[] {
  return [...list.filter((u) => u.timestamp >= threshold), used];
}

describe('NonceWindow', () => {
  it('forgets nonces below the threshold and keeps the new one', () => {
    let w = NonceWindow.empty();
    w = w.remember({ nonce: 'a', timestamp: 100 }, -200);
    expect(w.has('a')).toBe(true);
    const later = w.remember({ nonce: 'b', timestamp: 500 }, 200);
    expect([later.has('a'), later.has('b'), w.has('a'), w.has('b')]).toEqual([false, true, true, false]);
    expect(later.toArray()).toEqual([{ nonce: 'b', timestamp: 500 }]);
    expect(JSON.stringify(later)).toBe('[{"nonce":"b","timestamp":500}]');
  });

  it('agrees with filtering a list, for any history: forks, falling thresholds, nonces reused after they were forgotten', () => {
    const op = fc.record({ from: fc.nat(), nonce: fc.constantFrom('a', 'b', 'c', 'd'), timestamp: fc.integer({ min: 0, max: 40 }), threshold: fc.integer({ min: -5, max: 40 }) });
    fc.assert(fc.property(fc.array(op, { maxLength: 60 }), fc.boolean(), (ops, straight) => {
      const windows: NonceWindow[] = [NonceWindow.empty()];
      const lists: UsedNonce[][] = [[]];
      for (const o of ops) {
        const i = straight ? windows.length - 1 : o.from % windows.length;
        const used = { nonce: o.nonce, timestamp: o.timestamp };
        windows.push(windows[i].remember(used, o.threshold));
        lists.push(rememberByFilter(lists[i], used, o.threshold));
      }
      windows.forEach((w, i) => {
        expect(w.toArray()).toEqual(lists[i]);
        for (const n of ['a', 'b', 'c', 'd']) expect(w.has(n)).toBe(lists[i].some((u) => u.nonce === n));
      });
    }), { numRuns: 300 });
  });

  it('a long straight history with rising thresholds compacts and still agrees', () => {
    let w = NonceWindow.empty();
    let list: UsedNonce[] = [];
    for (let t = 0; t < 5000; t++) {
      const used = { nonce: `n${t % 700}`, timestamp: t };
      if (!w.has(used.nonce) !== !list.some((u) => u.nonce === used.nonce)) throw new Error(`disagree at ${t}`);
      w = w.remember(used, t - 300);
      list = rememberByFilter(list, used, t - 300);
    }
    expect(w.toArray()).toEqual(list);
  });
});
