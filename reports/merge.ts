import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { CHECK_STATUSES, type CoverageRecord, type CoverageSource, type RecordedTransition, type RuleEvidence } from '../io/recorder';
import { fieldPath } from '../model';

/**
 * Reading raw coverage (JSON lines written by io/recorder.ts, one file per process) from
 * one or several directories, validating every line, and merging them. Merging is a union per
 * check (scenario or property), independent of file order and of how the records were split
 * across files, so CI shards merged give the same result as one run.
 */

export class RawInputError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `raw coverage input is not usable (${problems.length} problem${problems.length === 1 ? '' : 's'}); nothing was written:\n` +
        problems.slice(0, 20).map((p) => `  ${p}`).join('\n') +
        (problems.length > 20 ? `\n  ... and ${problems.length - 20} more` : ''),
    );
    this.name = 'RawInputError';
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/** zod's message for a field, in the report's form: `Invalid value number 3: should be a string or null`. */
const should = (expected: string) => ({ error: (iss: { input?: unknown }) => `Invalid value ${describe(iss.input)}: should be ${expected}` });
const nonEmpty = z.string(should('a non-empty string')).min(1, should('a non-empty string'));

const TransitionSchema = z.object(
  { id: nonEmpty, from: nonEmpty, event: nonEmpty, guard: z.string(should('a string or null')).nullable(), to: nonEmpty, owner: z.boolean(should('true or false')) },
  should('an object {id, from, event, guard, to, owner}'),
);

/** One raw line: a CoverageRecord of format version 1. */
const CoverageRecordSchema = z.object(
  {
    v: z.literal(2, should('2 (the raw format this report reads; older raw files come from an earlier version: delete them, e.g. rm -r reports/out/raw)')),
    run: nonEmpty,
    source: z.enum(['scenario', 'property', 'explorer'], should('scenario, property, explorer')),
    name: nonEmpty,
    file: z.string(should('a string when present')).optional(),
    status: z.enum(CHECK_STATUSES, should(CHECK_STATUSES.join(', '))),
    transitions: z.array(TransitionSchema, should('an array')),
    paths: z.array(z.array(nonEmpty, should('an array of strings')), should('an array of arrays of transition ids')),
    rules: z.array(nonEmpty, should('an array of strings')),
    outcomes: z.record(z.string(), z.int(should('a whole number')).min(0, should('a whole number')), should('an object of counts')),
    evidence: z
      .record(
        z.string(),
        z.object(
          { by: z.array(nonEmpty, should('an array of invariant names')), reached: z.int(should('a whole number')).min(0, should('a whole number')), held: z.int(should('a whole number')).min(0, should('a whole number')) },
          should('an object {by, reached, held}'),
        ),
        should('an object of evidence per rule'),
      )
      .optional(),
  },
  should('an object (one CoverageRecord per line)'),
) satisfies z.ZodType<CoverageRecord>;

/** A shape error at a JSON path: `transitions[2].guard: Invalid value number 3: should be a string or null`. */
class ShapeError extends Error {}

/** Validates one parsed line against CoverageRecord; throws ShapeError naming the field. */
function parseRecord(value: unknown): CoverageRecord {
  const parsed = CoverageRecordSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ShapeError(`${issue.path.length > 0 ? fieldPath(issue.path) : 'record'}: ${issue.message}`);
  }
  const { file, ...rest } = parsed.data;
  return { ...rest, ...(file !== undefined ? { file } : {}) };
}

export interface RawRecord {
  readonly file: string;
  readonly line: number;
  readonly record: CoverageRecord;
}

/** Checks a record's transitions against the statechart's ids, when given. */
function crossCheck(record: CoverageRecord, known: ReadonlySet<string> | undefined): string | undefined {
  if (!known) return undefined;
  for (const [i, t] of record.transitions.entries()) {
    if (!known.has(t.id)) return `transitions[${i}].id: Invalid value ${describe(t.id)}: should be a transition of the statechart (raw file from another version of the model?)`;
  }
  for (const [i, p] of record.paths.entries()) {
    const j = p.findIndex((id) => !known.has(id));
    if (j >= 0) return `paths[${i}][${j}]: Invalid value ${describe(p[j])}: should be a transition of the statechart`;
  }
  return undefined;
}

