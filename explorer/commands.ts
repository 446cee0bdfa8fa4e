import type { Auth, Command, World } from '../model';
import type { ExplorerConfig, RequestForm } from './config';

/**
 * The finite set of ground commands the explorer tries in every state, built once from the
 * configuration: every record, account, endpoint and request form it allows.
 */

export function setupCommands(config: ExplorerConfig): Command[] {
  return [
    ...config.accounts.map((a): Command =>
      a.kind === 'sandbox'
        ? { type: 'addSandbox', account: a.name, production: a.production ?? '' }
        : { type: 'addAccount', account: a.name, kind: a.kind }),
    ...config.users.map((u): Command => ({ type: 'addUser', account: u.account, user: u.user, role: u.role })),
  ];
}

const tokenOf = (account: string, record: string) => `${record} token in ${account}`;
const sessionOf = (account: string, record: string) => `${record} session in ${account}`;
const bundleOf = (record: string) => `${record} bundle`;

function authFor(form: RequestForm, account: string, record: string): Auth {
  switch (form) {
    case 'passport': return { kind: 'passport', user: 'administrator', password: 'valid', applicationId: { of: record } };
    case 'passportNoAppId': return { kind: 'passport', user: 'administrator', password: 'valid' };
    case 'tba': return { kind: 'tba', consumerKey: { of: record }, token: { handle: tokenOf(account, record) }, signature: 'valid' };
    case 'tbaWithAppId': return { kind: 'tba', consumerKey: { of: record }, token: { handle: tokenOf(account, record) }, signature: 'valid', applicationId: { of: record } };
    case 'tbaBadSignature': return { kind: 'tba', consumerKey: { of: record }, token: { handle: tokenOf(account, record) }, signature: 'invalid' };
    case 'none':
    case 'getDataCenterUrls': return { kind: 'none' };
  }
}

/** Forms that name no record are sent once per account and endpoint, not once per record. */
const RECORDLESS: readonly RequestForm[] = ['passportNoAppId', 'none', 'getDataCenterUrls'];

