import { readFileSync } from 'node:fs';
import { parseCommandLine, UsageError } from '../io/args';
import { apply, createWorld, describeInvalid, parseSimulationFile, redact, redactText, SimulationFileError } from '../model';

/**
 * npm run simulate -- FILE.json: replays a simulation file against a fresh world and prints
 * every outcome and the final world as JSON, confidential values redacted.
 * Exit code: 0 when every command was well-formed, 2 for a bad file or an invalid command.
 */
const USAGE = `usage: npm run simulate -- FILE.json
  Replays a simulation file ({ "seed": 42, "commands": [...] }, see model/commands.ts) against a
  fresh world and prints every outcome and the final world as JSON, confidential values redacted.
  Examples: scenarios/examples/*.json. Exit codes: 0 every command well-formed; 2 bad file or command.`;

interface Io {
  readonly out: NodeJS.WritableStream;
  readonly err: NodeJS.WritableStream;
}

export function main(args: readonly string[], io: Io = { out: process.stdout, err: process.stderr }): number {
  let path: string | undefined;
  try {
    const parsed = parseCommandLine(args, {}, 1);
    if (parsed.help) {
      io.out.write(`${USAGE}\n`);
      return 0;
    }
    path = parsed.positionals[0];
    if (path === undefined) throw new UsageError('a simulation file is needed');
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err.write(`simulate: ${e.message}\n${USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    io.err.write(`simulate: cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return 2;
  }
  let file;
  try {
    file = parseSimulationFile(text, path);
  } catch (e) {
    if (e instanceof SimulationFileError) {
      io.err.write(`simulate: ${redactText(e.message)}\n`);
      return 2;
    }
    throw e;
  }
  let world = createWorld({ seed: file.seed, faults: file.faults });
  const outcomes = [];
  let invalid = 0;
  for (const [index, command] of file.commands.entries()) {
    const r = apply(world, command);
    world = r.world;
    outcomes.push({ index, command: command.type, outcome: r.outcome });
    if (r.outcome.kind === 'invalid') {
      invalid++;
      io.err.write(`simulate: commands[${index}] ${redactText(describeInvalid(r.outcome))}\n`);
    }
  }
  io.out.write(`${JSON.stringify(redact({ seed: file.seed, faults: file.faults, outcomes, world }), null, 2)}\n`);
  const counts = outcomes.reduce<Record<string, number>>((acc, o) => ({ ...acc, [o.outcome.kind]: (acc[o.outcome.kind] ?? 0) + 1 }), {});
  io.err.write(`simulate: ${file.commands.length} commands: ${Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(', ')}\n`);
  return invalid > 0 ? 2 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
