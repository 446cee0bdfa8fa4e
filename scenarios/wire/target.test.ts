import { describe, expect, it } from 'vitest';
import { targetFromEnv } from './target';

describe('HARNESS_TARGET', () => {
  it('is the model unless it says wire, and a typo names the allowed targets', () => {
    expect(targetFromEnv(undefined)).toBe('model');
    expect(targetFromEnv(' ')).toBe('model');
    expect(targetFromEnv('Wire')).toBe('wire');
    expect(() => targetFromEnv('http')).toThrow('HARNESS_TARGET: Invalid target "http": should be one of model, wire');
  });
});
