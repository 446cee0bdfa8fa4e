import { AstBuilder, compile, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator, type Pickle } from '@cucumber/messages';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The scenarios of feature files as cucumber sees them (tests only): Gherkin parsed and
 * compiled into pickles, Scenario Outlines expanded, tags inherited.
 */
export function picklesOf(path: string): readonly Pickle[] {
  const newId = IdGenerator.incrementing();
  const document = new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher()).parse(readFileSync(path, 'utf8'));
  return compile(document, path, newId);
}

export function featureFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.feature')).sort().map((f) => join(dir, f));
}
