import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apply, createWorld, LIFECYCLE_STATES, type Command, type Outcome, type World } from '../model';
import { checkStep } from '../properties/invariants';
import { applicable, groundCommands, setupCommands } from './commands';
import { parseConfig } from './config';
import { indexIn, WORLD } from './contract';
import { makeLayout } from './layout';

/**
 * The explorer's premise, checked directly: two different worlds with the same row of components
 * answer every command alike. Pairs are built from one command sequence, run under two seeds
 * (different Application IDs, keys, secrets), the second with row-preserving detours inserted
 * (a segment of commands is kept only if the row after it is the row before: requests that
 * only log, edits undone, a refresh repeated...), so the two differ in what the contract
 * abstracts and agree on every component. Every command of a wide configuration (every command
 * family, request form, a sandbox, an extra user) must then get the same outcome kind, rule,
 * fault, statechart transitions, invariant verdict and resulting row in both.
 */

const WIDE = parseConfig({
  accounts: [
    { name: 'Acme', kind: 'production' },
    { name: 'Acme SB', kind: 'sandbox', production: 'Acme' },
    { name: 'Partner', kind: 'partner' },
    { name: 'Customer', kind: 'customer' },
  ],
  records: [
    { name: 'App', owner: 'Partner', authentication: { userCredentials: true, tokenBased: true }, accounts: ['Partner', 'Customer', 'Acme'] },
    { name: 'Dev', owner: 'Acme SB', authentication: { userCredentials: true, tokenBased: false }, accounts: ['Acme SB', 'Acme'] },
  ],
  users: [{ account: 'Customer', user: 'Lee', role: 'integrationList' }],
  endpoints: ['2015.1', '2021.1'],
  requestForms: ['passport', 'passportNoAppId', 'tba', 'tbaWithAppId', 'tbaBadSignature', 'none', 'getDataCenterUrls'],
  families: ['create', 'state', 'note', 'rename', 'regenerate', 'bundle', 'accessToken', 'issueToken', 'requireApproval', 'defaultRecord', 'refresh', 'request', 'restlet', 'login', 'view'],
}, 'wide');

const layout = makeLayout(WIDE);
const moves = groundCommands(WIDE);
const rowOf = (w: World) => layout.values(w).join('\n');

function setup(seed: number): World {
  let w = createWorld({ seed });
  for (const c of setupCommands(WIDE)) w = apply(w, c).world;
  return w;
}

/** Applies `command` where it is applicable (as the explorer does); undefined when it is not. */
function step(before: World, command: Command): { after: World; outcome: Outcome } | undefined {
  if (!applicable(before, command)) return undefined;
  const { world: after, outcome } = apply(before, command);
  return outcome.kind === 'invalid' ? undefined : { after, outcome };
}

/**
 * What the explorer takes from an answer: everything but generated values, logs and wording.
 * Transitions as a sorted list: the explorer only counts them, and a refresh lists them in the
 * order the records were created, which no component holds.
 */
function answer(before: World, command: Command) {
  const s = step(before, command);
  if (!s) return { answered: false };
  const { after, outcome } = s;
  const violation = checkStep({ before, command, after, outcome });
  return {
    answered: true,
    kind: outcome.kind,
    rule: outcome.kind === 'refused' ? outcome.rule : outcome.kind === 'accepted' ? outcome.rules : undefined,
    fault: outcome.kind === 'refused' ? [outcome.fault.code, outcome.fault.detail] : undefined,
    transitions: (outcome.kind === 'invalid' ? [] : outcome.transitions).map((t) => `${t.account} ${t.record} ${t.transition}`).sort(),
    violation: violation?.invariant,
    row: rowOf(after),
  };
}

