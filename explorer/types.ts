import type { Command, DeliberateFault, Outcome, StepperKind, World } from '../model';
import type { ExplorerConfig } from './config';

/** What an exploration takes and gives back, shared by both engines and their callers. */

/** One step, as the invariants see it. */
export interface Step {
  readonly before: World;
  readonly command: Command;
  readonly after: World;
  readonly outcome: Outcome;
}

/** Returns a violation for a bad step, or undefined. */
export type Check<V> = (step: Step) => V | undefined;

export interface Progress {
  readonly states: number;
  readonly queued: number;
  readonly transitions: number;
  readonly depth: number;
  readonly elapsedMs: number;
}

export interface ExploreOptions<V> {
  readonly config: ExplorerConfig;
  readonly faults?: readonly DeliberateFault[];
  readonly stepper?: StepperKind;
  readonly seed?: number;
  readonly check?: Check<V>;
  readonly onProgress?: (p: Progress) => void;
  /** Polled between batches; true stops the search with what was explored (Ctrl-C). */
  readonly shouldStop?: () => boolean;
  /** Caps the number of distinct states (for benchmarks); undefined means no cap. */
  readonly maxStates?: number;
  /**
   * 'cached' (the default) learns each command's answer from the model once per footprint and
   * replays it on rows of components; 'direct' applies the model to every world and keys it.
   * Both give the same states, transitions and first violation (tested).
   */
  readonly engine?: 'cached' | 'direct';
  /** With the cached engine: also ask the model on every replayed step and fail on any disagreement. */
  readonly validate?: boolean;
}

interface CacheFigures {
  /** Steps the model was asked (cache misses). */
  readonly learned: number;
  /** Lookups answered from the cache (one per run of similar commands per state). */
  readonly replayed: number;
  /** 32-bit words a state takes, packed. */
  readonly words: number;
}

export interface ExploreResult<V> {
  readonly states: number;
  /** Commands applied that the world answered (accepted or refused), over all expanded states. */
  readonly transitions: number;
  /** The greatest number of commands from the setup to a state found. */
  readonly depth: number;
  readonly stoppedBy: 'fixpoint' | 'depth' | 'interrupted' | 'violation' | 'maxStates';
  readonly elapsedMs: number;
  /** Statechart transitions taken, with how many times. */
  readonly lifecycleTransitions: ReadonlyMap<string, number>;
  readonly setup: readonly Command[];
  readonly violation?: { readonly violation: V; readonly path: readonly Command[]; readonly outcome: Outcome };
  /** The cached engine's figures. */
  readonly cache?: CacheFigures;
}