export function groundCommands(config: ExplorerConfig): Command[] {
  const has = (f: ExplorerConfig['families'][number]) => config.families.includes(f);
  const out: Command[] = [];
  const accounts = config.accounts.map((a) => a.name);
  for (const r of config.records) {
    if (has('create')) {
      out.push({ type: 'createRecord', account: r.owner, record: r.name, authentication: r.authentication });
      out.push({ type: 'createRecord', account: r.owner, record: r.name, authentication: r.authentication, state: 'blocked' });
    }
    if (has('bundle')) out.push({ type: 'createBundle', account: r.owner, bundle: bundleOf(r.name), records: [r.name] });
    for (const a of r.accounts ?? accounts) {
      if (has('state')) {
        out.push({ type: 'editRecord', account: a, record: r.name, changes: { state: 'enabled' } });
        out.push({ type: 'editRecord', account: a, record: r.name, changes: { state: 'blocked' } });
      }
      if (has('note')) out.push({ type: 'editRecord', account: a, record: r.name, changes: { note: 'checked' } });
      if (has('rename')) out.push({ type: 'editRecord', account: a, record: r.name, changes: { name: `${r.name} renamed` } });
      if (has('regenerate')) out.push({ type: 'regenerateCredentials', account: a, record: r.name });
      if (has('bundle') && a !== r.owner) {
        out.push({ type: 'installBundle', account: a, bundle: bundleOf(r.name) });
        out.push({ type: 'uninstallBundle', account: a, bundle: bundleOf(r.name) });
      }
      if (has('accessToken')) out.push({ type: 'createAccessToken', account: a, record: r.name, token: tokenOf(a, r.name) });
      if (has('issueToken')) out.push({ type: 'issueToken', account: a, record: r.name, token: tokenOf(a, r.name) });
      if (has('view')) {
        for (const user of ['administrator', ...config.users.filter((u) => u.account === a).map((u) => u.user)]) {
          out.push({ type: 'viewRecord', account: a, user, record: r.name });
        }
      }
    }
  }
  for (const a of accounts) {
    if (has('requireApproval') && (config.requireApprovalIn ?? accounts).includes(a)) {
      out.push({ type: 'setPreference', account: a, preference: 'requireApproval', value: true });
      out.push({ type: 'setPreference', account: a, preference: 'requireApproval', value: false });
    }
    if (has('defaultRecord')) {
      out.push({ type: 'setDefaultRecordState', account: a, state: 'blocked' });
      out.push({ type: 'setDefaultRecordState', account: a, state: 'enabled' });
    }
    if (has('view')) {
      for (const user of ['administrator', ...config.users.filter((u) => u.account === a).map((u) => u.user)]) {
        out.push({ type: 'viewIntegrations', account: a, user }, { type: 'searchOperations', account: a, user });
      }
    }
  }
  if (has('refresh')) {
    for (const a of config.accounts) if (a.kind === 'sandbox') out.push({ type: 'refreshSandbox', account: a.name });
  }
  for (const a of accounts) {
    const recordNames = config.records.filter((r) => (r.accounts ?? accounts).includes(a)).map((r) => r.name);
    for (const endpoint of config.endpoints) {
      if (has('request')) {
        for (const form of config.requestForms) {
          for (const record of RECORDLESS.includes(form) ? [recordNames[0] ?? config.records[0]?.name ?? ''] : recordNames) {
            const operation = form === 'getDataCenterUrls' ? 'getDataCenterUrls' : 'get';
            out.push({ type: 'request', request: { channel: 'soap', account: a, endpoint, operation, auth: authFor(form, a, record) } });
          }
        }
      }
      if (has('login')) {
        for (const record of recordNames) {
          out.push({ type: 'login', account: a, endpoint, operation: 'login', auth: authFor('passport', a, record), session: sessionOf(a, record) });
          out.push({ type: 'request', request: { channel: 'soap', account: a, endpoint, operation: 'get', auth: { kind: 'session', session: sessionOf(a, record) } } });
        }
      }
    }
    if (has('restlet')) {
      for (const record of recordNames) {
        for (const form of config.requestForms.filter((f) => f === 'tba' || f === 'passport')) {
          out.push({ type: 'request', request: { channel: 'restlet', account: a, method: 'GET', auth: authFor(form, a, record) } });
        }
      }
    }
  }
  return out;
}

/**
 * A cheap filter for commands that would only be invalid input in this world (a record not
 * created yet, a handle already taken). The world would answer them with `invalid` anyway;
 * skipping them saves building an error per try.
 */
export function applicable(world: World, cmd: Command): boolean {
  switch (cmd.type) {
    case 'createRecord': return world.records[cmd.record] === undefined;
    case 'createBundle': return world.bundles[cmd.bundle] === undefined && cmd.records.every((r) => world.records[r] !== undefined);
    case 'installBundle':
    case 'uninstallBundle': return world.bundles[cmd.bundle] !== undefined;
    case 'createAccessToken':
    case 'issueToken': return world.records[cmd.record] !== undefined && world.tokens[cmd.token] === undefined;
    case 'login': return world.sessions[cmd.session]?.active !== true && authRecordsExist(world, cmd.auth);
    case 'request': {
      const auth = cmd.request.auth;
      if (auth.kind === 'session') return world.sessions[auth.session] !== undefined;
      return authRecordsExist(world, auth);
    }
    case 'editRecord':
    case 'regenerateCredentials':
    case 'viewRecord':
    case 'viewExecutionLog': return world.records[cmd.record] !== undefined;
    default: return true;
  }
}

function authRecordsExist(world: World, auth: Auth): boolean {
  if (auth.kind === 'tba') return world.records[auth.consumerKey.of] !== undefined && (auth.applicationId === undefined || !('of' in auth.applicationId) || world.records[auth.applicationId.of] !== undefined);
  if (auth.kind === 'passport') return auth.applicationId === undefined || !('of' in auth.applicationId) || world.records[auth.applicationId.of] !== undefined;
  return true;
}
