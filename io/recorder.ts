import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { redactText, type InstallationStep, type Outcome } from '../model';

/**
 * Coverage recording. Every scenario and property observes the outcomes it produced and the
 * rules it checked; `finish` appends one JSON line to a file of its own process under
 * reports/out/raw/ (or HARNESS_RAW_DIR), so parallel workers never share a file.
 */

export type CoverageSource = 'scenario' | 'property' | 'explorer';

/** Runs started in this process (cucumber's coordinator, vitest's main process) pass their ID on. */
currentRunId();

export interface RecordedTransition {
  /** Transition id as the statechart table names it, e.g. "absent --CREATE--> enabled". */
  readonly id: string;
  readonly from: string;
  readonly event: string;
  readonly guard: string | null;
  readonly to: string;
  /** Whether the installation's account owned the record. */
  readonly owner: boolean;
}

/** How a check ended; 'undefined' is a scenario with an undefined or pending step. */
export type CheckStatus = 'passed' | 'failed' | 'skipped' | 'undefined';
export const CHECK_STATUSES: readonly CheckStatus[] = ['passed', 'failed', 'skipped', 'undefined'];

export interface CoverageRecord {
  readonly v: 2;
  /** The run that wrote it (HARNESS_RUN_ID): the report reads the latest run of each check. */
  readonly run: string;
  readonly source: CoverageSource;
  /** Scenario name (with feature file) or property name. */
  readonly name: string;
  readonly file?: string;
  readonly status: CheckStatus;
  /** Distinct transitions taken. */
  readonly transitions: readonly RecordedTransition[];
  /** Distinct per-installation paths from 'absent', as lists of transition ids. */
  readonly paths: readonly (readonly string[])[];
  /** Rule (and ASM/FACT) IDs this check asserts: scenario tags, property names. */
  readonly rules: readonly string[];
  /** Outcome kinds and refusing rules seen, counted. */
  readonly outcomes: Readonly<Record<string, number>>;
  /**
   * Per rule: the invariants that check it, the steps that reached its interesting case and how
   * many of those held (properties and the explorer; see properties/evidence.ts).
   */
  readonly evidence?: Readonly<Record<string, RuleEvidence>>;
}

export interface RuleEvidence {
  readonly by: readonly string[];
  readonly reached: number;
  readonly held: number;
}

/** Where raw coverage goes unless HARNESS_RAW_DIR says otherwise; the report reads it by default. */
export const DEFAULT_RAW_DIR = join('reports', 'out', 'raw');

export function rawDir(): string {
  return process.env.HARNESS_RAW_DIR ?? DEFAULT_RAW_DIR;
}

/**
 * The run this process belongs to: HARNESS_RUN_ID when set (npm start and CI shards set one for
 * all their processes); otherwise a new sortable ID (UTC time, then random), put into the
 * environment so the processes this one starts (cucumber's parallel workers) share it.
 */
export function currentRunId(env: NodeJS.ProcessEnv = process.env): string {
  env.HARNESS_RUN_ID ||= newRunId();
  return env.HARNESS_RUN_ID;
}

export function newRunId(now = new Date()): string {
  return `${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${randomBytes(3).toString('hex')}`;
}

/** One file per process and directory (a test may record into several directories). */
const processFiles = new Map<string, string>();
function fileOfThisProcess(dir: string): string {
  let file = processFiles.get(dir);
  if (!file) {
    file = join(dir, `${process.pid}-${randomBytes(4).toString('hex')}.jsonl`);
    processFiles.set(dir, file);
  }
  return file;
}

export class CoverageRecorder {
  private readonly transitions = new Map<string, RecordedTransition>();
  private readonly paths = new Map<string, string[]>();
  private readonly finished = new Set<string>();
  private readonly outcomeCounts: Record<string, number> = {};
  private readonly rules = new Set<string>();

  constructor(readonly source: CoverageSource, readonly name: string, readonly file?: string) {}

  private ruleEvidence: Readonly<Record<string, RuleEvidence>> | undefined;

  /** Attaches the evidence this check gathered (per rule: reached, held, by which invariants). */
  withEvidence(evidence: Readonly<Record<string, RuleEvidence>>): void {
    this.ruleEvidence = evidence;
  }

  /** Declares rule IDs this check asserts (tags of a scenario, IDs in a property's name). */
  checks(rules: Iterable<string>): void {
    for (const r of rules) this.rules.add(r);
  }

  /** Notes one outcome of the world; `run` separates independent runs (a property's runs). */
  observe(outcome: Outcome, run = 0): void {
    const key = outcome.kind === 'refused' ? `refused:${outcome.rule}` : outcome.kind;
    this.outcomeCounts[key] = (this.outcomeCounts[key] ?? 0) + 1;
    if (outcome.kind === 'invalid') return;
    for (const step of outcome.transitions) this.step(step, run);
  }

  private step(step: InstallationStep, run: number): void {
    this.transitions.set(step.transition + (step.owner ? '|owner' : '|installed'), {
      id: step.transition, from: step.from, event: step.event, guard: step.guard ?? null, to: step.to, owner: step.owner,
    });
    const key = `${run}|${step.account}|${step.record}`;
    const path = this.paths.get(key) ?? [];
    path.push(step.transition);
    this.paths.set(key, path);
  }

  /** Ends a run: its paths are kept, distinct. */
  endRun(run = 0): void {
    for (const [key, path] of this.paths) {
      if (key.startsWith(`${run}|`)) {
        this.finished.add(JSON.stringify(path));
        this.paths.delete(key);
      }
    }
  }

  toRecord(status: CoverageRecord['status']): CoverageRecord {
    for (const path of this.paths.values()) this.finished.add(JSON.stringify(path));
    this.paths.clear();
    // Names may carry generated values (a property's counterexample): never written in clear (AUTH-08).
    return {
      v: 2,
      run: currentRunId(),
      source: this.source,
      name: redactText(this.name),
      ...(this.file ? { file: redactText(this.file) } : {}),
      status,
      transitions: [...this.transitions.values()],
      paths: [...this.finished].sort().map((p) => JSON.parse(p) as string[]),
      rules: [...this.rules].sort(),
      outcomes: this.outcomeCounts,
      ...(this.ruleEvidence ? { evidence: this.ruleEvidence } : {}),
    };
  }

  /** Appends the record as one line to this process's raw file. */
  finish(status: CoverageRecord['status'], dir = rawDir()): CoverageRecord {
    const record = this.toRecord(status);
    mkdirSync(dir, { recursive: true });
    appendFileSync(fileOfThisProcess(dir), `${JSON.stringify(record)}\n`);
    return record;
  }
}
