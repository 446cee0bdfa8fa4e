import { describeInvalid, redactText, type Outcome, type World } from '../model';
import { credentials, findAccount, findByConsumerKey, freshHandle } from './directory';
import { parseAuthorization } from './headers';
import { errorAnswer, restletRefusalAnswer } from './restlet-codec';
import { wireRefusal } from './tba';
import type { Decoded, WireAnswer, WireContext } from './types';

/**
 * The Issue Token endpoint (TOKEN-01, FACT-14): GET or POST /rest/issuetoken?consumerKey=...
 * with an NLAuth header. It becomes the model's issueToken command, so Require Approval
 * decides the installation's State exactly as the model does (TOKEN-02); the answer carries
 * the new token's ID and secret (its JSON form is ASM-18).
 */

export interface IssueTokenRequest {
  readonly url: URL;
  readonly authorization: string | undefined;
  readonly baseUrl: string;
}

const TOKEN_PREFIX = 'issued-';

export function decodeIssueToken(world: World, req: IssueTokenRequest): Decoded {
  const header = parseAuthorization(req.authorization);
  const accountId = header.kind === 'nlauth' ? header.account : undefined;
  const base: WireContext = { channel: 'issueToken', operation: 'issuetoken', auth: header.kind === 'nlauth' ? 'nlauth' : 'none', baseUrl: req.baseUrl, ...(accountId !== undefined ? { accountId } : {}) };
  const found = header.kind === 'nlauth' ? findAccount(world, accountId) : undefined;
  if (header.kind !== 'nlauth' || !found) {
    const refusal = wireRefusal(header.kind !== 'nlauth' ? 'no NLAuth header' : 'unknown account');
    return { kind: 'answer', answer: restletRefusalAnswer(refusal), context: base, refusal };
  }
  const context: WireContext = { ...base, account: found.account.name };
  const record = findByConsumerKey(world, req.url.searchParams.get('consumerKey') ?? undefined);
  if (!record || record.ref.stale) {
    const refusal = wireRefusal('consumer_key_unknown');
    return { kind: 'answer', answer: restletRefusalAnswer(refusal), context, refusal };
  }
  const who = credentials(found.account, header.email, header.password);
  const token = freshHandle(world.tokens, TOKEN_PREFIX);
  return {
    kind: 'command',
    command: { type: 'issueToken', account: found.account.name, user: who.user, password: who.password, record: record.record.ref, token },
    context: { ...context, token },
  };
}

/** The world after the command holds the token: its ID and secret go to the caller, and nowhere else. */
export function encodeIssueToken(outcome: Outcome, context: WireContext, world: World): WireAnswer {
  if (outcome.kind === 'accepted' && context.token !== undefined) {
    const token = world.tokens[context.token];
    return { status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify({ token: token.tokenId, tokenSecret: token.tokenSecret }) };
  }
  if (outcome.kind === 'refused') return errorAnswer(401, outcome.fault.code, outcome.fault.message);
  return errorAnswer(400, 'INVALID_REQUEST', outcome.kind === 'invalid' ? redactText(describeInvalid(outcome)) : 'No token was issued.');
}
