import { createWriteStream, type WriteStream } from 'node:fs';
import { redactText, type Outcome } from '../model';
import { DEFAULT_AUDIT_LIMIT, type AuditEntry, type WireContext, type WireRefusal } from './types';

/**
 * The traffic record: one entry per answered request, in memory for /__harness/audit and as
 * JSON lines in a file when asked. Messages pass through the model's redaction, so no
 * Application ID, secret or password reaches either.
 */

/** The ISO form of the last millisecond asked for: at thousands of requests a second, several share one. */
let lastMillis = Number.NaN;
let lastIso = '';

function isoTime(time: Date): string {
  const ms = time.getTime();
  if (ms !== lastMillis) {
    lastIso = time.toISOString();
    lastMillis = ms;
  }
  return lastIso;
}

export function auditEntry(seq: number, time: Date, context: WireContext, outcome: Outcome | undefined, refusal: WireRefusal | undefined): AuditEntry {
  // Built key by key rather than from spreads: one of these is made per request, and the keys
  // keep this order in the JSON.
  const entry = { seq, time: isoTime(time) } as { -readonly [K in keyof AuditEntry]: AuditEntry[K] };
  if (context.accountId !== undefined) entry.accountId = redactText(context.accountId);
  if (context.account !== undefined) entry.account = context.account;
  entry.channel = context.channel;
  if (context.endpoint !== undefined) entry.endpoint = context.endpoint;
  entry.operation = redactText(context.operation);
  entry.auth = context.auth;
  entry.verdict = 'accepted';
  if (outcome?.kind === 'accepted') {
    const t = outcome.trackedBy;
    if (t) entry.trackedBy = t.by === 'record' ? t.record : t.by;
  } else if (outcome?.kind === 'refused') {
    const f = outcome.fault;
    entry.verdict = 'refused';
    entry.rule = outcome.rule;
    entry.fault = f.detail ? { code: f.code, message: redactText(f.message), detail: f.detail } : { code: f.code, message: redactText(f.message) };
  } else if (outcome?.kind === 'invalid') {
    entry.verdict = 'invalid';
    entry.fault = { code: 'INVALID_REQUEST', message: redactText(`${outcome.at}: ${outcome.problem}`) };
  } else if (refusal) {
    entry.verdict = 'refused';
    entry.rule = refusal.rule;
    entry.fault = refusal.detail ? { code: refusal.code, message: redactText(refusal.message), detail: refusal.detail } : { code: refusal.code, message: redactText(refusal.message) };
  }
  return entry;
}

/** The line `npm run serve` prints for a refused request: account, operation, rule, fault. */
export function refusalLine(entry: AuditEntry): string | undefined {
  if (entry.verdict === 'accepted') return undefined;
  const detail = entry.fault?.detail ? ` (${entry.fault.detail})` : '';
  return `${entry.verdict} ${entry.accountId ?? '-'} ${entry.channel} ${entry.endpoint ? `${entry.endpoint} ` : ''}${entry.operation} ${entry.rule ?? '-'} ${entry.fault?.code ?? '-'}${detail}: ${entry.fault?.message ?? ''}`;
}

/**
 * The newest `limit` entries in a ring buffer (memory does not grow with the requests served),
 * and every entry in the file when there is one.
 */
export class AuditTrail {
  private readonly ring: (AuditEntry | undefined)[];
  /** Where the next entry goes. */
  private next = 0;
  private count = 0;
  private readonly file: WriteStream | undefined;

  constructor(path?: string, readonly limit: number = DEFAULT_AUDIT_LIMIT) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`audit limit: Invalid value ${limit}: should be an integer of at least 1`);
    this.ring = new Array<AuditEntry | undefined>(limit);
    this.file = path ? createWriteStream(path, { flags: 'a' }) : undefined;
  }

  /** The entries kept, oldest first. */
  get entries(): readonly AuditEntry[] {
    const out: AuditEntry[] = [];
    const first = this.count < this.limit ? 0 : this.next;
    for (let i = 0; i < this.count; i++) out.push(this.ring[(first + i) % this.limit] as AuditEntry);
    return out;
  }

  /** Entries kept (at most `limit`). */
  get size(): number {
    return this.count;
  }

  add(entry: AuditEntry): void {
    this.ring[this.next] = entry;
    this.next = (this.next + 1) % this.limit;
    if (this.count < this.limit) this.count++;
    this.file?.write(`${JSON.stringify(entry)}\n`);
  }

  clear(): void {
    this.ring.fill(undefined);
    this.next = 0;
    this.count = 0;
  }

  close(): Promise<void> {
    const file = this.file;
    if (!file) return Promise.resolve();
    return new Promise((resolve, reject) => file.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }
}
