import fc from 'fast-check';
import { ENDPOINT_VERSIONS, endpointEra, LOGIN_OPERATIONS, RESTLET_METHODS, type AuthenticationMethods, type EndpointVersion, type LoginOperation, type RecordChanges, type RestletMethod, type Role, type SoapOperation } from '../../model';
import { CAST_ACCOUNTS, SANDBOXES } from '../cast';

/** The building blocks of intents: weighted choices, positions, the cast's accounts and roles, endpoints, methods, edits. */

/** fc.oneof over weighted arbitraries, shrinking across them. */
export function weighted<T>(...entries: readonly (readonly [number, fc.Arbitrary<T>])[]): fc.Arbitrary<T> {
  return fc.oneof({ withCrossShrink: true }, ...entries.map(([weight, arbitrary]) => ({ weight, arbitrary })));
}

/** A position: which of the existing records, tokens, sessions or bundles. Shrinks to the first. */
export const positionArb = fc.nat({ max: 1023 });

export const accountArb: fc.Arbitrary<string> = fc.oneof(...CAST_ACCOUNTS.map((a) => ({ weight: a.weight, arbitrary: fc.constant(a.name) })));
export const sandboxArb: fc.Arbitrary<string> = weighted(...SANDBOXES.map((s, i) => [i === 0 ? 6 : 1, fc.constant(s.name)] as const));

/** Mostly administrators; every other role now and then. */
export const roleArb: fc.Arbitrary<Role> = weighted<Role>(
  [7, fc.constant('administrator')],
  [1, fc.constant('integrationList')],
  [1, fc.constant('integrationFull')],
  [1, fc.constant('noIntegrationAccess')],
);

const inEra = (era: 'legacy' | 'applicationId' | 'tokenOnly') => fc.constantFrom(...ENDPOINT_VERSIONS.filter((v) => endpointEra(v) === era));

/** The whole range, each era well represented: 2015.1 and earlier, 2015.2 to 2020.1, 2020.2 and later. */
export const endpointArb: fc.Arbitrary<EndpointVersion> = weighted([2, inEra('legacy')], [4, inEra('applicationId')], [4, inEra('tokenOnly')]);
/** Integrations mostly call the endpoints their authentication works on, and sometimes not. */
export const userCredentialsEndpointArb: fc.Arbitrary<EndpointVersion> = weighted([2, inEra('legacy')], [6, inEra('applicationId')], [2, inEra('tokenOnly')]);
export const tokenEndpointArb: fc.Arbitrary<EndpointVersion> = weighted([1, inEra('legacy')], [3, inEra('applicationId')], [6, inEra('tokenOnly')]);
export const methodsArb: fc.Arbitrary<AuthenticationMethods> = weighted<AuthenticationMethods>(
  [5, fc.constant({ userCredentials: true, tokenBased: true })],
  [2, fc.constant({ userCredentials: true, tokenBased: false })],
  [2, fc.constant({ userCredentials: false, tokenBased: true })],
  [1, fc.constant({ userCredentials: false, tokenBased: false })],
);

export const soapOperationArb: fc.Arbitrary<SoapOperation> = weighted<SoapOperation>(
  [9, fc.constantFrom('get', 'search', 'add', 'update', 'delete', 'upsert')],
  [1, fc.constant('getDataCenterUrls')],
);
export const restletMethodArb: fc.Arbitrary<RestletMethod> = fc.constantFrom(...RESTLET_METHODS);
export const loginOperationArb: fc.Arbitrary<LoginOperation> = fc.constantFrom(...LOGIN_OPERATIONS);
const nameArb = fc.constantFrom('Order Sync v2', 'Renamed Integration', 'Nightly Import', 'Partner Connector');
const descriptionArb = fc.constantFrom('Syncs orders every night', 'Owned by the integration team', 'Pilot, do not use');
const noteArb = fc.constantFrom('paused for audit', 'approved by IT', 'contact the vendor first');

function absentOr<T>(presentWeight: number, arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return weighted<T | undefined>([10 - presentWeight, fc.constant(undefined)], [presentWeight, arb]);
}

/** Edits of every field, State and Note most often; fields only the owner may change, and fields nobody may. */
export const changesArb: fc.Arbitrary<RecordChanges> = fc
  .record({
    state: absentOr(5, weighted<'enabled' | 'blocked' | 'waitingForApproval'>(
      [5, fc.constant('enabled')], [5, fc.constant('blocked')], [1, fc.constant('waitingForApproval')],
    )),
    note: absentOr(4, noteArb),
    name: absentOr(3, nameArb),
    description: absentOr(2, descriptionArb),
    authentication: absentOr(2, methodsArb),
    applicationId: absentOr(1, fc.constant('00000000-0000-0000-0000-000000000001')),
    consumerKey: absentOr(1, fc.constant('0123456789abcdef')),
    consumerSecret: absentOr(1, fc.constant('fedcba9876543210')),
  })
  .map((c) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(c)) if (v !== undefined) out[k] = v;
    return (Object.keys(out).length === 0 ? { note: 'reviewed' } : out) as RecordChanges;
  });

/** Where an action on a record happens: the owner, an account holding it, or any account. */
export type Where = { readonly by: 'owner' } | { readonly by: 'holder'; readonly at: number } | { readonly by: 'account'; readonly account: string };
export const whereArb: fc.Arbitrary<Where> = weighted<Where>(
  [4, fc.constant({ by: 'owner' })],
  [4, positionArb.map((at) => ({ by: 'holder', at }))],
  [2, accountArb.map((account) => ({ by: 'account', account }))],
);
