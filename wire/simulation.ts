import { readFileSync } from 'node:fs';
import { apply, createWorld, parseSimulationFile, type Command, type Outcome, type World } from '../model';
import { auditEntry, AuditTrail, refusalLine } from './audit';
import type { Decoded, ResolvedOptions, WireAnswer, WireContext } from './types';

/**
 * The simulator's state: the world (a value, replaced by each command), the world it started
 * from, and the audit trail. Every method is synchronous, so requests are applied one at a
 * time in the order they arrive, whatever the server does between them.
 */

/** The starting world: a seed, or a simulation file's seed, faults and set-up commands. */
export function startingWorld(options: ResolvedOptions): World {
  if (!options.world) return createWorld({ seed: options.seed });
  const file = parseSimulationFile(readFileSync(options.world, 'utf8'), options.world);
  let world = createWorld({ seed: file.seed, faults: file.faults });
  file.commands.forEach((command, i) => {
    const { world: next, outcome } = apply(world, command);
    if (outcome.kind === 'invalid') throw new Error(`${options.world}: commands[${i}] ${outcome.at}: ${outcome.problem}; should be ${outcome.allowed}`);
    world = next;
  });
  return world;
}

export class Simulation {
  private current: World;
  private seq = 0;
  readonly audit: AuditTrail;

  constructor(private readonly start: World, private readonly options: ResolvedOptions) {
    this.current = start;
    this.audit = new AuditTrail(options.audit, options.auditLimit);
  }

  get world(): World {
    return this.current;
  }

  private applyOne(command: Command): Outcome {
    const { world, outcome } = apply(this.current, command);
    this.current = world;
    this.options.recorder?.observe(outcome);
    return outcome;
  }

  /**
   * Set-up commands from the administration API, all or nothing: when one is malformed for
   * the model, none is kept and its position is named.
   */
  applyAll(commands: readonly Command[]): { readonly ok: true; readonly outcomes: readonly Outcome[] } | { readonly ok: false; readonly at: number; readonly outcome: Outcome } {
    let world = this.current;
    const outcomes: Outcome[] = [];
    for (const [i, command] of commands.entries()) {
      const r = apply(world, command);
      if (r.outcome.kind === 'invalid') return { ok: false, at: i, outcome: r.outcome };
      world = r.world;
      outcomes.push(r.outcome);
    }
    this.current = world;
    for (const o of outcomes) this.options.recorder?.observe(o);
    return { ok: true, outcomes };
  }

  /** One request: its command applied (if it has one), its audit entry, its answer. */
  answer(decoded: Decoded, encode: (outcome: Outcome, context: WireContext, world: World) => WireAnswer): WireAnswer {
    const outcome = decoded.kind === 'command' ? this.applyOne(decoded.command) : undefined;
    const entry = auditEntry(++this.seq, new Date(this.options.clock()), decoded.context, outcome, decoded.kind === 'answer' ? decoded.refusal : undefined);
    this.audit.add(entry);
    const line = refusalLine(entry);
    if (line) this.options.onRefusal?.(line);
    return outcome ? encode(outcome, decoded.context, this.current) : (decoded as Extract<Decoded, { kind: 'answer' }>).answer;
  }

  /** Back to the starting world, or to `world` (a fresh world of another seed, say) when given. */
  reset(world: World = this.start): void {
    this.current = world;
    this.seq = 0;
    this.audit.clear();
  }
}
