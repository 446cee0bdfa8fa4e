import { DEFAULT_USER, type AccountKind, type Command, type Role, type World } from '../model';

/**
 * The fixed cast every generated command sequence plays with: accounts of every kind
 * (production with a sandbox, partner, customer), a user of every role in each account, and
 * a pool of record names. Accounts and users join the world only when a command first needs
 * them, so a shrunk counterexample sets up no more than it uses.
 */

export interface CastAccount {
  readonly name: string;
  readonly kind: AccountKind;
  /** For a sandbox: its production account. */
  readonly production?: string;
  /** How often generated commands pick it. */
  readonly weight: number;
}

export const CAST_ACCOUNTS: readonly CastAccount[] = [
  { name: 'Acme', kind: 'production', weight: 6 },
  { name: 'Acme Sandbox', kind: 'sandbox', production: 'Acme', weight: 5 },
  { name: 'Partner', kind: 'partner', weight: 5 },
  { name: 'Customer', kind: 'customer', weight: 4 },
  { name: 'Globex', kind: 'production', weight: 1 },
  { name: 'Globex Sandbox', kind: 'sandbox', production: 'Globex', weight: 1 },
];

export const SANDBOXES: readonly CastAccount[] = CAST_ACCOUNTS.filter((a) => a.kind === 'sandbox');

/** One user per role in every account; the administrator is built in. */
export const CAST_USERS: Readonly<Record<Role, string>> = {
  administrator: DEFAULT_USER,
  integrationList: 'lister',
  integrationFull: 'builder',
  noIntegrationAccess: 'clerk',
};

/** Records are created under these names, in order. */
export const RECORD_NAMES: readonly string[] = [
  'Order Sync', 'Billing Bridge', 'Warehouse Feed', 'CRM Connector', 'Payroll Export', 'Legacy ETL', 'Mobile App', 'Data Loader',
];

/** Application IDs no record has: what a mistyped or foreign ID looks like. */
export const UNKNOWN_APPLICATION_IDS: readonly string[] = [
  '00000000-0000-0000-0000-000000000000',
  'ffffffffffffffffffffffffffffffff',
  '1A2B3C4D-0000-4000-8000-00000000BEEF',
];

function castAccount(name: string): CastAccount {
  const account = CAST_ACCOUNTS.find((a) => a.name === name);
  if (!account) throw new Error(`cast: no account "${name}"; the cast has ${CAST_ACCOUNTS.map((a) => a.name).join(', ')}`);
  return account;
}

/**
 * The commands one generated step resolves to: the cast members it needs that the world
 * lacks (added first), then the step's own command.
 */
export class Plan {
  readonly commands: Command[] = [];
  // Most steps add no cast member: the sets are made on first use.
  private addedAccounts: Set<string> | undefined;
  private addedUsers: Set<string> | undefined;

  constructor(readonly world: World) {}

  hasAccount(name: string): boolean {
    return this.world.accounts[name] !== undefined || (this.addedAccounts?.has(name) ?? false);
  }

  /** Makes sure a cast account exists (its production first, for a sandbox); returns its name. */
  account(name: string): string {
    if (this.hasAccount(name)) return name;
    const cast = castAccount(name);
    if (cast.kind === 'sandbox' && cast.production) {
      this.account(cast.production);
      this.commands.push({ type: 'addSandbox', account: name, production: cast.production });
    } else {
      this.commands.push({ type: 'addAccount', account: name, kind: cast.kind === 'sandbox' ? 'production' : cast.kind });
    }
    (this.addedAccounts ??= new Set()).add(name);
    return name;
  }

  hasUser(account: string, user: string): boolean {
    return user === DEFAULT_USER || this.world.accounts[account]?.users[user] !== undefined || (this.addedUsers?.has(`${account}\u0000${user}`) ?? false);
  }

  /** Makes sure the account has the cast user of this role; undefined stands for the administrator. */
  user(account: string, role: Role): string | undefined {
    this.account(account);
    const name = CAST_USERS[role];
    if (role === 'administrator') return undefined;
    if (!this.hasUser(account, name)) {
      this.commands.push({ type: 'addUser', account, user: name, role });
      (this.addedUsers ??= new Set()).add(`${account}\u0000${name}`);
    }
    return name;
  }

  push(command: Command): readonly Command[] {
    this.commands.push(command);
    return this.commands;
  }
}
