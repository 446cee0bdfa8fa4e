import fc from 'fast-check';
import type { CoverageRecorder } from '../io/recorder';
import type { Command, Expectation, Outcome, World } from '../model';
import { disagreement, worldDifference } from '../scenarios/wire/compare';
import { WireClient } from '../scenarios/wire/client';
import { DEFAULT_MIX, type FreshNames, type Intent, intentArb } from './arbitraries';
import { propertyFailure, type PropertyFailure } from './counterexample';
import type { Violation } from './invariants';
import type { PropertySettings } from './settings';
import { Sim } from './sim';

/**
 * The wire agrees with the model: generated command sequences (the world property's intents)
 * are applied to a local world and sent to a simulator, set-up commands through its
 * administration API, requests, logins and Issue Token calls through real client code
 * (scenarios/wire/client.ts). After every command the wire's answer must say what the model's
 * outcome says (scenarios/wire/compare.ts) and the simulator's world must equal the local one.
 * A failure shrinks like the world property's and prints the same three forms.
 */

export const WIRE_INVARIANT = 'the wire agrees with the model';

/** The simulator's clock in these runs (Unix seconds): every request arrives then. */
export const WIRE_CLOCK = 1_767_225_600;

/** Thrown inside the run when the wire and the model disagree; carries the commands that led there. */
export class WireDisagreement extends Error {
  constructor(readonly violation: Violation, readonly commands: readonly Command[]) {
    super(`${violation.invariant}: ${violation.message}`);
    this.name = 'WireDisagreement';
  }
}

/** The wire side of a run: the client, and the commands sent so far as the intents made them. */
export class WireReal {
  readonly trace: Command[] = [];
  unsayable = 0;
  nonces = 0;
  constructor(readonly client: WireClient, readonly listener?: (outcome: Outcome, command: Command) => void, readonly ignoreFaults = false) {}
}

/**
 * The command as the client sends it: a token-based request gets the nonce and timestamp a
 * client puts in every one, and arrives at the simulator's time, so the local world keeps the
 * same nonces as the simulator's (FACT-11, ASM-17).
 */
function asSent(command: Command, real: WireReal): Command {
  if (command.type !== 'request' || command.request.auth.kind !== 'tba') return command;
  const auth = { ...command.request.auth, nonce: `nonce-${++real.nonces}`, timestamp: WIRE_CLOCK };
  return { ...command, request: { ...command.request, auth, receivedAt: WIRE_CLOCK } };
}

function expectationOf(outcome: Outcome): Expectation[] {
  if (outcome.kind === 'accepted') return [{ type: 'outcome', kind: 'accepted' }];
  if (outcome.kind === 'refused') return [{ type: 'outcome', kind: 'refused', rule: outcome.rule }];
  return [];
}

/** One generated step: resolved against the local world in `check`, sent and compared in `run`. */
export class WireStep implements fc.AsyncCommand<Sim, WireReal> {
  private pending: readonly Command[] | undefined;

  constructor(readonly intent: Intent) {}

  check(model: Readonly<Sim>): boolean {
    this.pending = this.intent.resolve(model.world, model as FreshNames);
    return this.pending !== undefined;
  }

  async run(model: Sim, real: WireReal): Promise<void> {
    const commands = this.pending ?? this.intent.resolve(model.world, model) ?? [];
    this.pending = undefined;
    for (const command of commands) await step(model, real, command);
  }

  toString(): string {
    return this.intent.label;
  }
}

async function step(model: Sim, real: WireReal, command: Command): Promise<void> {
  const before: World = model.world;
  const sent = asSent(command, real);
  const outcome = model.apply(sent);
  const after = model.world;
  real.listener?.(outcome, sent);
  const fail = (message: string): never => {
    throw new WireDisagreement({ invariant: WIRE_INVARIANT, rules: ['FACT-13', 'ASM-18'], message, expectations: expectationOf(outcome) }, [...real.trace, command]);
  };
  const answer = await real.client.send(before, sent);
  if (answer.via === 'none') {
    real.unsayable++;
    if (after !== before) fail(`the wire cannot say this command (${answer.reason}), but the model changed the world with it`);
  } else {
    const wrong = disagreement(before, sent, outcome, after, answer);
    if (wrong) fail(wrong);
  }
  if (outcome.kind !== 'invalid') real.trace.push(command);
  const difference = worldDifference(await real.client.world(), after, { sessions: real.client.sessions, ignoreNonces: false, ignoreFaults: real.ignoreFaults });
  if (difference) fail(`after this command the worlds differ at ${difference}`);
}

export interface WirePropertyOptions {
  readonly name: string;
  readonly settings: PropertySettings;
  readonly url: string;
  readonly recorder?: CoverageRecorder;
  /** Deliberate faults of the simulator's world when they should differ from the model's (testing the property itself). */
  readonly wireFaults?: PropertySettings['faults'];
}

export interface WirePropertyResult {
  readonly runs: number;
  readonly commands: number;
  /** Commands the wire has no way to say (applied to the local world only). */
  readonly unsayable: number;
  readonly failure: PropertyFailure | undefined;
}

export async function checkWireProperty(options: WirePropertyOptions): Promise<WirePropertyResult> {
  const { settings, recorder } = options;
  let runs = 0;
  let commands = 0;
  let unsaid = 0;
  const listener = (outcome: Outcome) => {
    commands++;
    recorder?.observe(outcome, runs);
  };
  const steps = fc.commands([intentArb(DEFAULT_MIX).map((i) => new WireStep(i))], {
    maxCommands: settings.maxCommands,
    size: 'max',
    ...(settings.replayPath ? { replayPath: settings.replayPath } : {}),
  });
  const property = fc.asyncProperty(steps, async (cmds) => {
    runs++;
    const client = new WireClient(options.url, () => WIRE_CLOCK);
    await client.reset(settings.worldSeed, options.wireFaults ?? settings.faults);
    const sim = new Sim({ seed: settings.worldSeed, faults: settings.faults, check: false });
    const real = new WireReal(client, listener, options.wireFaults !== undefined);
    try {
      await fc.asyncModelRun(() => ({ model: sim, real }), cmds);
    } finally {
      unsaid += real.unsayable;
      recorder?.endRun(runs);
    }
  });
  const details = await fc.check(property, {
    numRuns: settings.numRuns,
    ...(settings.seed !== undefined ? { seed: settings.seed } : {}),
    ...(settings.path !== undefined ? { path: settings.path } : {}),
  });
  if (!details.failed) return { runs, commands, unsayable: unsaid, failure: undefined };
  const error = details.errorInstance;
  if (!(error instanceof WireDisagreement)) {
    throw new Error(`${options.name}: the property failed without a disagreement (seed ${details.seed}, path ${details.counterexamplePath ?? '?'}): ${String(error)}`);
  }
  const replayPath = /replayPath="([^"]*)"/.exec(String(details.counterexample?.[0] ?? ''))?.[1];
  return { runs, commands, unsayable: unsaid, failure: propertyFailure(options.name, settings, details, error, replayPath) };
}

