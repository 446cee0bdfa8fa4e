import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID_TEXT, redactText, SECRET_TEXT } from './redact';

/** redactText's shortcut (no run of 12 hex digits, nothing to redact) answers as the two replacements it skips. */

const reference = (text: string) => text.replace(SECRET_TEXT, 'X').replace(APPLICATION_ID_TEXT, 'X');

describe('redactText', () => {
  it('redacts a secret and an Application ID, grouped or bare, and leaves runs of 7 hex digits and plain words', () => {
    const secret = 'ab'.repeat(32);
    const text = `key ${secret}, app 8AB3C9D2-1F4E-4A6B-9C8D-7E6F5A4B3C2D or 8ab3c9d21f4e4a6b9c8d7e6f5a4b3c2d, account 1234567_SB1, user admin`;
    const out = redactText(text);
    expect(out.match(/\[redacted #[0-9a-f]{6}\]/g)).toHaveLength(3);
    expect(out).toContain('account 1234567_SB1, user admin');
    expect(out).not.toContain(secret);
    expect(redactText('account 1234567_SB1')).toBe('account 1234567_SB1');
  });

  it('changes text exactly where the two replacements would, for text made mostly of hex digits and dashes', () => {
    const char = fc.constantFrom(...'0123456789abcdefABCDEF-- _x'.split(''));
    const chunk = fc.oneof(fc.string({ unit: char, maxLength: 80 }), fc.constant('c'.repeat(64)), fc.constant('0123abcd-0123-4567-89ab-0123456789ab'));
    fc.assert(fc.property(fc.array(chunk, { maxLength: 5 }).map((parts) => parts.join(' ')), (text) => {
      const changed = redactText(text) !== text;
      expect(changed).toBe(reference(text) !== text);
      if (changed) expect(redactText(text).replace(/\[redacted #[0-9a-f]{6}\]/g, 'X')).toBe(reference(text));
    }), { seed: 42 });
  });
});
