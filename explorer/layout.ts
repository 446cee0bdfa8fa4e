import type { Account, World } from '../model';
import type { ExplorerConfig } from './config';
import type { Row } from './store';

/**
 * A world as the explorer sees it: a fixed row of components, each a short string of what the
 * rules depend on, nothing else. Per account: its preferences and Default record State, each
 * configured record's installation (lifecycle state, origin and bundle, whether it has a Note),
 * and what it holds (tokens, installed bundles, open sessions). Per record: its existence,
 * Name, Description, permitted methods and whether its credentials were ever regenerated.
 * Last, which bundles exist.
 *
 * Abstracted: logs, system notes, sequence numbers and every generated value (Application IDs,
 * keys, secrets). Logs only grow and no rule reads an old entry; generated values are compared
 * only for equality. So two worlds equal on every component answer every command alike (up to
 * those values), which makes the space finite.
 *
 * Symmetry: accounts declared interchangeable are explored up to permutation: the canonical row
 * sorts their blocks of components. Sound only when the configuration treats them identically
 * (same kind, same commands, no record owned), which `parseConfig` checks.
 */
export interface Layout {
  /** One name per component, for messages and tests. */
  readonly names: readonly string[];
  readonly width: number;
  /** Component values of a world, in row order. */
  readonly values: (world: World) => string[];
  /** Component index of an account's preferences and Default record. */
  readonly account: ReadonlyMap<string, number>;
  /** Component index of an installation: installation.get(account)?.get(record). */
  readonly installation: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Component index of a record's common fields. */
  readonly record: ReadonlyMap<string, number>;
  /** Components that depend on tokens, bundles and sessions: every account's holdings and the bundle list. */
  readonly holdings: readonly number[];
  /** For each symmetric group, each member's block of component indices (same length, same order). */
  readonly symmetricBlocks: readonly (readonly (readonly number[])[])[];
  /** Which value table each component interns into: shared by a symmetric group's corresponding components, so their blocks can swap. */
  readonly tableOf: readonly number[];
}

const ABSENT_ACCOUNT = '-';

function accountValue(account: Account): string {
  return `${account.preferences.requireApproval ? 'A' : 'a'}${account.preferences.tokenBasedAuthentication ? 'T' : 't'}${account.defaultRecord.state === 'blocked' ? 'D' : 'd'}`;
}

function installationValue(account: Account, record: string): string {
  const inst = account.installations[record];
  if (!inst) return '_';
  return `${inst.state[0]}${inst.state === 'waitingForApproval' ? 'w' : ''}${inst.origin[0]}${inst.origin === 'issueToken' ? 't' : ''}${inst.bundle ?? ''}${inst.note === '' ? '' : 'n'}`;
}

