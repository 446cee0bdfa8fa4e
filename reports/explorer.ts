import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Optional input from the exhaustive explorer: for each explored configuration, the statechart
 * transitions the world actually took. A file holds one `{ configuration, reachableTransitions }`
 * object or an array of them (other fields, such as `complete`, are ignored). With it, a
 * transition an explored configuration reached and nothing covers is a gap for certain, and one
 * no configuration reached is flagged suspicious.
 */

export interface ExplorerReach {
  readonly configuration: string;
  readonly reachableTransitions: readonly string[];
}

export class ExplorerInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExplorerInputError';
  }
}

function parseOne(value: unknown, at: string, file: string, known: ReadonlySet<string>): ExplorerReach {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ExplorerInputError(`${file}: ${at}: Invalid value: should be an object { "configuration": string, "reachableTransitions": string[] }`);
  }
  const { configuration, reachableTransitions } = value as { configuration?: unknown; reachableTransitions?: unknown };
  if (typeof configuration !== 'string' || configuration === '') {
    throw new ExplorerInputError(`${file}: ${at}.configuration: Invalid value: should be a non-empty string naming the explored configuration`);
  }
  if (!Array.isArray(reachableTransitions) || reachableTransitions.some((t) => typeof t !== 'string')) {
    throw new ExplorerInputError(`${file}: ${at}.reachableTransitions: Invalid value: should be an array of transition ids`);
  }
  const unknown = (reachableTransitions as string[]).filter((t) => !known.has(t));
  if (unknown.length > 0) {
    throw new ExplorerInputError(`${file}: ${at}.reachableTransitions: ${JSON.stringify(unknown[0])} is not a transition of the statechart (explorer output from another version of the model?)`);
  }
  return { configuration, reachableTransitions: [...new Set(reachableTransitions as string[])].sort() };
}

export function parseExplorerText(text: string, file: string, known: ReadonlySet<string>): ExplorerReach[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ExplorerInputError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  return Array.isArray(value) ? value.map((v, i) => parseOne(v, `[${i}]`, file, known)) : [parseOne(value, '(top level)', file, known)];
}

export function readExplorerFiles(files: readonly string[], known: ReadonlySet<string>): ExplorerReach[] {
  return files.flatMap((file) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new ExplorerInputError(`${file}: cannot read explorer output (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
    return parseExplorerText(text, file, known);
  });
}

/** Explorer outputs next to a report: `<out>/explorer.json` and every `<out>/explorer/*.json`. */
export function explorerFilesIn(outDir: string): string[] {
  const files: string[] = [];
  const single = join(outDir, 'explorer.json');
  if (existsSync(single)) files.push(single);
  const dir = join(outDir, 'explorer');
  if (existsSync(dir) && statSync(dir).isDirectory()) {
    files.push(...readdirSync(dir).filter((n) => n.endsWith('.json')).sort().map((n) => join(dir, n)));
  }
  return files;
}
