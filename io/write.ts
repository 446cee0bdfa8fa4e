import { randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface OutputFile {
  readonly name: string;
  readonly content: string;
}

/** Where writeFileSet keeps the sets, inside the output directory. */
export const SETS_DIR = '.report-sets';
const CURRENT = 'current';

/**
 * Writes a set of files that belong together (coverage.json, index.html, summary.md) so that
 * whatever kills the writer, the set on disk is one complete run: the files go into a fresh
 * directory `dir/.report-sets/<set>/<id>/`, then one rename switches the symbolic link
 * `.report-sets/<set>/current` to it (a rename replaces a link whole). `dir/<name>` are links through
 * `current`, so they always show one set. Leftovers of a killed run are removed on the next.
 * Returns the paths users open: `dir/<name>`.
 */
export function writeFileSet(
  dir: string,
  files: readonly OutputFile[],
  options: { readonly set?: string; readonly afterStep?: (step: string) => void } = {},
): string[] {
  // Tests stop the writer here, at every step in turn, to show no step leaves a mixed set.
  const step = options.afterStep ?? (() => undefined);
  // Several sets may share a directory (the coverage report, cucumber's reports): each has its own link.
  const setName = options.set ?? 'report';
  const sets = join(dir, SETS_DIR, setName);
  mkdirSync(sets, { recursive: true });
  const previous = currentSet(sets);
  removeLeftovers(sets, previous);
  step('leftovers removed');
  const id = `${Date.now().toString(36)}-${process.pid}-${randomBytes(4).toString('hex')}`;
  const fresh = join(sets, id);
  mkdirSync(fresh);
  try {
    for (const f of files) {
      writeFileSync(join(fresh, f.name), f.content);
      step(`wrote ${f.name}`);
    }
  } catch (e) {
    rmSync(fresh, { recursive: true, force: true });
    throw e;
  }
  // The names users open link through `current`; made before the switch, so until the first
  // switch they show nothing, and after it every one shows the new set.
  for (const f of files) {
    linkInto(dir, f.name, join(SETS_DIR, setName, CURRENT, f.name));
    step(`linked ${f.name}`);
  }
  const link = join(sets, `${CURRENT}.tmp-${id}`);
  symlinkSync(id, link);
  step('new link made');
  renameSync(link, join(sets, CURRENT));
  step('switched');
  if (previous !== undefined && previous !== id) rmSync(join(sets, previous), { recursive: true, force: true });
  step('previous removed');
  return files.map((f) => join(dir, f.name));
}

function currentSet(sets: string): string | undefined {
  try {
    return readlinkSync(join(sets, CURRENT));
  } catch {
    return undefined;
  }
}

/** Sets and temporary links a killed writer left: everything but `current` and what it points to. */
function removeLeftovers(sets: string, keep: string | undefined): void {
  for (const entry of readdirSync(sets)) {
    if (entry !== CURRENT && entry !== keep) rmSync(join(sets, entry), { recursive: true, force: true });
  }
}

/** Makes `dir/name` a link to `target` (relative), replacing a file of an older layout in one rename. */
function linkInto(dir: string, name: string, target: string): void {
  const path = join(dir, name);
  try {
    if (lstatSync(path).isSymbolicLink() && readlinkSync(path) === target) return;
  } catch {
    // not there yet
  }
  const temp = `${path}.tmp-link-${randomBytes(4).toString('hex')}`;
  symlinkSync(target, temp);
  renameSync(temp, path);
}

/**
 * Writes files that may each stand alone (an explorer's output next to other configurations'):
 * every file goes to a temporary name first and is renamed over the old one only when all are
 * written, so a failure leaves the old files as they were. A kill between the renames can leave
 * some new beside some old, so files that must match each other use writeFileSet. Temporaries a
 * killed writer left beside these names are removed first.
 */
export function writeAllOrNothing(dir: string, files: readonly OutputFile[]): string[] {
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(dir)) {
    if (files.some((f) => entry.startsWith(`${f.name}.tmp-`))) rmSync(join(dir, entry), { force: true });
  }
  const suffix = `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const temps: string[] = [];
  try {
    for (const f of files) {
      const temp = join(dir, `${f.name}${suffix}`);
      temps.push(temp);
      writeFileSync(temp, f.content);
    }
  } catch (e) {
    for (const t of temps) rmSync(t, { force: true });
    throw e;
  }
  return files.map((f, i) => {
    const target = join(dir, f.name);
    renameSync(temps[i], target);
    return target;
  });
}

/** JSON with object keys sorted at every level (arrays keep their order), for stable diffs. */
export function stableJson(value: unknown, indent = 2): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (typeof v === 'object' && v !== null) {
      return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])]));
    }
    return v;
  };
  return `${JSON.stringify(sort(value), null, indent)}\n`;
}
