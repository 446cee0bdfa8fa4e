import { describeInvalid, redactText, type Outcome } from '../model';

/** One line about an outcome for failure messages; confidential values redacted. */
export function describeOutcome(o: Outcome): string {
  switch (o.kind) {
    case 'accepted':
      return `accepted (${o.changes.join('; ') || o.command}; rules ${o.rules.join(', ') || 'none'})`;
    case 'refused':
      return redactText(`refused by ${o.rule} with ${o.fault.code}${o.fault.detail ? ` (${o.fault.detail})` : ''}: "${o.fault.message}"`);
    case 'invalid':
      return `malformed: ${redactText(describeInvalid(o))}`;
  }
}