export function makeLayout(config: ExplorerConfig): Layout {
  const records = config.records.map((r) => r.name);
  const accounts = config.accounts.map((a) => a.name);
  const names: string[] = [];
  const account = new Map<string, number>();
  const installation = new Map<string, Map<string, number>>();
  const held = new Map<string, number>();
  const blockOf = new Map<string, number[]>();
  for (const a of accounts) {
    const block: number[] = [];
    account.set(a, names.length);
    block.push(names.length);
    names.push(`${a}: preferences`);
    const byRecord = new Map<string, number>();
    for (const r of records) {
      byRecord.set(r, names.length);
      block.push(names.length);
      names.push(`${a}: ${r}`);
    }
    installation.set(a, byRecord);
    held.set(a, names.length);
    block.push(names.length);
    names.push(`${a}: holdings`);
    blockOf.set(a, block);
  }
  const record = new Map<string, number>();
  for (const r of records) {
    record.set(r, names.length);
    names.push(`record ${r}`);
  }
  const bundleList = names.length;
  names.push('bundles');

  const values = (world: World): string[] => {
    // What each account holds, gathered once per world.
    const holds = new Map<string, string[]>();
    const add = (a: string, item: string) => {
      const list = holds.get(a);
      if (list) list.push(item);
      else holds.set(a, [item]);
    };
    for (const t of Object.values(world.tokens)) add(t.account, `t${t.record}`);
    for (const b of Object.values(world.bundles)) for (const a of b.installedIn) add(a, `b${b.name}`);
    for (const x of Object.values(world.sessions)) if (x.active) add(x.account, `s${x.record ?? ''}`);
    const out: string[] = [];
    for (const a of accounts) {
      const acc = world.accounts[a];
      out.push(acc ? accountValue(acc) : ABSENT_ACCOUNT);
      for (const r of records) out.push(acc ? installationValue(acc, r) : ABSENT_ACCOUNT);
      out.push((holds.get(a) ?? []).sort().join(','));
    }
    for (const r of records) {
      const rec = world.records[r];
      out.push(rec ? `${rec.name}/${rec.description}/${rec.authentication.userCredentials ? 'u' : ''}${rec.authentication.tokenBased ? 't' : ''}${rec.previousConsumerKey === undefined ? '' : 'R'}` : '_');
    }
    out.push(Object.keys(world.bundles).sort().join(','));
    return out;
  };

  const symmetricBlocks = config.symmetric.map((group) => group.map((a) => blockOf.get(a) ?? []));
  const tableOf = names.map((_, c) => c);
  for (const blocks of symmetricBlocks) for (const b of blocks.slice(1)) b.forEach((c, j) => { tableOf[c] = blocks[0][j]; });
  return {
    names,
    width: names.length,
    values,
    account,
    installation,
    record,
    holdings: [...held.values(), bundleList],
    symmetricBlocks,
    tableOf,
  };
}

/**
 * Component values interned to small integers, one table per component, so a world is a row of
 * integers. Ids are stable for the life of the interner.
 */
export class Interner {
  readonly width: number;
  private readonly ids: Map<string, number>[];

  constructor(private readonly layout: Pick<Layout, 'width' | 'tableOf' | 'names'>) {
    this.width = layout.width;
    this.ids = Array.from({ length: this.width }, () => new Map());
  }

  id(component: number, value: string): number {
    const t = this.layout.tableOf[component];
    const table = this.ids[t];
    let id = table.get(value);
    if (id === undefined) {
      id = table.size;
      if (id > 0xffff) throw new RangeError(`explorer: the component "${this.layout.names[component]}" took more than 65,536 values; explore a smaller configuration`);
      table.set(value, id);
    }
    return id;
  }

  /** How many values component `c`'s table holds. */
  count(c: number): number {
    return this.ids[this.layout.tableOf[c]].size;
  }

  row(values: readonly string[], into: Row = new Uint16Array(this.width)): Row {
    for (let c = 0; c < this.width; c++) into[c] = this.id(c, values[c]);
    return into;
  }
}

/**
 * Puts a row in canonical form in place: within each symmetric group the members' blocks are
 * sorted (by their ids, which is a total order as good as any). Returns the row. Groups are
 * small, so an insertion sort swapping block contents in place does it without allocating.
 */
export function canonicalize(layout: Layout, row: Row): Row {
  for (const blocks of layout.symmetricBlocks) {
    for (let i = 1; i < blocks.length; i++) {
      for (let j = i; j > 0 && greater(row, blocks[j - 1], blocks[j]); j--) {
        const x = blocks[j - 1];
        const y = blocks[j];
        for (let k = 0; k < x.length; k++) {
          const v = row[x[k]];
          row[x[k]] = row[y[k]];
          row[y[k]] = v;
        }
      }
    }
  }
  return row;
}

/** Whether block x's contents come after block y's. */
function greater(row: Row, x: readonly number[], y: readonly number[]): boolean {
  for (let k = 0; k < x.length; k++) if (row[x[k]] !== row[y[k]]) return row[x[k]] > row[y[k]];
  return false;
}

/** The canonical key of a world as one string: equal for worlds equal on every component, up to symmetry. */
export function makeKey(config: ExplorerConfig): (world: World) => string {
  const layout = makeLayout(config);
  const interner = new Interner(layout);
  return (world) => canonicalize(layout, interner.row(layout.values(world))).join(',');
}
