import type { Auth, Command } from '../../model';
import { held, type DecisionInput } from './table';

/** The world a decision table input describes, built by ordinary commands from an empty world. */

const RECEIVER = 'Customer';
const OWNER = 'Partner';
/** The record every input asks about, owned by OWNER and called in RECEIVER. */
export const RECORD = 'App';
const OTHER_RECORD = 'Other';
const OUTSIDER = 'partner.dev';
const UNKNOWN_ID = '00000000-0000-0000-0000-000000000000';

/** The setup commands and then the request, from an empty world. */
export function commandsFor(i: DecisionInput): { setup: Command[]; request: Command } {
  const setup: Command[] = [
    { type: 'addAccount', account: OWNER, kind: 'partner' },
    { type: 'addAccount', account: RECEIVER, kind: 'customer' },
    { type: 'createRecord', account: OWNER, record: RECORD, authentication: i.methods },
  ];
  const auth = i.auth;
  const needsOther = auth.kind === 'tba' && auth.token === 'otherRecord';
  if (needsOther) {
    setup.push(
      { type: 'createRecord', account: OWNER, record: OTHER_RECORD, authentication: { userCredentials: true, tokenBased: true } },
      { type: 'createBundle', account: OWNER, bundle: 'Other bundle', records: [OTHER_RECORD] },
      { type: 'installBundle', account: RECEIVER, bundle: 'Other bundle' },
      { type: 'createAccessToken', account: RECEIVER, record: OTHER_RECORD, token: 'other token' },
    );
  }
  if (auth.kind === 'passport' && auth.credentials === 'otherAccountUser') setup.push({ type: 'addUser', account: OWNER, user: OUTSIDER, role: 'integrationFull' });
  if (i.state === 'enabled' || i.state === 'blocked' || i.state === 'removed') {
    setup.push(
      { type: 'createBundle', account: OWNER, bundle: 'App bundle', records: [RECORD] },
      { type: 'installBundle', account: RECEIVER, bundle: 'App bundle' },
    );
  } else if (i.state === 'waitingForApproval') {
    setup.push({ type: 'setPreference', account: RECEIVER, preference: 'requireApproval', value: true });
    setup.push(i.methods.tokenBased
      ? { type: 'issueToken', account: RECEIVER, record: RECORD, token: 'approval token' }
      : { type: 'request', request: { channel: 'soap', account: RECEIVER, endpoint: '2019.1', operation: 'get', auth: { kind: 'passport', user: 'administrator', password: 'valid', applicationId: { of: RECORD } } } });
  }
  if (auth.kind === 'session') {
    const account = auth.openedIn === 'thisAccount' ? RECEIVER : OWNER;
    const viaRecord = auth.names === 'record' && i.methods.userCredentials;
    setup.push({
      type: 'login', account, endpoint: viaRecord ? '2019.1' : '2015.1', operation: 'login', session: 'session 1',
      auth: { kind: 'passport', user: 'administrator', password: 'valid', ...(viaRecord ? { applicationId: { of: RECORD } } : {}) },
    });
  }
  if (i.methods.tokenBased) {
    if (held(i.state) || i.state === 'removed') setup.push({ type: 'createAccessToken', account: RECEIVER, record: RECORD, token: 'app token' });
    if (auth.kind === 'tba' && auth.token === 'otherAccount') setup.push({ type: 'createAccessToken', account: OWNER, record: RECORD, token: 'partner token' });
  }
  if (i.state === 'blocked') setup.push({ type: 'editRecord', account: RECEIVER, record: RECORD, changes: { state: 'blocked' } });
  if (i.state === 'removed') setup.push({ type: 'uninstallBundle', account: RECEIVER, bundle: 'App bundle' });
  if (auth.kind === 'tba' && auth.consumerKey === 'stale') setup.push({ type: 'regenerateCredentials', account: OWNER, record: RECORD });
  setup.push(
    { type: 'setPreference', account: RECEIVER, preference: 'requireApproval', value: i.requireApproval },
    { type: 'setPreference', account: RECEIVER, preference: 'tokenBasedAuthentication', value: i.tokenFeature },
    { type: 'setDefaultRecordState', account: RECEIVER, state: i.defaultRecord },
  );
  return { setup, request: requestFor(i) };
}

function authFor(i: DecisionInput): Auth {
  const auth = i.auth;
  switch (auth.kind) {
    case 'none':
      return { kind: 'none' };
    case 'session':
      return { kind: 'session', session: 'session 1' };
    case 'passport': {
      const applicationId = auth.applicationId === 'record' ? { of: RECORD } : auth.applicationId === 'unknown' ? { literal: UNKNOWN_ID } : undefined;
      return {
        kind: 'passport',
        user: auth.credentials === 'otherAccountUser' ? OUTSIDER : 'administrator',
        password: auth.credentials === 'wrongPassword' ? 'invalid' : 'valid',
        ...(applicationId ? { applicationId } : {}),
      };
    }
    case 'tba': {
      const handle = { issued: 'app token', otherAccount: 'partner token', otherRecord: 'other token', forged: undefined }[auth.token];
      return {
        kind: 'tba',
        consumerKey: auth.consumerKey === 'stale' ? { of: RECORD, stale: true } : { of: RECORD },
        token: handle === undefined ? { forged: true } : { handle },
        signature: auth.signature,
        ...(auth.applicationId ? { applicationId: { of: RECORD } } : {}),
      };
    }
  }
}

function requestFor(i: DecisionInput): Command {
  const auth = authFor(i);
  return {
    type: 'request',
    request: i.channel === 'soap'
      ? { channel: 'soap', account: RECEIVER, endpoint: i.endpoint, operation: i.operation, auth }
      : { channel: 'restlet', account: RECEIVER, method: 'GET', auth },
  };
}
