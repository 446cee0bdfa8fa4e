import { describe, expect, it } from 'vitest';
import { apply, applyAll, createWorld, type World } from '../model';
import { findByConsumerKey, findToken } from './directory';
import { SETUP } from './testing/world';

/** The directory's lookups: what a consumer key or token ID names, in the world as it is now. */

const world: World = applyAll(createWorld({ seed: 5 }), [...SETUP]).world;
const app = world.records.App;
const partnerApp = world.records.PartnerApp;

describe('findByConsumerKey and findToken', () => {
  it('a consumer key names its record, a token ID its token; anything else, empty or a near miss, names nothing', () => {
    expect(findByConsumerKey(world, app.consumerKey)).toEqual({ record: app, ref: { of: 'App' } });
    expect(findByConsumerKey(world, partnerApp.consumerKey)?.record.ref).toBe('PartnerApp');
    expect(findToken(world, world.tokens.T1.tokenId)).toBe(world.tokens.T1);
    expect(findToken(world, world.tokens.TSB.tokenId)).toBe(world.tokens.TSB);
    for (const miss of [undefined, '', app.consumerKey.toUpperCase(), `${app.consumerKey} `, world.tokens.T1.tokenId.slice(1)]) {
      expect(findByConsumerKey(world, miss), String(miss)).toBeUndefined();
      expect(findToken(world, miss), String(miss)).toBeUndefined();
    }
    // A consumer key is not a token ID, nor the other way round.
    expect(findToken(world, app.consumerKey)).toBeUndefined();
    expect(findByConsumerKey(world, world.tokens.T1.tokenId)).toBeUndefined();
  });

  it('after a regeneration, the new key names the record and the key before it names it as stale (REC-05); a world read before still answers as it was', () => {
    const after = apply(world, { type: 'regenerateCredentials', account: 'Acme', record: 'App' }).world;
    const regenerated = after.records.App;
    expect(regenerated.consumerKey).not.toBe(app.consumerKey);
    expect(findByConsumerKey(after, regenerated.consumerKey)).toEqual({ record: regenerated, ref: { of: 'App' } });
    expect(findByConsumerKey(after, app.consumerKey)).toEqual({ record: regenerated, ref: { of: 'App', stale: true } });
    // The earlier world's index is its own: the old key is still current there, the new one unknown.
    expect(findByConsumerKey(world, app.consumerKey)).toEqual({ record: app, ref: { of: 'App' } });
    expect(findByConsumerKey(world, regenerated.consumerKey)).toBeUndefined();
  });

  it('a token deleted by a sandbox refresh names nothing in the refreshed sandbox\'s world', () => {
    const after = apply(world, { type: 'refreshSandbox', account: 'Acme SB' }).world;
    expect(after.tokens.TSB).toBeUndefined();
    expect(findToken(after, world.tokens.TSB.tokenId)).toBeUndefined();
    expect(findToken(after, world.tokens.T1.tokenId)).toBe(after.tokens.T1);
  });

  it('answers for the world asked, whichever world was asked before: a token created later, and a token replaced by an accepted request', () => {
    const created = apply(world, { type: 'createAccessToken', account: 'Acme', record: 'App', token: 'T2' }).world;
    const t2 = created.tokens.T2.tokenId;
    for (let i = 0; i < 2; i++) {
      expect(findToken(created, t2)).toBe(created.tokens.T2);
      expect(findToken(world, t2)).toBeUndefined();
      expect(findToken(world, world.tokens.T1.tokenId)).toBe(world.tokens.T1);
    }
    // An accepted token-based request keeps its nonce in a new token object: that one is found.
    const now = 1_764_590_000;
    const request = { type: 'request', request: { channel: 'soap', account: 'Acme', endpoint: '2021.1', operation: 'get', receivedAt: now, auth: { kind: 'tba', consumerKey: { of: 'App' }, token: { handle: 'T1' }, signature: 'valid', nonce: 'n1', timestamp: now } } } as const;
    const { world: after, outcome } = apply(world, request);
    expect(outcome.kind).toBe('accepted');
    expect(after.tokens.T1).not.toBe(world.tokens.T1);
    expect(findToken(after, world.tokens.T1.tokenId)).toBe(after.tokens.T1);
    expect(findToken(world, world.tokens.T1.tokenId)).toBe(world.tokens.T1);
  });
});
