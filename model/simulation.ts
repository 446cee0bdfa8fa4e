import { isDeliberateFault, type DeliberateFault } from './faults';
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

/** Line and column of a character offset, for JSON syntax errors. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/** Where JSON.parse gave up, when its message does not say: the longest prefix that could still be valid JSON. */
function errorOffset(text: string, message: string): number {
  const pos = /position (\d+)/.exec(message);
  if (pos) return Number(pos[1]);
  const viable = (n: number) => {
    try {
      JSON.parse(text.slice(0, n));
      return true;
    } catch (e) {
      const m = e instanceof Error ? e.message : '';
      const at = /position (\d+)/.exec(m);
      return m.includes('end of JSON input') || (at !== null && Number(at[1]) >= n);
    }
  };
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (viable(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function parseSimulationFile(text: string, name: string): SimulationFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const where = lineColumn(text, errorOffset(text, message));
    throw new SimulationFileError(`${name}: not valid JSON at ${where}: ${message}. Fix the JSON syntax; see scenarios/examples/ for the format.`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new SimulationFileError(`${name}: expected an object { "seed": number, "commands": [...] }`);
  }
  const file = json as Record<string, unknown>;
  const seed = file.seed ?? 1;
  if (typeof seed !== 'number' || !Number.isInteger(seed)) throw new SimulationFileError(`${name}: "seed" must be an integer, got ${JSON.stringify(seed)}`);
  const faults = file.faults ?? [];
  if (!Array.isArray(faults) || faults.some((f) => typeof f !== 'string' || !isDeliberateFault(f))) {
    throw new SimulationFileError(`${name}: "faults" must be a list of deliberate fault IDs (AUTH-03, STATE-01, AUTH-07, OWN-03, SBX-02), got ${JSON.stringify(faults)}`);
  }
  if (!Array.isArray(file.commands)) throw new SimulationFileError(`${name}: "commands" must be a list of commands`);
  const commands = file.commands.map((c, i) => {
    try {
      return parseCommand(c, `commands[${i}]`);
    } catch (e) {
      if (e instanceof CommandShapeError) throw new SimulationFileError(`${name}: ${e.message}`);
      throw e;
    }
  });
  return { seed, faults: faults as DeliberateFault[], commands, ...(typeof file.origin === 'string' ? { origin: file.origin } : {}) };
}

export function formatSimulationFile(file: SimulationFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