describe('soundness of the layout', () => {
  const move = fc.nat({ max: moves.length - 1 });
  // Walks start with some of the commands that make things (records, bundles, tokens,
  // sessions) and refreshes, in any order, which random moves alone would seldom reach.
  const making = moves.flatMap((c, m) => (['createRecord', 'createBundle', 'installBundle', 'createAccessToken', 'issueToken', 'login', 'refreshSandbox'].includes(c.type) ? [m] : []));
  const walk = fc.tuple(fc.shuffledSubarray(making), fc.array(move, { minLength: 4, maxLength: 24 })).map(([first, then]) => [...first, ...then]);
  const describePath = (seed: number, path: readonly number[]) => `seed ${seed}: ${path.map((m) => JSON.stringify(moves[m])).join(', ')}`;

  /** Every command, answered by `a` and by `b` (whose rows are equal), must get the same answer. */
  function expectAlike(a: World, b: World, where: () => string): void {
    for (const command of moves) {
      const x = answer(a, command);
      const y = answer(b, command);
      if (!isDeepStrictEqual(x, y)) expect(y, `${command.type} ${JSON.stringify(command)}\n${where()}`).toEqual(x);
    }
  }

  it('two worlds reached by different walks with the same row answer every command alike', () => {
    // The first world seen with each row, and how it was reached; a later walk reaching the same
    // row by another path (or under another seed) is compared with it at the deepest such point.
    const first = new Map<string, { world: World; seed: number; path: number[] }>();
    let pairs = 0;
    fc.assert(fc.property(walk, fc.integer({ min: 1, max: 4 }), (path, seed) => {
      let w = setup(seed);
      let deepest: { world: World; i: number; other: { world: World; seed: number; path: number[] } } | undefined;
      for (let i = 0; i <= path.length; i++) {
        const key = rowOf(w);
        const seen = first.get(key);
        if (!seen) first.set(key, { world: w, seed, path: path.slice(0, i) });
        else if (!isDeepStrictEqual(seen.world, w)) deepest = { world: w, i, other: seen };
        if (i < path.length) w = step(w, moves[path[i]])?.after ?? w;
      }
      if (!deepest) return;
      pairs++;
      const { other, i } = deepest;
      expectAlike(other.world, deepest.world, () => `first reached by ${describePath(other.seed, other.path)}\nthen by ${describePath(seed, path.slice(0, i))}`);
    }), { numRuns: 300 });
    expect(pairs).toBeGreaterThan(50);
  });

  it('a world and the same world after detours that leave its row as it was answer every command alike', () => {
    // Detours (a segment kept only if the row after it is the row before: requests that only
    // log, edits undone, a refresh repeated...) under another seed make worlds that differ in
    // what the contract abstracts (logs, sequence numbers, generated values) and in nothing else.
    const pair = fc.nat({ max: moves.length - 2 }).chain((m) => fc.constantFrom([m, m + 1], [m + 1, m]));
    const detour = fc.oneof(fc.array(move, { minLength: 1, maxLength: 3 }), pair);
    let detours = 0;
    fc.assert(fc.property(
      walk,
      fc.array(fc.record({ at: fc.nat(), commands: detour }), { minLength: 10, maxLength: 40 }),
      fc.integer({ min: 2, max: 1_000_000 }),
      (base, segments, seed) => {
        let a = setup(1);
        let b = setup(seed);
        for (let i = 0; i <= base.length; i++) {
          for (const segment of segments.filter((s) => s.at % (base.length + 1) === i)) {
            const row = rowOf(b);
            let w = b;
            for (const m of segment.commands) w = step(w, moves[m])?.after ?? w;
            if (w !== b && rowOf(w) === row) {
              b = w;
              detours++;
            }
          }
          if (i === base.length) break;
          const command = moves[base[i]];
          expect(answer(b, command), `${command.type} after ${i} commands`).toEqual(answer(a, command));
          a = step(a, command)?.after ?? a;
          b = step(b, command)?.after ?? b;
        }
        expect(rowOf(b)).toBe(rowOf(a));
        expectAlike(a, b, () => `${describePath(1, base)} with detours under seed ${seed}`);
      },
    ), { numRuns: 100 });
    expect(detours).toBeGreaterThan(100);
  });
});

describe('the contract', () => {
  it('encodes values by their index in a list, so two that share a first letter stay apart', () => {
    const encode = indexIn(['blocked', 'bogus']);
    expect(encode('blocked')).not.toBe(encode('bogus'));
    expect(() => encode('bad' as 'blocked')).toThrow(/"bad" is not one of blocked, bogus; declare it in explorer\/contract.ts/);
  });

  it('encodes every lifecycle state and every origin of an installation apart', () => {
    const { state, origin } = WORLD.accounts.fields.installations.fields;
    expect(new Set(LIFECYCLE_STATES.map((s) => state.encode(s as never))).size).toBe(LIFECYCLE_STATES.length);
    const origins = ['created', 'bundle', 'autoInstall', 'issueToken', 'refreshCopy'] as const;
    expect(new Set(origins.map((o) => origin.encode(o))).size).toBe(origins.length);
  });
});