/** Parses the text of one raw file; problems are collected as "file:line: what is wrong". */
export function parseRawText(text: string, file: string, known?: ReadonlySet<string>): { records: RawRecord[]; problems: string[] } {
  const records: RawRecord[] = [];
  const problems: string[] = [];
  const lines = text.split('\n');
  // A complete file ends with a newline; the empty string after it is not a line.
  if (lines[lines.length - 1] === '') lines.pop();
  const unterminated = !text.endsWith('\n') && text.length > 0;
  for (const [i, line] of lines.entries()) {
    const where = `${file}:${i + 1}`;
    if (line.trim() === '') {
      problems.push(`${where}: empty line: should be one JSON coverage record per line`);
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (e) {
      const last = unterminated && i === lines.length - 1 ? ' (the file ends without a newline: a writer was interrupted?)' : '';
      problems.push(`${where}: not valid JSON (${(e as Error).message}); the line looks truncated or corrupt${last}`);
      continue;
    }
    try {
      const record = parseRecord(parsed);
      const mismatch = crossCheck(record, known);
      if (mismatch) problems.push(`${where}: ${mismatch}`);
      else records.push({ file, line: i + 1, record });
    } catch (e) {
      if (!(e instanceof ShapeError)) throw e;
      problems.push(`${where}: ${e.message}`);
    }
  }
  return { records, problems };
}

/** The raw files of a directory, sorted; a missing directory is an error (a mistyped --raw). */
function rawFilesIn(dir: string): string[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new RawInputError([`${dir}: not a directory: --raw takes a directory of *.jsonl files`]);
    names = readdirSync(dir);
  } catch (e) {
    if (e instanceof RawInputError) throw e;
    throw new RawInputError([`${dir}: cannot read the raw directory (${(e as NodeJS.ErrnoException).code ?? String(e)})`]);
  }
  return names.filter((n) => n.endsWith('.jsonl')).sort().map((n) => join(dir, n));
}

interface ReadRawResult {
  readonly directories: readonly string[];
  readonly files: readonly string[];
  readonly records: readonly RawRecord[];
}

/** Reads and validates every raw file of the directories; throws RawInputError listing every problem. */
export function readRaw(directories: readonly string[], known?: ReadonlySet<string>): ReadRawResult {
  const files = directories.flatMap(rawFilesIn);
  const records: RawRecord[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const shown = relative(process.cwd(), file) || file;
    const parsed = parseRawText(readFileSync(file, 'utf8'), shown, known);
    records.push(...parsed.records);
    problems.push(...parsed.problems);
  }
  if (problems.length > 0) throw new RawInputError(problems);
  return { directories, files, records };
}

/** One scenario or property with everything its records (from any file, any shard) said. */
export interface MergedCheck {
  /** `source|file|name`: the identity records are merged by. */
  readonly key: string;
  readonly source: CoverageSource;
  readonly name: string;
  readonly file?: string;
  /** The run its records come from: the latest run that has this check. */
  readonly run: string;
  /** Of that run's records: failed if any failed; else undefined if any was; passed if any passed; otherwise skipped. */
  readonly status: CoverageRecord['status'];
  readonly transitions: readonly RecordedTransition[];
  readonly paths: readonly (readonly string[])[];
  readonly rules: readonly string[];
  readonly outcomes: Readonly<Record<string, number>>;
  /** Per rule, summed over the records (shards of one run add up). */
  readonly evidence: Readonly<Record<string, RuleEvidence>>;
  /** How many raw records were merged into this one. */
  readonly records: number;
}

/** One run found in the raw input. */
export interface RunSummary {
  readonly id: string;
  /** Records of this run. */
  readonly records: number;
  /** Checks whose latest run this is (merged into the report). */
  readonly latestFor: number;
  /** Checks a later run also has: this run's records of them are listed, not merged. */
  readonly superseded: number;
}

export interface MergedRaw {
  /** Records merged (those of each check's latest run). */
  readonly records: number;
  /** Records left out because a later run has the same check. */
  readonly supersededRecords: number;
  /** Every run in the input, newest first. */
  readonly runs: readonly RunSummary[];
  readonly checks: readonly MergedCheck[];
}

