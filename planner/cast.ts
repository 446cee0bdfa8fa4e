import type { Command, LifecycleEventType, World } from '../model';

/**
 * The planner's canonical cast (production "Acme" with its sandbox "Acme SB", a partner
 * "Partner", a customer "Customer", one integration record "App" permitting both methods) and
 * its moves: the few commands that cause each lifecycle event. The search is in planner.ts.
 */

export const CAST = { production: 'Acme', sandbox: 'Acme SB', partner: 'Partner', customer: 'Customer' } as const;
export const PLANNED_RECORD = 'App';
export const PLANNED_BUNDLE = 'App Bundle';
/** An endpoint where user credentials with an Application ID are accepted (AUTH-05). */
const PLANNED_ENDPOINT = '2019.2';
export const PLANNED_SEED = 1;

export const ACCOUNTS: readonly string[] = [CAST.production, CAST.sandbox, CAST.partner, CAST.customer];

export const CAST_COMMANDS: readonly Command[] = [
  { type: 'addAccount', account: CAST.production, kind: 'production' },
  { type: 'addSandbox', account: CAST.sandbox, production: CAST.production },
  { type: 'addAccount', account: CAST.partner, kind: 'partner' },
  { type: 'addAccount', account: CAST.customer, kind: 'customer' },
];

/**
 * Who takes part in a search: the subject (whose installation must move), the accounts that may
 * create the record, and the accounts whose moves can matter to the subject: the subject itself
 * and, for a sandbox, its production (whose State and bundle a refresh copies). Other accounts'
 * installations decide nothing about the subject, so their moves are left out: that keeps the
 * search exhaustive and small. A customer with a partner plans everything but refreshes; the
 * sandbox with its production and a partner plans the rest.
 */
export interface Setting {
  readonly subject: string;
  readonly accounts: readonly string[];
  readonly actors: readonly string[];
}

export const SETTINGS: readonly Setting[] = [
  { subject: CAST.customer, accounts: [CAST.customer, CAST.partner], actors: [CAST.customer] },
  { subject: CAST.sandbox, accounts: [CAST.sandbox, CAST.production, CAST.partner], actors: [CAST.sandbox, CAST.production] },
];

/** Commands an account runs to cause one lifecycle event (after setting up what the guard reads). */
export type MoveFactory = (world: World, tokens: number, account: string) => readonly Command[] | undefined;

const tokenHandle = (tokens: number): string => `token ${tokens + 1}`;
export const recordOf = (world: World) => world.records[PLANNED_RECORD];
export const bundleOf = (world: World) => world.bundles[PLANNED_BUNDLE];

/** Require Approval set to `value` in the account, when it is not already (TOKEN-02 decides the guard). */
function approval(world: World, account: string, value: boolean): Command[] {
  return world.accounts[account].preferences.requireApproval === value ? [] : [{ type: 'setPreference', account, preference: 'requireApproval', value }];
}

function autoInstall(requireApproval: boolean): MoveFactory {
  return (world, _commands, account) => (recordOf(world)
    ? [
        ...approval(world, account, requireApproval),
        {
          type: 'request',
          request: {
            channel: 'soap', account, endpoint: PLANNED_ENDPOINT, operation: 'get',
            auth: { kind: 'passport', user: 'administrator', password: 'valid', applicationId: { of: PLANNED_RECORD } },
          },
        },
      ]
    : undefined);
}

function issueToken(requireApproval: boolean): MoveFactory {
  return (world, tokens, account) => (recordOf(world)
    ? [...approval(world, account, requireApproval), { type: 'issueToken', account, record: PLANNED_RECORD, token: tokenHandle(tokens) }]
    : undefined);
}

const BOTH_METHODS = { userCredentials: true, tokenBased: true } as const;
const refresh: MoveFactory = (_w, _c, account) => (account === CAST.sandbox ? [{ type: 'refreshSandbox', account }] : undefined);

/**
 * Which commands cause which lifecycle event; `satisfies` makes a new event type in the
 * statechart a compile error here until the planner knows how to cause it.
 */
const MOVES = {
  CREATE: [
    (w, _c, account) => (recordOf(w) ? undefined : [{ type: 'createRecord', account, record: PLANNED_RECORD, authentication: BOTH_METHODS }]),
    (w, _c, account) => (recordOf(w) ? undefined : [{ type: 'createRecord', account, record: PLANNED_RECORD, authentication: BOTH_METHODS, state: 'blocked' }]),
  ],
  INSTALL_BUNDLE: [
    (w, _c, account) => {
      const record = recordOf(w);
      if (!record) return undefined;
      const create: Command[] = bundleOf(w) ? [] : [{ type: 'createBundle', account: record.owner, bundle: PLANNED_BUNDLE, records: [PLANNED_RECORD] }];
      return [...create, { type: 'installBundle', account, bundle: PLANNED_BUNDLE }];
    },
  ],
  AUTO_INSTALL: [autoInstall(false), autoInstall(true)],
  ISSUE_TOKEN: [issueToken(false), issueToken(true)],
  ENABLE: [(w, _c, account) => (recordOf(w) ? [{ type: 'editRecord', account, record: PLANNED_RECORD, changes: { state: 'enabled' } }] : undefined)],
  BLOCK: [(w, _c, account) => (recordOf(w) ? [{ type: 'editRecord', account, record: PLANNED_RECORD, changes: { state: 'blocked' } }] : undefined)],
  UNINSTALL_BUNDLE: [(w, _c, account) => (bundleOf(w) ? [{ type: 'uninstallBundle', account, bundle: PLANNED_BUNDLE }] : undefined)],
  REFRESH_REMOVE: [refresh],
  REFRESH_COPY: [refresh],
} satisfies Record<LifecycleEventType, readonly MoveFactory[]>;

export const ALL_MOVES: readonly MoveFactory[] = [...new Set<MoveFactory>(Object.values(MOVES).flat())];
export const CREATE_MOVES: ReadonlySet<MoveFactory> = new Set<MoveFactory>(MOVES.CREATE);
