import { z } from 'zod';
import { DELIBERATE_FAULT_IDS, isDeliberateFault, type DeliberateFault } from './faults';
import { describeIssues, JsonTextError, parseJsonText } from './json';
import type { Command } from './commands';
import { CommandShapeError, parseCommand } from './parse';

/**
 * The simulation file: a seed, optional deliberate faults, and commands in order. It is what
 * `npm run simulate` replays and what properties and the explorer write for a counterexample.
 */
export interface SimulationFile {
  readonly seed: number;
  readonly faults: readonly DeliberateFault[];
  readonly commands: readonly Command[];
  /** Free text: where the file came from (a property, a trace). */
  readonly origin?: string;
}

export class SimulationFileError extends Error {}

/** The envelope of a simulation file; each command is then read by parseCommand, which names its position. */
const SimulationEnvelope = z.strictObject({
  seed: z.int({ error: (iss) => `Invalid value ${JSON.stringify(iss.input)}: should be an integer` }).default(1),
  faults: z
    .array(z.string().refine(isDeliberateFault, { error: (iss) => `Invalid value ${JSON.stringify(iss.input)}: should be a deliberate fault ID (${DELIBERATE_FAULT_IDS.join(', ')})` }), {
      error: (iss) => `Invalid value ${JSON.stringify(iss.input)}: should be a list of deliberate fault IDs (${DELIBERATE_FAULT_IDS.join(', ')})`,
    })
    .default([]),
  commands: z.array(z.unknown(), { error: 'should be a list of commands' }),
  origin: z.string().optional(),
}, { error: (iss) => (iss.code === 'unrecognized_keys' ? `unknown field(s) ${iss.keys.map((k) => `"${k}"`).join(', ')}: should be seed, faults, commands, origin` : 'expected an object { "seed": number, "commands": [...] }') });

export function parseSimulationFile(text: string, name: string): SimulationFile {
  let json: unknown;
  try {
    json = parseJsonText(text, name);
  } catch (e) {
    if (e instanceof JsonTextError) throw new SimulationFileError(`${e.message}. Fix the JSON syntax; see scenarios/examples/ for the format.`);
    throw e;
  }
  const envelope = SimulationEnvelope.safeParse(json);
  if (!envelope.success) throw new SimulationFileError(describeIssues(envelope.error).map((p) => `${name}: ${p}`).join('\n'));
  const file = envelope.data;
  const commands = file.commands.map((c, i) => {
    try {
      return parseCommand(c, `commands[${i}]`);
    } catch (e) {
      if (e instanceof CommandShapeError) throw new SimulationFileError(`${name}: ${e.message}`);
      throw e;
    }
  });
  return { seed: file.seed, faults: file.faults as DeliberateFault[], commands, ...(file.origin !== undefined ? { origin: file.origin } : {}) };
}

export function formatSimulationFile(file: SimulationFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
