import type { CheckSummary } from './coverage-data';

/**
 * Short references for the checks of a report (`S12` for a scenario, `P1` for a property), so
 * the long tables name a check in a few characters and link to its one full row in the Checks
 * list, and display names without what is said elsewhere: a check's name as coverage.json's
 * `coveredBy` lists it ends with its file, and a property's name carries every ID it checks.
 * Render-only: nothing here changes the data.
 */

export interface CheckRef {
  /** `S12`, `P1`, `E3` (explorer): the source's initial and the check's position among its source's checks. */
  readonly ref: string;
  /** HTML id of the check's row in the Checks list (the reference itself). */
  readonly anchor: string;
  /** The name without its file and without a list of IDs. */
  readonly short: string;
  readonly check: CheckSummary;
}

/** Trailing ` (features/x.feature)` or ` (properties/y.test.ts)`. */
const FILE_SUFFIX = / \([^()\s]+\.(?:feature|ts|js)\)$/;
/** A parenthesised list of rule, ASM or FACT IDs: `(AUTH-03 AUTH-04 ASM-09)`. */
const ID_LIST = /\s*\((?:[A-Z]+-\d+[ ,]*)+\)/g;

/** `random command sequences keep every invariant (AUTH-03 ...) (properties/world.property.test.ts)` -> `random command sequences keep every invariant`. */
export function shortName(name: string): string {
  const short = name.replace(FILE_SUFFIX, '').replace(ID_LIST, '').trim();
  return short === '' ? name : short;
}

/** `STATE-01 STATE-02 no request is accepted for a Blocked record` -> `no request is accepted for a Blocked record`: an invariant's name without the IDs it leads with. */
export function withoutLeadingIds(name: string): string {
  const short = name.replace(/^(?:[A-Z]+-\d+[ ,]+)+/, '').trim();
  return short === '' ? name : short;
}

/** The name coverage.json's `coveredBy` lists a check under. */
export function coveredByName(c: Pick<CheckSummary, 'name' | 'file'>): string {
  return c.file ? `${c.name} (${c.file})` : c.name;
}

export class CheckRefs {
  private readonly byName = new Map<string, CheckRef>();
  readonly all: readonly CheckRef[];

  constructor(checks: readonly CheckSummary[]) {
    const counters = new Map<string, number>();
    this.all = checks.map((check) => {
      const initial = (check.source[0] ?? 'C').toUpperCase();
      const n = (counters.get(initial) ?? 0) + 1;
      counters.set(initial, n);
      const ref = `${initial}${n}`;
      return { ref, anchor: ref, short: shortName(check.name), check };
    });
    for (const r of this.all) {
      this.byName.set(coveredByName(r.check), r);
      if (!this.byName.has(r.check.name)) this.byName.set(r.check.name, r);
    }
  }

  /** The check a `coveredBy` entry names; undefined for names no check of the report has (explorer configurations). */
  find(name: string): CheckRef | undefined {
    return this.byName.get(name);
  }
}
