import type { EndpointVersion } from '../model';

/**
 * The three endpoint eras as the rules state them (AUTH-04, AUTH-05, AUTH-07), written from the
 * rule texts rather than taken from model/endpoints.ts, so the invariants and the decision table
 * give a second opinion on the model's eras too.
 */
export type Era = 'legacy' | 'applicationId' | 'tokenOnly';

/** 2015.1 and earlier, 2015.2 to 2020.1, 2020.2 and later. */
export function eraOf(endpoint: EndpointVersion): Era {
  const [year, release] = endpoint.split('.').map(Number);
  const n = year * 10 + release;
  return n <= 20151 ? 'legacy' : n <= 20201 ? 'applicationId' : 'tokenOnly';
}
