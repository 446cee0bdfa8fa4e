/**
 * The time a report says it was generated: SOURCE_DATE_EPOCH (seconds since 1970, the
 * reproducible-builds convention) when set, so two runs on the same input give the same bytes;
 * the clock otherwise.
 */
export function reportTime(env: NodeJS.ProcessEnv = process.env, clock: () => Date = () => new Date()): Date {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === '') return clock();
  if (!/^\d+$/.test(raw)) {
    throw new SourceDateEpochError(`SOURCE_DATE_EPOCH: Invalid value "${raw}": should be a whole number of seconds since 1970-01-01 (e.g. $(git log -1 --format=%ct))`);
  }
  return new Date(Number(raw) * 1000);
}

export class SourceDateEpochError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceDateEpochError';
  }
}
