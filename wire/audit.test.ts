import { describe, expect, it } from 'vitest';
import { AuditTrail } from './audit';
import type { AuditEntry } from './types';

const entry = (seq: number): AuditEntry => ({ seq, time: '2026-01-01T00:00:00.000Z', channel: 'soap', operation: 'get', auth: 'tba', verdict: 'accepted' });

describe('the in-memory audit trail', () => {
  it('keeps the newest `limit` entries, oldest first, however many were added', () => {
    const trail = new AuditTrail(undefined, 3);
    for (let i = 1; i <= 2; i++) trail.add(entry(i));
    expect(trail.entries.map((e) => e.seq)).toEqual([1, 2]);
    for (let i = 3; i <= 10; i++) trail.add(entry(i));
    expect(trail.entries.map((e) => e.seq)).toEqual([8, 9, 10]);
    expect(trail.size).toBe(3);
    trail.clear();
    expect(trail.entries).toEqual([]);
    trail.add(entry(11));
    expect(trail.entries.map((e) => e.seq)).toEqual([11]);
  });

  it('a limit below 1 is an error naming the value', () => {
    expect(() => new AuditTrail(undefined, 0)).toThrow('audit limit: Invalid value 0: should be an integer of at least 1');
  });
});
