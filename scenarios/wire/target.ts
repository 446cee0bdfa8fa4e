import { describeCommand } from './describe-command';
import { startSimulator, type Simulator } from '../../wire';
import type { Command, DeliberateFault, Outcome, World } from '../../model';
import { WireClient } from './client';
import { disagreement, worldDifference } from './compare';

/**
 * Where the scenarios' commands go besides the local model: nowhere (HARNESS_TARGET=model, the
 * default), or a simulator this cucumber worker starts (HARNESS_TARGET=wire). On the wire every
 * command a step runs is also sent, in order, once the step's function returns; the wire's
 * answer must say what the local model's outcome says, and a disagreement fails the step
 * naming both. Then steps keep reading the local outcome and world.
 */

export type TargetName = 'model' | 'wire';
const TARGETS: readonly TargetName[] = ['model', 'wire'];

/** The scenarios' clock (Unix seconds, 2026-01-01T00:00:00Z): every request arrives then, on either target. */
export const SCENARIO_CLOCK = 1_767_225_600;

/** Reads HARNESS_TARGET at the edge. */
export function targetFromEnv(value: string | undefined): TargetName {
  if (value === undefined || value.trim() === '') return 'model';
  const t = value.trim().toLowerCase();
  if ((TARGETS as readonly string[]).includes(t)) return t as TargetName;
  throw new Error(`HARNESS_TARGET: Invalid target "${value}": should be one of ${TARGETS.join(', ')} (model: the scenarios run against the model only; wire: also over HTTP against a simulator)`);
}

/** One command a step ran, with the local worlds around it and the local outcome. */
export interface SentCommand {
  readonly before: World;
  readonly command: Command;
  readonly after: World;
  readonly outcome: Outcome;
}

/** A simulator for one cucumber worker and the client that talks to it. */
export class WireTarget {
  private constructor(private readonly simulator: Simulator, readonly client: WireClient) {}

  static async start(): Promise<WireTarget> {
    const simulator = await startSimulator({ clock: () => SCENARIO_CLOCK * 1000 });
    return new WireTarget(simulator, new WireClient(simulator.url, () => SCENARIO_CLOCK));
  }

  get url(): string {
    return this.simulator.url;
  }

  reset(seed: number, faults: readonly DeliberateFault[]): Promise<void> {
    return this.client.reset(seed, faults);
  }

  /** Sends the commands in order; throws on the first the wire answers differently. */
  async send(commands: readonly SentCommand[]): Promise<void> {
    for (const c of commands) {
      const answer = await this.client.send(c.before, c.command);
      if (answer.via === 'none') {
        if (c.after !== c.before) throw new Error(`The wire cannot say ${describeCommand(c.command)} (${answer.reason}), but the model changed the world with it.`);
        continue;
      }
      const wrong = disagreement(c.before, c.command, c.outcome, c.after, answer);
      if (wrong) throw new Error(`The simulator disagrees with the model on ${describeCommand(c.command)}: ${wrong}`);
    }
  }

  /** Where the simulator's world differs from the local one (nonces aside: the wire sends them, the model-only steps do not), or undefined. */
  async worldDifference(local: World): Promise<string | undefined> {
    return worldDifference(await this.client.world(), local, { sessions: this.client.sessions, ignoreNonces: true });
  }

  close(): Promise<void> {
    return this.simulator.close();
  }
}
