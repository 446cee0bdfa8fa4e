import type { Account, World } from '../model';
import { WORLD } from './contract';
import type { Layout } from './layout';

const ACCOUNT = WORLD.accounts.fields;

/**
 * The footprint of a computation on a world: which components it read. The world is wrapped
 * in proxies that report, per layout component, the first time the computation looks inside
 * it (an installation, a record, an account's preferences, any token, bundle or session).
 * Reading a reference without looking inside (spreading the world into a new one) reports
 * nothing, so the immutable-update style of the model does not inflate footprints.
 *
 * Which field belongs to which component comes from explorer/contract.ts. A field declared
 * abstracted (logs, sequence numbers, generated values, users, account kinds) is read freely:
 * the contract gives the reason no answer depends on it.
 *
 * Proxies are made once per object in a session, so identity comparisons the model and the
 * invariants make (`before.records !== after.records`) give the same answers as unwrapped.
 */
export class Footprint {
  /** Components read, in the order first read. */
  readonly order: number[] = [];
  private readonly seen: Uint8Array;
  private tracking = true;
  private readonly proxyOf = new WeakMap<object, object>();
  private readonly targetOf = new WeakMap<object, object>();

  constructor(private readonly layout: Layout) {
    this.seen = new Uint8Array(layout.width);
  }

  private read(component: number): void {
    if (!this.tracking || this.seen[component]) return;
    this.seen[component] = 1;
    this.order.push(component);
  }

  /** Marks components as read (from outside: the caller knows the result depends on them). */
  add(components: Iterable<number>): void {
    for (const c of components) this.read(c);
  }

  /** Runs `f` without recording reads (encoding a result, say). */
  untracked<T>(f: () => T): T {
    const was = this.tracking;
    this.tracking = false;
    try {
      return f();
    } finally {
      this.tracking = was;
    }
  }

  /** The object a proxy stands for (or the value itself). */
  unwrap<T>(value: T): T {
    return (typeof value === 'object' && value !== null ? (this.targetOf.get(value) as T | undefined) : undefined) ?? value;
  }

  /** The proxy of `target`, made with `handler()` the first time (the handler is built only then). */
  private wrap<T extends object>(target: T, handler: () => ProxyHandler<T>): T {
    let p = this.proxyOf.get(target) as T | undefined;
    if (!p) {
      p = new Proxy(target, handler());
      this.proxyOf.set(target, p);
      this.targetOf.set(p, target);
    }
    return p;
  }

  /** A map whose entries are components: reading an entry reads `readKey(key)`, listing the keys reads `all()`. */
  private entries<T extends object>(target: T, readKey: (key: string) => Iterable<number>, all: () => Iterable<number>): T {
    return this.wrap(target, () => ({
      get: (t, key, receiver) => {
        if (typeof key === 'string') this.add(readKey(key));
        return Reflect.get(t, key, receiver);
      },
      has: (t, key) => {
        if (typeof key === 'string') this.add(readKey(key));
        return Reflect.has(t, key);
      },
      getOwnPropertyDescriptor: (t, key) => {
        if (typeof key === 'string') this.add(readKey(key));
        return Reflect.getOwnPropertyDescriptor(t, key);
      },
      ownKeys: (t) => {
        this.add(all());
        return Reflect.ownKeys(t);
      },
    }));
  }

  /** The world wrapped so that what the computation reads is recorded, field by field as the contract declares. */
  world(world: World): World {
    const { layout } = this;
    const one = (c: number | undefined): number[] => (c === undefined ? [] : [c]);
    const account = (name: string, target: Account) => this.wrap(target, () => ({
      get: (t, key, receiver) => {
        const v = Reflect.get(t, key, receiver);
        switch (typeof key === 'string' ? ACCOUNT[key as keyof Account]?.kind : undefined) {
          case 'account':
            this.add(one(layout.account.get(name)));
            return v;
          case 'installation': {
            const byRecord = layout.installation.get(name);
            return this.entries(v as object, (r) => one(byRecord?.get(r)), () => byRecord?.values() ?? []);
          }
          default: return v;
        }
      },
    }));
    const accounts = (target: object) => this.wrap(target, () => ({
      // Accounts are all added by the setup and never removed: their existence is no component.
      get: (t, key, receiver) => {
        const v = Reflect.get(t, key, receiver);
        return typeof key === 'string' && typeof v === 'object' && v !== null ? account(key, v as Account) : v;
      },
    }));
    // A holdings map is not split by account: looking at any entry reads every holding.
    const holdings = () => layout.holdings;
    return this.wrap(world, () => ({
      get: (t, key, receiver) => {
        const v = Reflect.get(t, key, receiver);
        switch (typeof key === 'string' ? WORLD[key as keyof World]?.kind : undefined) {
          case 'accounts': return accounts(v as object);
          case 'record': return this.entries(v as object, (r) => one(layout.record.get(r)), () => layout.record.values());
          case 'holdings': return this.entries(v as object, holdings, holdings);
          default: return v;
        }
      },
    }));
  }
}
