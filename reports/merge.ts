import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CoverageRecord, CoverageSource, RecordedTransition } from '../io/recorder';

/**
 * Reading raw coverage (JSON lines written by reports/recorder.ts, one file per process) from
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

const SOURCES: readonly CoverageSource[] = ['scenario', 'property', 'explorer'];
const STATUSES: readonly CoverageRecord['status'][] = ['passed', 'failed', 'skipped'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/** A shape error at a JSON path: `transitions[2].guard: Invalid value number 3: should be a string or null`. */
class ShapeError extends Error {}

function fail(at: string, value: unknown, expected: string): never {
  throw new ShapeError(`${at}: Invalid value ${describe(value)}: should be ${expected}`);
}

function isObject(value: unknown): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(obj: { [key: string]: Json }, key: string, at: string): string {
  const v = obj[key];
  if (typeof v !== 'string' || v.length === 0) fail(`${at}${key}`, v, 'a non-empty string');
  return v;
}

function strArray(value: unknown, at: string): string[] {
  if (!Array.isArray(value)) fail(at, value, 'an array of strings');
  return value.map((v, i) => (typeof v === 'string' && v.length > 0 ? v : fail(`${at}[${i}]`, v, 'a non-empty string')));
}

function parseTransition(value: unknown, at: string): RecordedTransition {
  if (!isObject(value)) fail(at, value, 'an object {id, from, event, guard, to, owner}');
  const guard = value.guard;
  if (guard !== null && typeof guard !== 'string') fail(`${at}.guard`, guard, 'a string or null');
  if (typeof value.owner !== 'boolean') fail(`${at}.owner`, value.owner, 'true or false');
  return {
    id: str(value, 'id', `${at}.`),
    from: str(value, 'from', `${at}.`),
    event: str(value, 'event', `${at}.`),
    guard,
    to: str(value, 'to', `${at}.`),
    owner: value.owner,
  };
}

/** Validates one parsed line against CoverageRecord; throws ShapeError naming the field. */
export function parseRecord(value: unknown): CoverageRecord {
  if (!isObject(value)) fail('record', value, 'an object (one CoverageRecord per line)');
  if (value.v !== 1) fail('v', value.v, '1 (the only raw format version this report reads)');
  const source = value.source;
  if (typeof source !== 'string' || !(SOURCES as readonly string[]).includes(source)) fail('source', source, SOURCES.join(', '));
  const status = value.status;
  if (typeof status !== 'string' || !(STATUSES as readonly string[]).includes(status)) fail('status', status, STATUSES.join(', '));
  const file = value.file;
  if (file !== undefined && typeof file !== 'string') fail('file', file, 'a string when present');
  if (!Array.isArray(value.transitions)) fail('transitions', value.transitions, 'an array');
  const transitions = value.transitions.map((t, i) => parseTransition(t, `transitions[${i}]`));
  if (!Array.isArray(value.paths)) fail('paths', value.paths, 'an array of arrays of transition ids');
  const paths = value.paths.map((p, i) => strArray(p, `paths[${i}]`));
  const rules = strArray(value.rules, 'rules');
  const outcomes = value.outcomes;
  if (!isObject(outcomes)) fail('outcomes', outcomes, 'an object of counts');
  for (const [k, n] of Object.entries(outcomes)) {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) fail(`outcomes.${k}`, n, 'a whole number');
  }
  return {
    v: 1,
    source: source as CoverageSource,
    name: str(value, 'name', ''),
    ...(file !== undefined ? { file } : {}),
    status: status as CoverageRecord['status'],
    transitions,
    paths,
    rules,
    outcomes: outcomes as Record<string, number>,
  };
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
export function rawFilesIn(dir: string): string[] {
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

export interface ReadRawResult {
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
  /** failed if any record failed; passed if any passed; otherwise skipped. */
  readonly status: CoverageRecord['status'];
  readonly transitions: readonly RecordedTransition[];
  readonly paths: readonly (readonly string[])[];
  readonly rules: readonly string[];
  readonly outcomes: Readonly<Record<string, number>>;
  /** How many raw records were merged into this one. */
  readonly records: number;
}

export interface MergedRaw {
  readonly records: number;
  readonly checks: readonly MergedCheck[];
}

export function checkKey(r: Pick<CoverageRecord, 'source' | 'name' | 'file'>): string {
  return `${r.source}|${r.file ?? ''}|${r.name}`;
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Merges records into one entry per check. Pure and order-independent. */
export function mergeRecords(records: readonly CoverageRecord[]): MergedRaw {
  interface Acc {
    source: CoverageSource;
    name: string;
    file?: string;
    statuses: Set<CoverageRecord['status']>;
    transitions: Map<string, RecordedTransition>;
    paths: Set<string>;
    rules: Set<string>;
    outcomes: Map<string, number>;
    records: number;
  }
  const accs = new Map<string, Acc>();
  for (const r of records) {
    const key = checkKey(r);
    let acc = accs.get(key);
    if (!acc) {
      acc = {
        source: r.source, name: r.name, ...(r.file !== undefined ? { file: r.file } : {}),
        statuses: new Set(), transitions: new Map(), paths: new Set(), rules: new Set(), outcomes: new Map(), records: 0,
      };
      accs.set(key, acc);
    }
    acc.records++;
    acc.statuses.add(r.status);
    for (const t of r.transitions) acc.transitions.set(`${t.id}|${t.owner}`, t);
    for (const p of r.paths) acc.paths.add(JSON.stringify(p));
    for (const id of r.rules) acc.rules.add(id);
    for (const [k, n] of Object.entries(r.outcomes)) acc.outcomes.set(k, (acc.outcomes.get(k) ?? 0) + n);
  }
  const checks: MergedCheck[] = [...accs.entries()]
    .sort(([a], [b]) => byString(a, b))
    .map(([key, a]) => ({
      key,
      source: a.source,
      name: a.name,
      ...(a.file !== undefined ? { file: a.file } : {}),
      status: a.statuses.has('failed') ? 'failed' : a.statuses.has('passed') ? 'passed' : 'skipped',
      transitions: [...a.transitions.entries()].sort(([x], [y]) => byString(x, y)).map(([, t]) => t),
      paths: [...a.paths].sort(byString).map((p) => JSON.parse(p) as string[]),
      rules: [...a.rules].sort(byString),
      outcomes: Object.fromEntries([...a.outcomes.entries()].sort(([x], [y]) => byString(x, y))),
      records: a.records,
    }));
  return { records: records.length, checks };
}

/** Reads and merges raw coverage from the directories. */
export function mergeRawDirectories(directories: readonly string[], known?: ReadonlySet<string>): MergedRaw & { files: readonly string[] } {
  const raw = readRaw(directories, known);
  return { ...mergeRecords(raw.records.map((r) => r.record)), files: raw.files };
}
