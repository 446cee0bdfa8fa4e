import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes report files all or nothing: every file goes to a temporary name in the output
 * directory first, and only when all are written are they renamed over the old ones (a rename
 * within one directory replaces a file whole). A failure before the renames leaves the old
 * files as they were and removes the temporaries.
 */
export function writeAllOrNothing(dir: string, files: readonly { readonly name: string; readonly content: string }[]): string[] {
  mkdirSync(dir, { recursive: true });
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
