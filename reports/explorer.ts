import { readFileSync } from 'node:fs';

/**
 * Optional input from the exhaustive explorer: for each explored configuration, the statechart
 * transitions the world actually took. A file holds one `{ configuration, reachableTransitions }`
 * object or an array of them. With it, the report tells gaps (reachable in the world, covered
 * by nothing) from transitions no explored configuration reaches (flagged suspicious).
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
