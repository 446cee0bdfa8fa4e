import type { RuleId } from './rules';

/**
 * Deliberate faults: test-only switches that break one rule each, so the properties,
 * scenarios and explorer can show that they catch it. All off unless a test turns one on.
 */
export const DELIBERATE_FAULTS = {
  'AUTH-03': 'accept a token-based request that carries an Application ID',
  'STATE-01': 'accept requests for a Blocked record',
  'AUTH-07': 'accept Passport (request-level credentials) on 2020.2 and later',
  'OWN-03': 'let an installing account edit the Name and Description',
  'SBX-02': 'keep sandbox-only records through a refresh',
} as const satisfies Partial<Record<RuleId, string>>;

export type DeliberateFault = keyof typeof DELIBERATE_FAULTS;
export const DELIBERATE_FAULT_IDS = Object.keys(DELIBERATE_FAULTS) as DeliberateFault[];

export function isDeliberateFault(value: string): value is DeliberateFault {
  return Object.prototype.hasOwnProperty.call(DELIBERATE_FAULTS, value);
}

/** Reads HARNESS_FAULT (comma-separated rule IDs) at the edges; the model never reads the environment. */
export function faultsFromEnv(value: string | undefined): DeliberateFault[] {
  if (!value) return [];
  const out: DeliberateFault[] = [];
  for (const raw of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (!isDeliberateFault(raw)) {
      throw new Error(`HARNESS_FAULT: Invalid fault "${raw}": should be one of ${DELIBERATE_FAULT_IDS.join(', ')}`);
    }
    out.push(raw);
  }
  return out;
}
