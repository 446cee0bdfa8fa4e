import { readFileSync } from 'node:fs';
import { apply, createWorld, describeInvalid, parseSimulationFile, redact, redactText, SimulationFileError } from '../model';

/**
 * npm run simulate -- FILE.json: replays a simulation file against a fresh world and prints
 * every outcome and the final world as JSON, confidential values redacted.
 * Exit code: 0 when every command was well-formed, 2 for a bad file or an invalid command.
 */
function main(args: readonly string[]): number {
  const path = args[0];
  if (!path || args.length > 1) {
    process.stderr.write('usage: npm run simulate -- FILE.json   (examples in scenarios/examples/)\n');
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    process.stderr.write(`simulate: cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return 2;
  }
  let file;
  try {
    file = parseSimulationFile(text, path);
  } catch (e) {
    if (e instanceof SimulationFileError) {
      process.stderr.write(`simulate: ${redactText(e.message)}\n`);
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
      process.stderr.write(`simulate: commands[${index}] ${redactText(describeInvalid(r.outcome))}\n`);
    }
  }
  process.stdout.write(`${JSON.stringify(redact({ seed: file.seed, faults: file.faults, outcomes, world }), null, 2)}\n`);
  const counts = outcomes.reduce<Record<string, number>>((acc, o) => ({ ...acc, [o.outcome.kind]: (acc[o.outcome.kind] ?? 0) + 1 }), {});
  process.stderr.write(`simulate: ${file.commands.length} commands: ${Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(', ')}\n`);
  return invalid > 0 ? 2 : 0;
}

process.exitCode = main(process.argv.slice(2));
