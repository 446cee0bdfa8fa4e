import type { Account, Installation, IntegrationRecord, World } from '../model';
import { encoderOf, fieldsOf, holderFields, WORLD } from './contract';
import type { ExplorerConfig } from './config';
import type { Row } from './store';

/**
 * A world as the explorer sees it: a fixed row of components, each a short string of what the
 * rules depend on, nothing else. Which fields of the world make up which component, how each
 * is written and why the others are left out is declared once, in explorer/contract.ts: per
 * account its preferences and Default record, each configured record's installation and what
 * it holds (tokens, installed bundles, sessions); per record its common fields; last, which
 * bundles exist. Leaving out logs, sequence numbers and generated values makes the space finite.
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

const ABSENT = '_';
const ACCOUNT = WORLD.accounts.fields;

/** An account's 'account' component: the fields declared part of it, in declaration order. */
const accountParts = fieldsOf(ACCOUNT, 'account').map((key) => ({ key, encode: encoderOf<object>(ACCOUNT[key].fields) }));
function accountValue(account: Account): string {
  let out = '';
  for (const { key, encode } of accountParts) out += `${encode(account[key])}|`;
  return out;
}
const installationValue = encoderOf<Installation>(ACCOUNT.installations.fields);
const recordValue = encoderOf<IntegrationRecord>(WORLD.records.fields);

/** Per holdings map of the world: how an entry reads as an item, and the fields naming the accounts that list it. */
const holdingMaps = fieldsOf(WORLD, 'holdings').map((key) => {
  const field = WORLD[key];
  return { key, tag: field.tag, listed: field.listed, encode: encoderOf<object>(field.fields), holders: holderFields(field.fields) };
});

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
    const listed: string[] = [];
    for (const map of holdingMaps) {
      const entries = world[map.key] as Readonly<Record<string, object>>;
      for (const k in entries) {
        const entry = entries[k] as Record<string, string | readonly string[]>;
        const item = `${map.tag}${map.encode(entry)}`;
        for (const h of map.holders) {
          const held = entry[h];
          for (const a of typeof held === 'string' ? [held] : held) {
            const list = holds.get(a);
            if (list) list.push(item);
            else holds.set(a, [item]);
          }
        }
        if (map.listed) listed.push(`${k.length}:${k}`);
      }
    }
    const out: string[] = [];
    for (const a of accounts) {
      const acc = world.accounts[a];
      out.push(acc ? accountValue(acc) : ABSENT);
      for (const r of records) {
        const inst = acc?.installations[r];
        out.push(inst ? installationValue(inst) : ABSENT);
      }
      out.push((holds.get(a) ?? []).sort().join(';'));
    }
    for (const r of records) {
      const rec = world.records[r];
      out.push(rec ? recordValue(rec) : ABSENT);
    }
    out.push(listed.sort().join(';'));
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