function checkKey(r: Pick<CoverageRecord, 'source' | 'name' | 'file'>): string {
  return `${r.source}|${r.file ?? ''}|${r.name}`;
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Merges records into one entry per check, from that check's latest run only: an ad-hoc rerun of
 * one scenario replaces its earlier result instead of mixing with it. Shards of one run (same
 * HARNESS_RUN_ID) merge as a union. Pure and order-independent.
 */
export function mergeRecords(all: readonly CoverageRecord[]): MergedRaw {
  const latest = new Map<string, string>();
  for (const r of all) {
    const key = checkKey(r);
    const seen = latest.get(key);
    if (seen === undefined || r.run > seen) latest.set(key, r.run);
  }
  const records = all.filter((r) => latest.get(checkKey(r)) === r.run);
  const runs = new Map<string, { records: number; latestFor: Set<string>; superseded: Set<string> }>();
  for (const r of all) {
    const run = runs.get(r.run) ?? { records: 0, latestFor: new Set<string>(), superseded: new Set<string>() };
    run.records++;
    const key = checkKey(r);
    (latest.get(key) === r.run ? run.latestFor : run.superseded).add(key);
    runs.set(r.run, run);
  }
  const runSummaries: RunSummary[] = [...runs.entries()]
    .sort(([a], [b]) => byString(b, a))
    .map(([id, r]) => ({ id, records: r.records, latestFor: r.latestFor.size, superseded: r.superseded.size }));
  interface Acc {
    source: CoverageSource;
    name: string;
    file?: string;
    run: string;
    statuses: Set<CoverageRecord['status']>;
    transitions: Map<string, RecordedTransition>;
    paths: Set<string>;
    rules: Set<string>;
    outcomes: Map<string, number>;
    evidence: Map<string, { by: Set<string>; reached: number; held: number }>;
    records: number;
  }
  const accs = new Map<string, Acc>();
  for (const r of records) {
    const key = checkKey(r);
    let acc = accs.get(key);
    if (!acc) {
      acc = {
        source: r.source, name: r.name, ...(r.file !== undefined ? { file: r.file } : {}), run: r.run,
        statuses: new Set(), transitions: new Map(), paths: new Set(), rules: new Set(), outcomes: new Map(), evidence: new Map(), records: 0,
      };
      accs.set(key, acc);
    }
    acc.records++;
    acc.statuses.add(r.status);
    for (const t of r.transitions) acc.transitions.set(`${t.id}|${t.owner}`, t);
    for (const p of r.paths) acc.paths.add(JSON.stringify(p));
    for (const id of r.rules) acc.rules.add(id);
    for (const [k, n] of Object.entries(r.outcomes)) acc.outcomes.set(k, (acc.outcomes.get(k) ?? 0) + n);
    for (const [rule, e] of Object.entries(r.evidence ?? {})) {
      const sum = acc.evidence.get(rule) ?? { by: new Set<string>(), reached: 0, held: 0 };
      for (const b of e.by) sum.by.add(b);
      sum.reached += e.reached;
      sum.held += e.held;
      acc.evidence.set(rule, sum);
    }
  }
  const checks: MergedCheck[] = [...accs.entries()]
    .sort(([a], [b]) => byString(a, b))
    .map(([key, a]) => ({
      key,
      source: a.source,
      name: a.name,
      ...(a.file !== undefined ? { file: a.file } : {}),
      run: a.run,
      status: a.statuses.has('failed') ? 'failed' : a.statuses.has('undefined') ? 'undefined' : a.statuses.has('passed') ? 'passed' : 'skipped',
      transitions: [...a.transitions.entries()].sort(([x], [y]) => byString(x, y)).map(([, t]) => t),
      paths: [...a.paths].sort(byString).map((p) => JSON.parse(p) as string[]),
      rules: [...a.rules].sort(byString),
      outcomes: Object.fromEntries([...a.outcomes.entries()].sort(([x], [y]) => byString(x, y))),
      evidence: Object.fromEntries([...a.evidence.entries()].sort(([x], [y]) => byString(x, y)).map(([rule, e]) => [rule, { by: [...e.by].sort(byString), reached: e.reached, held: e.held }])),
      records: a.records,
    }));
  return { records: records.length, supersededRecords: all.length - records.length, runs: runSummaries, checks };
}

/** Reads and merges raw coverage from the directories. */
export function mergeRawDirectories(directories: readonly string[], known?: ReadonlySet<string>): MergedRaw & { files: readonly string[] } {
  const raw = readRaw(directories, known);
  return { ...mergeRecords(raw.records.map((r) => r.record)), files: raw.files };
}
