import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * The one argument parser of every command line: node:util's parseArgs in strict mode, with
 * its errors turned into messages that say what to write instead ("--raw needs a value",
 * "unknown option "--shard": should be one of ..."). Every command accepts --help.
 */

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedCommandLine<O extends OptionSpec> {
  readonly values: { [K in keyof O]?: O[K] extends { type: 'boolean' } ? (O[K] extends { multiple: true } ? boolean[] : boolean) : O[K] extends { multiple: true } ? string[] : string };
  readonly positionals: readonly string[];
  readonly help: boolean;
}

function optionNames(options: OptionSpec): string[] {
  return [...Object.keys(options).filter((n) => n !== 'help'), 'help'].map((n) => `--${n}`);
}

/** Parses `args` against `options` (plus --help/-h); throws UsageError naming the option and the fix. */
export function parseCommandLine<O extends OptionSpec>(args: readonly string[], options: O, maxPositionals = 0): ParsedCommandLine<O> {
  const spec = { ...options, help: { type: 'boolean', short: 'h' } } satisfies OptionSpec;
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...args], options: spec, strict: true, allowPositionals: true });
  } catch (e) {
    throw new UsageError(explain(e, options, args));
  }
  const flags = new Map(Object.entries(options).map(([name, o]) => [`--${name}`, o]));
  for (const arg of args) {
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    if (eq > 0 && arg.slice(eq + 1) === '' && flags.get(arg.slice(0, eq))?.type === 'string') {
      throw new UsageError(`${arg.slice(0, eq)}: Invalid value "": should not be empty`);
    }
  }
  if (parsed.positionals.length > maxPositionals) {
    const extra = parsed.positionals[maxPositionals];
    throw new UsageError(`unknown argument "${extra}": ${maxPositionals === 0 ? 'this command takes options only' : `at most ${maxPositionals} argument(s)`}; should be one of ${optionNames(options).join(', ')}`);
  }
  const { help, ...values } = parsed.values;
  return { values: values as ParsedCommandLine<O>['values'], positionals: parsed.positionals, help: help === true };
}

function explain(e: unknown, options: OptionSpec, args: readonly string[]): string {
  const code = (e as { code?: string }).code;
  const message = e instanceof Error ? e.message : String(e);
  const named = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? '';
  const name = named.replace(/=.*$/, '');
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option "${args.find((a) => a === name || a.startsWith(`${name}=`)) ?? name}": should be one of ${optionNames(options).join(', ')}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const spec = options[name.replace(/^-+/, '')];
      if (spec?.type === 'boolean') return `${name} takes no value (got "${args.find((a) => a.startsWith(`${name}=`)) ?? name}")`;
      return `${name} needs a value`;
    }
    default:
      return message;
  }
}

/**
 * For commands that take no arguments: --help prints the usage (0), anything else is refused
 * naming it, with the usage (2); undefined means run.
 */
export function helpOrRefuse(command: string, usage: string, args: readonly string[]): number | undefined {
  try {
    if (parseCommandLine(args, {}).help) {
      process.stdout.write(`${usage}\n`);
      return 0;
    }
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${command}: ${e.message}\n${usage}\n`);
    return 2;
  }
  return undefined;
}
