import fc from 'fast-check';
import { ENDPOINT_VERSIONS, type AuthenticationMethods, type EndpointVersion } from '../../model';
import { weighted } from '../arbitraries';
import { eraOf, type Era } from '../eras';
import type { AuthCase, DecisionInput, RecordState } from './table';

/** Random abstract inputs of the decision table, weighted towards the cases the rules distinguish. */

const authCaseArb: fc.Arbitrary<AuthCase> = weighted<AuthCase>(
  [1, fc.constant({ kind: 'none' })],
  [4, fc.record({
    kind: fc.constant('passport' as const),
    credentials: weighted<'valid' | 'wrongPassword' | 'otherAccountUser'>([6, fc.constant('valid')], [1, fc.constant('wrongPassword')], [1, fc.constant('otherAccountUser')]),
    applicationId: weighted<'none' | 'record' | 'unknown'>([2, fc.constant('none')], [5, fc.constant('record')], [1, fc.constant('unknown')]),
  })],
  [5, fc.record({
    kind: fc.constant('tba' as const),
    applicationId: weighted([5, fc.constant(false)], [1, fc.constant(true)]),
    consumerKey: weighted<'current' | 'stale'>([8, fc.constant('current')], [1, fc.constant('stale')]),
    token: weighted<'issued' | 'otherAccount' | 'otherRecord' | 'forged'>([6, fc.constant('issued')], [1, fc.constant('otherAccount')], [1, fc.constant('otherRecord')], [1, fc.constant('forged')]),
    signature: weighted<'valid' | 'invalid'>([5, fc.constant('valid')], [1, fc.constant('invalid')]),
  })],
  [2, fc.record({
    kind: fc.constant('session' as const),
    names: fc.constantFrom<'record' | 'default'>('record', 'default'),
    openedIn: weighted<'thisAccount' | 'otherAccount'>([5, fc.constant('thisAccount')], [1, fc.constant('otherAccount')]),
  })],
);

const inEra = (era: Era) => fc.constantFrom(...ENDPOINT_VERSIONS.filter((v) => eraOf(v) === era));
/** Every endpoint, weighted towards the era the authentication is meant for, and sometimes not. */
function endpointFor(auth: AuthCase): fc.Arbitrary<EndpointVersion> {
  const [legacy, applicationId, tokenOnly] = auth.kind === 'tba' ? [1, 3, 6] : auth.kind === 'none' ? [1, 1, 1] : [2, 6, 2];
  return weighted([legacy, inEra('legacy')], [applicationId, inEra('applicationId')], [tokenOnly, inEra('tokenOnly')]);
}

export const decisionInputArb: fc.Arbitrary<DecisionInput> = authCaseArb
  .chain((auth) => fc.record({
    channel: weighted<'soap' | 'restlet'>([4, fc.constant('soap')], [1, fc.constant('restlet')]),
    endpoint: endpointFor(auth),
    operation: weighted<'get' | 'getDataCenterUrls'>([9, fc.constant('get')], [1, fc.constant('getDataCenterUrls')]),
    auth: fc.constant(auth),
    methods: weighted<AuthenticationMethods>(
      [3, fc.constant({ userCredentials: true, tokenBased: true })],
      [1, fc.constant({ userCredentials: true, tokenBased: false })],
      [1, fc.constant({ userCredentials: false, tokenBased: true })],
    ),
    state: fc.constantFrom<RecordState>('enabled', 'absent', 'blocked', 'waitingForApproval', 'removed'),
    requireApproval: fc.boolean(),
    tokenFeature: weighted([5, fc.constant(true)], [1, fc.constant(false)]),
    defaultRecord: weighted<'enabled' | 'blocked'>([3, fc.constant('enabled')], [1, fc.constant('blocked')]),
  }))
  .map((i): DecisionInput => {
    if (i.auth.kind !== 'session') return i;
    // A session is SOAP, and is opened by a login that must succeed: through the record, the account holds it Enabled then.
    const names = i.auth.names === 'record' && !i.methods.userCredentials ? 'default' : i.auth.names;
    const state = names === 'record' && (i.state === 'absent' || i.state === 'waitingForApproval') ? 'enabled' : i.state;
    return { ...i, channel: 'soap', state, auth: { ...i.auth, names } };
  });
